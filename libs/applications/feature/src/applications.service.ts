import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, OptimisticLockError, UniqueConstraintViolationException, ref } from '@mikro-orm/core';
import {
  CLOCK,
  Clock,
  ConflictException,
  DomainException,
  ForbiddenException,
  InvalidInputException,
  NotFoundException,
  Notice,
  Page,
  PageRequest,
  Role,
  Viewer,
  isStaff,
  isUuid,
} from '@alternance/platform/domain';
import { AggregateType, OUTBOX_LISTENER, OutboxListener, recordChange } from '@alternance/platform/data-access';
import {
  ApplicationStatus,
  OPEN_STATUSES,
  Party,
  RejectionReason,
  applicationReceivedNotices,
  applicationStatusChangedNotice,
  applicationWithdrawnNotices,
  checkAnswers,
  checkMove,
  offerClosedRefusal,
  offerFilledNotices,
  pairAnswers,
} from '@alternance/applications/domain';
import { ApplicationEntity, ApplicationEventEntity, identitiesRevealedTo } from '@alternance/applications/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Visibility } from '@alternance/candidates/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus, canMove as canMoveOffer } from '@alternance/offers/domain';
import { ApplicationNotices } from './application-notices';
import { touchActivity } from './activity';
import { EligibilityCheck } from './eligibility-check';

/** What a list or a single application needs loaded to be mapped. */
export const APPLICATION_POPULATE = ['offer.organization', 'candidate.user', 'history'] as const;

export interface ApplicationDraft {
  message?: string | null;
  answers?: string[] | null;
}

