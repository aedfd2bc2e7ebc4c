import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DataSubject, PersonalDataHolder } from '@alternance/platform/nest';
import { ExposureEntity } from '@alternance/platform/data-access';
import { ApplicationEntity, ApplicationEventEntity, InvitationEntity, OutcomeEntity } from '@alternance/applications/data-access';

/**
 * What this context holds about a person: as a candidate, their applications (with answers and
 * history) and invitations; as an employer or staff member, the moves and invitations they
 * made. Erasing keeps the employer's record of an application without the person: no
 * candidate, no message, no answers, no notes (a note on a candidate's application may describe
 * them); their invitations go. Outcome questions not answered go; an answer stays with the
 * anonymous application it is about, for the impact report. The marketplace exposures naming
 * the candidate (ids only) go.
 */
@Injectable()
export class ApplicationsPersonalData implements PersonalDataHolder {
  readonly section = 'applications';

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const [applications, invitations] = subject.candidateId
      ? await Promise.all([
          em.find(ApplicationEntity, { candidate: subject.candidateId }, { populate: ['offer', 'history'], orderBy: { createdAt: 'asc', id: 'asc' } }),
          em.find(InvitationEntity, { candidate: subject.candidateId }, { populate: ['offer', 'organization'], orderBy: { createdAt: 'asc', id: 'asc' } }),
        ])
      : [[], []];
    const outcomes = applications.length ? await em.find(OutcomeEntity, { application: { $in: applications.map((a) => a.id) } }, { orderBy: { askedAt: 'asc' } }) : [];
    return {
      applications: applications.map((a) => ({
        id: a.id,
        offer: { id: a.offer.id, title: a.offer.getEntity().title },
        status: a.status,
        message: a.message,
        answers: a.answers,
        rejectionReason: a.rejectionReason,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        history: a.history.getItems().map((h) => ({
          status: h.status,
          rejectionReason: h.rejectionReason,
          note: h.note,
          byRole: h.actorRole,
          byYou: h.actorUserId === subject.userId,
          at: h.at,
        })),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        offer: { id: i.offer.id, title: i.offer.getEntity().title },
        organization: i.organization.getEntity().name,
        message: i.message,
        status: i.status,
        createdAt: i.createdAt,
        answeredAt: i.answeredAt,
      })),
      outcomes: outcomes.map((o) => ({
        application: o.application.id,
        plannedEnd: o.plannedEnd,
        askedAt: o.askedAt,
        answeredAt: o.answeredAt,
        employed: o.employed,
        kind: o.kind,
      })),
      timesShownToEmployers: subject.candidateId ? await em.count(ExposureEntity, { candidateId: subject.candidateId }) : 0,
      movesMade: await em.count(ApplicationEventEntity, { actorUserId: subject.userId }),
      invitationsSent: await em.count(InvitationEntity, { invitedBy: subject.userId }),
    };
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    if (subject.candidateId) {
      const applications = await em.find(ApplicationEntity, { candidate: subject.candidateId }, { populate: ['history'] });
      for (const a of applications) {
        a.candidate = null;
        a.message = '';
        a.answers = [];
        for (const event of a.history) event.note = null;
      }
      for (const invitation of await em.find(InvitationEntity, { candidate: subject.candidateId })) em.remove(invitation);
      if (applications.length) {
        for (const o of await em.find(OutcomeEntity, { application: { $in: applications.map((a) => a.id) }, answeredAt: null })) em.remove(o);
      }
      await em.nativeDelete(ExposureEntity, { candidateId: subject.candidateId });
    }
    for (const event of await em.find(ApplicationEventEntity, { actorUserId: subject.userId })) event.actorUserId = null;
    for (const invitation of await em.find(InvitationEntity, { invitedBy: subject.userId })) invitation.invitedBy = null;
  }
}
