import { Role, Viewer, isStaff } from '@alternance/platform/domain';
import { Party, allowedMoves } from '@alternance/applications/domain';
import { ApplicationEntity, ApplicationEventEntity, InvitationEntity } from '@alternance/applications/data-access';
import { toCandidate } from '@alternance/candidates/graphql';
import { toOffer } from '@alternance/offers/graphql';
import { Application, ApplicationEvent, Invitation } from './application.model';

/** Which side of the application the viewer is on, if any. */
export function partyOf(viewer: Viewer, candidateUserId: string | null, organizationId: string): Party | null {
  if (candidateUserId && viewer.userId === candidateUserId) return Party.CANDIDATE;
  if (isStaff(viewer) || (viewer.role === Role.EMPLOYER && viewer.organizationId === organizationId)) return Party.EMPLOYER;
  return null;
}

export function toApplicationEvent(e: ApplicationEventEntity): ApplicationEvent {
  return { status: e.status, rejectionReason: e.rejectionReason, note: e.note, actorUserId: e.actorUserId, actorRole: e.actorRole, at: e.at };
}

/** Needs `offer`, `candidate.user` and `history` loaded. The candidate is masked for the viewer. */
export function toApplication(a: ApplicationEntity, viewer: Viewer): Application {
  const offer = a.offer.getEntity();
  const candidate = a.candidate?.getEntity() ?? null;
  const user = candidate?.user.getEntity() ?? null;
  const party = partyOf(viewer, user?.id ?? null, offer.organization.id);
  return {
    id: a.id,
    status: a.status,
    allowedMoves: party ? allowedMoves(a.status, party) : [],
    message: a.message,
    answers: a.answers.map((x) => ({ question: x.question, answer: x.answer })),
    rejectionReason: a.rejectionReason,
    offer: toOffer(offer),
    candidate: candidate && user ? toCandidate(candidate, user, viewer) : null,
    history: a.history.getItems().map(toApplicationEvent),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** Needs `offer` and `candidate.user` loaded. */
export function toInvitation(i: InvitationEntity, viewer: Viewer): Invitation {
  const candidate = i.candidate.getEntity();
  return {
    id: i.id,
    status: i.status,
    message: i.message,
    offer: toOffer(i.offer.getEntity()),
    candidate: toCandidate(candidate, candidate.user.getEntity(), viewer),
    applicationId: i.application?.id ?? null,
    createdAt: i.createdAt,
    answeredAt: i.answeredAt,
  };
}