/** Failures of a flush that another request caused at the same moment. */
export function isRace(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || error instanceof OptimisticLockError;
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly eligibility: EligibilityCheck,
    private readonly notices: ApplicationNotices,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  async apply(viewer: Viewer, offerId: string, draft: ApplicationDraft): Promise<ApplicationEntity> {
    const candidate = await this.requireProfile(viewer);
    const offer = isUuid(offerId) ? await this.em.findOne(OfferEntity, { id: offerId }, { populate: ['organization'] }) : null;
    if (!offer || offer.status === OfferStatus.DRAFT) throw new NotFoundException('Offer', offerId);
    const revealed = await this.candidateNameFor(candidate, offer.organization.id);
    const recipients = await this.notices.employerUserIds(this.em, offer.organization.id);
    const application = await this.prepare(candidate, offer, draft, viewer);
    this.notices.post(this.em, applicationReceivedNotices(recipients, { applicationId: application.id, offerTitle: offer.title, candidateName: revealed, candidateUserId: viewer.userId }));
    await this.commit(() => new ConflictException('You already applied to this offer.', 'ALREADY_APPLIED'));
    return this.load(application.id);
  }

  /**
   * Checks everything an application needs (an open offer, no earlier application, the
   * answers, the matcher's eligibility), then adds it to the unit of work, unflushed. The
   * caller is the candidate, so an eligibility refusal may name the rule that failed.
   * Callers read everything they need before: a query after this could flush early.
   */
  async prepare(candidate: CandidateEntity, offer: OfferEntity, draft: ApplicationDraft, viewer: Viewer, note: string | null = null): Promise<ApplicationEntity> {
    const now = this.clock.now();
    const closed = offerClosedRefusal(offer.status, offer.expiresAt, now);
    if (closed) throw closed;
    if (offer.applyUrl || offer.applyEmail) {
      throw new ConflictException("This offer comes from a partner: apply on the partner's page or by mail (see the offer's partnerApplication).", 'APPLY_ON_PARTNER');
    }
    if (await this.em.count(ApplicationEntity, { candidate: candidate.id, offer: offer.id })) {
      throw new ConflictException('You already applied to this offer.', 'ALREADY_APPLIED');
    }
    const errors = checkAnswers(offer.screeningQuestions, draft.answers);
    if (errors.length) throw new InvalidInputException(errors);
    const verdict = await this.eligibility.check(candidate, offer, now);
    if (!verdict.eligible) {
      throw new ForbiddenException(`You are not eligible for this offer: ${verdict.reasons.map((r) => r.label).join('; ')}.`, 'NOT_ELIGIBLE');
    }
    const application = new ApplicationEntity();
    application.offer = ref(offer);
    application.candidate = ref(candidate);
    application.message = draft.message?.trim() ?? '';
    application.answers = pairAnswers(offer.screeningQuestions, draft.answers);
    application.createdAt = now;
    application.updatedAt = now;
    application.history.add(this.event(application, ApplicationStatus.SUBMITTED, viewer, note, null));
    this.em.persist(application);
    await touchActivity(this.em, viewer.userId, now);
    return application;
  }

  /** The offer's employer or staff move an application along the pipeline. */
  async move(viewer: Viewer, id: string, to: ApplicationStatus, note: string | null, rejectionReason: RejectionReason | null): Promise<ApplicationEntity> {
    const application = await this.findManaged(viewer, id);
    const refusal = checkMove(application.status, to, Party.EMPLOYER, rejectionReason);
    if (refusal) throw refusal;
    const offer = application.offer.getEntity();
    const organizationName = offer.organization.getEntity().name;
    const now = this.clock.now();
    const notices: Notice[] = [];
    // Every read is done before the first change: a query after it could flush early.
    const filling = to === ApplicationStatus.HIRED ? await this.checkHire(application, offer) : null;
    if (filling) {
      offer.updatedAt = now;
      if (filling.fills) {
        offer.status = OfferStatus.FILLED;
        recordChange(this.em, AggregateType.OFFER, offer.id, now);
        notices.push(...offerFilledNotices(filling.others, { offerTitle: offer.title, organizationName }));
      }
    }
    application.status = to;
    application.rejectionReason = to === ApplicationStatus.REJECTED ? rejectionReason : null;
    application.updatedAt = now;
    application.history.add(this.event(application, to, viewer, note, rejectionReason));
    const candidateUser = application.candidate?.getEntity().user.id;
    if (candidateUser) {
      notices.push(applicationStatusChangedNotice(candidateUser, { applicationId: application.id, offerTitle: offer.title, organizationName, status: to, rejectionReason, note }));
    }
    this.notices.post(this.em, notices);
    await this.commit(() => new ConflictException('This application or its offer changed at the same moment: reload and try again.', 'CONCURRENT_CHANGE'));
    if (filling?.fills) await this.outbox?.changesCommitted();
    return this.load(application.id);
  }

  /**
   * Hiring takes one of the offer's positions; the last one fills the offer (it then leaves
   * the search index through the outbox) and the other candidates still in the running are
   * told. The caller always touches the offer row, so two hires at once cannot both take the
   * last position: the offer's version check refuses the second.
   */
  private async checkHire(application: ApplicationEntity, offer: OfferEntity): Promise<{ fills: boolean; others: { userId: string; applicationId: string }[] }> {
    if (offer.status !== OfferStatus.PUBLISHED && offer.status !== OfferStatus.FILLED) {
      throw new ConflictException(`This offer is ${offer.status}: it takes no more hires.`, 'OFFER_NOT_OPEN');
    }
    const hired = await this.em.count(ApplicationEntity, { offer: offer.id, status: ApplicationStatus.HIRED });
    if (hired >= offer.positions) {
      throw new ConflictException(`All ${offer.positions} position(s) of this offer are filled: hire no more, or add positions first.`, 'POSITIONS_FILLED');
    }
    if (hired + 1 < offer.positions || !canMoveOffer(offer.status, OfferStatus.FILLED)) return { fills: false, others: [] };
    const others = await this.em.find(
      ApplicationEntity,
      { offer: offer.id, status: { $in: [...OPEN_STATUSES] }, id: { $ne: application.id }, candidate: { $ne: null } },
      { populate: ['candidate'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return { fills: true, others: others.map((o) => ({ userId: o.candidate!.getEntity().user.id, applicationId: o.id })) };
  }

  /** The candidate withdraws their own open application. */
  async withdraw(viewer: Viewer, id: string): Promise<ApplicationEntity> {
    const application = isUuid(id) ? await this.em.findOne(ApplicationEntity, { id }, { populate: APPLICATION_POPULATE }) : null;
    const candidate = application?.candidate?.getEntity();
    if (!application || !candidate || candidate.user.id !== viewer.userId) throw new NotFoundException('Application', id);
    const refusal = checkMove(application.status, ApplicationStatus.WITHDRAWN, Party.CANDIDATE);
    if (refusal) throw refusal;
    const offer = application.offer.getEntity();
    const recipients = await this.notices.employerUserIds(this.em, offer.organization.id);
    const candidateName = await this.candidateNameFor(candidate, offer.organization.id);
    application.status = ApplicationStatus.WITHDRAWN;
    application.updatedAt = this.clock.now();
    application.history.add(this.event(application, ApplicationStatus.WITHDRAWN, viewer, null, null));
    await touchActivity(this.em, viewer.userId, application.updatedAt);
    this.notices.post(this.em, applicationWithdrawnNotices(recipients, { applicationId: application.id, offerTitle: offer.title, candidateName, candidateUserId: viewer.userId }));
    await this.commit(() => new ConflictException('This application changed at the same moment: reload and try again.', 'CONCURRENT_CHANGE'));
    return this.load(application.id);
  }

  /** The candidate's own applications, newest first. */
  async mine(viewer: Viewer, page: PageRequest): Promise<Page<ApplicationEntity>> {
    const candidate = await this.em.findOne(CandidateEntity, { user: viewer.userId });
    if (!candidate) return { items: [], totalCount: 0, ...page };
    return this.page({ candidate: candidate.id }, page);
  }

  /** Applications to one offer, for its organization and staff. */
  async forOffer(viewer: Viewer, offerId: string, page: PageRequest, status?: ApplicationStatus): Promise<Page<ApplicationEntity>> {
    await this.requireManagedOffer(viewer, offerId);
    return this.page({ offer: offerId, ...(status ? { status } : {}) }, page);
  }

  /** For the candidate, the offer's organization and staff; null for anyone else. */
  async findVisible(viewer: Viewer, id: string): Promise<ApplicationEntity | null> {
    const application = isUuid(id) ? await this.em.findOne(ApplicationEntity, { id }, { populate: APPLICATION_POPULATE }) : null;
    if (!application) return null;
    const candidateUser = application.candidate?.getEntity().user.id;
    if (candidateUser === viewer.userId || this.manages(viewer, application.offer.getEntity())) return application;
    return null;
  }

  manages(viewer: Viewer, offer: OfferEntity): boolean {
    return isStaff(viewer) || (viewer.role === Role.EMPLOYER && viewer.organizationId === offer.organization.id);
  }

  /** An offer the viewer manages; drafts of others do not exist for them. */
  async requireManagedOffer(viewer: Viewer, offerId: string): Promise<OfferEntity> {
    const offer = isUuid(offerId) ? await this.em.findOne(OfferEntity, { id: offerId }) : null;
    if (!offer || (offer.status === OfferStatus.DRAFT && !this.manages(viewer, offer))) throw new NotFoundException('Offer', offerId);
    if (!this.manages(viewer, offer)) throw new ForbiddenException('Only the offer’s organization and staff can do this.', 'NOT_YOUR_OFFER');
    return offer;
  }

  async requireProfile(viewer: Viewer): Promise<CandidateEntity> {
    const candidate = await this.em.findOne(CandidateEntity, { user: viewer.userId }, { populate: ['user'] });
    if (!candidate) throw new ForbiddenException('Create your candidate profile before applying.', 'CANDIDATE_PROFILE_REQUIRED');
    return candidate;
  }

  /** The candidate's name when the organization may know it (PUBLIC, or revealed by an accepted invitation), else null. */
  async candidateNameFor(candidate: CandidateEntity, organizationId: string): Promise<string | null> {
    if (candidate.visibility === Visibility.PUBLIC) return candidate.user.getEntity().displayName;
    const revealed = await identitiesRevealedTo(this.em, organizationId, [candidate.id]);
    return revealed.get(candidate.id)?.displayName ?? null;
  }

  event(application: ApplicationEntity, status: ApplicationStatus, viewer: Viewer, note: string | null, rejectionReason: RejectionReason | null): ApplicationEventEntity {
    return Object.assign(new ApplicationEventEntity(), {
      application: ref(application),
      status,
      rejectionReason,
      actorUserId: viewer.userId,
      actorRole: viewer.role,
      note: note?.trim() || null,
      at: this.clock.now(),
    });
  }

  /**
   * Flushes the unit of work as one transaction. A unique or version clash (another request
   * got there first) becomes the given CONFLICT; either way a failed flush leaves nothing
   * behind, in the database or in this request's unit of work.
   */
  async commit(conflict: () => DomainException): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      this.em.clear();
      if (isRace(error)) throw conflict();
      throw error;
    }
    await this.notices.committed();
  }

  async load(id: string): Promise<ApplicationEntity> {
    return this.em.findOneOrFail(ApplicationEntity, { id }, { populate: APPLICATION_POPULATE, refresh: true });
  }

  private async findManaged(viewer: Viewer, id: string): Promise<ApplicationEntity> {
    const application = isUuid(id) ? await this.em.findOne(ApplicationEntity, { id }, { populate: APPLICATION_POPULATE }) : null;
    if (!application || !this.manages(viewer, application.offer.getEntity())) throw new NotFoundException('Application', id);
    return application;
  }

  private async page(where: Record<string, unknown>, page: PageRequest): Promise<Page<ApplicationEntity>> {
    const [items, totalCount] = await this.em.findAndCount(ApplicationEntity, where, {
      populate: APPLICATION_POPULATE,
      strategy: 'select-in',
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { items, totalCount, ...page };
  }
}
