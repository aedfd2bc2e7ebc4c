import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, ref } from '@mikro-orm/core';
import { CLOCK, Clock, ConflictException, ForbiddenException, NotFoundException, Notice, Page, PageRequest, Viewer, isUuid } from '@alternance/platform/domain';
import {
  InvitationStatus,
  answerRefusal,
  applicationReceivedNotices,
  invitationAnsweredNotice,
  invitationReceivedNotice,
  offerClosedRefusal,
  reinviteRefusal,
} from '@alternance/applications/domain';
import { ApplicationEntity, InvitationEntity } from '@alternance/applications/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Visibility } from '@alternance/candidates/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ApplicationNotices } from './application-notices';
import { ApplicationDraft, ApplicationsService } from './applications.service';

export const INVITATION_POPULATE = ['offer.organization', 'candidate.user'] as const;

/**
 * Employers invite marketplace candidates to apply. Accepting is applying (with the same
 * checks, eligibility included) and reveals an ANONYMOUS candidate's identity to the inviting
 * organization; declining is final for that offer. Eligibility is not checked when inviting:
 * a refusal there would tell the employer a private fact about the candidate.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly applications: ApplicationsService,
    private readonly notices: ApplicationNotices,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invite(viewer: Viewer, offerId: string, candidateId: string, message: string | null): Promise<InvitationEntity> {
    const offer = await this.applications.requireManagedOffer(viewer, offerId);
    const now = this.clock.now();
    const closed = offerClosedRefusal(offer.status, offer.expiresAt, now);
    if (closed) throw closed;
    const candidate = isUuid(candidateId) ? await this.em.findOne(CandidateEntity, { id: candidateId }) : null;
    if (!candidate) throw new NotFoundException('Candidate', candidateId);
    if (candidate.visibility === Visibility.HIDDEN) {
      throw new ForbiddenException('This candidate is not in the talent marketplace and cannot be invited.', 'CANDIDATE_NOT_IN_MARKETPLACE');
    }
    const existing = await this.em.findOne(InvitationEntity, { offer: offer.id, candidate: candidate.id });
    if (existing) throw reinviteRefusal(existing.status);
    const organization = await this.em.findOneOrFail(OrganizationEntity, { id: offer.organization.id });
    const invitation = Object.assign(new InvitationEntity(), {
      offer: ref(offer),
      organization: ref(organization),
      candidate: ref(candidate),
      invitedBy: this.em.getReference(UserEntity, viewer.userId, { wrapped: true }),
      message: message?.trim() ?? '',
      createdAt: now,
    });
    this.em.persist(invitation);
    this.notices.post(this.em, [
      invitationReceivedNotice(candidate.user.id, { invitationId: invitation.id, offerTitle: offer.title, organizationName: organization.name, message: invitation.message }),
    ]);
    await this.applications.commit(() => reinviteRefusal(InvitationStatus.PENDING));
    return this.load(invitation.id);
  }

  /** Accepting applies to the offer (or keeps the application the candidate already made). */
  async accept(viewer: Viewer, id: string, draft: ApplicationDraft): Promise<InvitationEntity> {
    const invitation = await this.requireMine(viewer, id);
    const refusal = answerRefusal(invitation.status);
    if (refusal) throw refusal;
    const offer = invitation.offer.getEntity();
    const candidate = invitation.candidate.getEntity();
    const user = candidate.user.getEntity();
    const existing = await this.em.findOne(ApplicationEntity, { candidate: candidate.id, offer: offer.id });
    const inviter = await this.inviterOrEmployers(invitation);
    const others = (await this.notices.employerUserIds(this.em, offer.organization.id)).filter((u) => !inviter.includes(u));
    const application = existing ?? (await this.applications.prepare(candidate, offer, draft, viewer, 'Applied by accepting an invitation.'));
    invitation.status = InvitationStatus.ACCEPTED;
    invitation.answeredAt = this.clock.now();
    invitation.application = ref(application);
    const notices: Notice[] = inviter.map((recipient) =>
      invitationAnsweredNotice(recipient, { invitationId: invitation.id, offerTitle: offer.title, accepted: true, candidateName: user.displayName, candidateUserId: user.id }),
    );
    // Accepting reveals the candidate to this organization, so its other employers may read the name.
    if (!existing) notices.push(...applicationReceivedNotices(others, { applicationId: application.id, offerTitle: offer.title, candidateName: user.displayName, candidateUserId: user.id }));
    this.notices.post(this.em, notices);
    await this.applications.commit(() => new ConflictException('This invitation or an application to its offer changed at the same moment: reload and try again.', 'CONCURRENT_CHANGE'));
    return this.load(invitation.id);
  }

  async decline(viewer: Viewer, id: string): Promise<InvitationEntity> {
    const invitation = await this.requireMine(viewer, id);
    const refusal = answerRefusal(invitation.status);
    if (refusal) throw refusal;
    const candidate = invitation.candidate.getEntity();
    const inviter = await this.inviterOrEmployers(invitation);
    // Declining reveals nothing: an anonymous candidate stays "the candidate".
    const candidateName = candidate.visibility === Visibility.PUBLIC ? candidate.user.getEntity().displayName : null;
    invitation.status = InvitationStatus.DECLINED;
    invitation.answeredAt = this.clock.now();
    this.notices.post(
      this.em,
      inviter.map((recipient) => invitationAnsweredNotice(recipient, { invitationId: invitation.id, offerTitle: invitation.offer.getEntity().title, accepted: false, candidateName, candidateUserId: viewer.userId })),
    );
    await this.applications.commit(() => new ConflictException('This invitation changed at the same moment: reload and try again.', 'CONCURRENT_CHANGE'));
    return this.load(invitation.id);
  }

  async mine(viewer: Viewer, page: PageRequest, status?: InvitationStatus): Promise<Page<InvitationEntity>> {
    const candidate = await this.em.findOne(CandidateEntity, { user: viewer.userId });
    if (!candidate) return { items: [], totalCount: 0, ...page };
    return this.page({ candidate: candidate.id, ...(status ? { status } : {}) }, page);
  }

  async forOffer(viewer: Viewer, offerId: string, page: PageRequest, status?: InvitationStatus): Promise<Page<InvitationEntity>> {
    await this.applications.requireManagedOffer(viewer, offerId);
    return this.page({ offer: offerId, ...(status ? { status } : {}) }, page);
  }

  /** The person who invited, or, when that account is gone, the organization's employers. */
  private async inviterOrEmployers(invitation: InvitationEntity): Promise<string[]> {
    if (invitation.invitedBy) return [invitation.invitedBy.id];
    return this.notices.employerUserIds(this.em, invitation.organization.id);
  }

  private async requireMine(viewer: Viewer, id: string): Promise<InvitationEntity> {
    const invitation = isUuid(id) ? await this.em.findOne(InvitationEntity, { id }, { populate: INVITATION_POPULATE }) : null;
    if (!invitation || invitation.candidate.getEntity().user.id !== viewer.userId) throw new NotFoundException('Invitation', id);
    return invitation;
  }

  private load(id: string): Promise<InvitationEntity> {
    return this.em.findOneOrFail(InvitationEntity, { id }, { populate: INVITATION_POPULATE, refresh: true });
  }

  private async page(where: Record<string, unknown>, page: PageRequest): Promise<Page<InvitationEntity>> {
    const [items, totalCount] = await this.em.findAndCount(InvitationEntity, where, {
      populate: INVITATION_POPULATE,
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { items, totalCount, ...page };
  }
}
