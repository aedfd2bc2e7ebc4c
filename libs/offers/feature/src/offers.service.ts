import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  CLOCK,
  Clock,
  Country,
  FieldError,
  ForbiddenException,
  InvalidInputException,
  NotFoundException,
  Role,
  Viewer,
  ConflictException,
  isStaff,
  isUuid,
} from '@alternance/platform/domain';
import { AggregateType, OUTBOX_LISTENER, OutboxListener, PlainEntity, findPlainByKeys, recordChange } from '@alternance/platform/data-access';
import { APP_CONFIG, AppConfig } from '@alternance/platform/nest';
import { OfferEntity, OfferSkillData } from '@alternance/offers/data-access';
import {
  OfferStatus,
  SalaryPeriod,
  allowedMoves,
  canMove,
  checkHireContract,
  checkSalary,
  checkStartWindow,
  defaultExpiry,
  isCalendarDate,
  isEditable,
} from '@alternance/offers/domain';
import { CreateOfferInput, UpdateOfferInput } from '@alternance/offers/graphql';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ProgramRepository } from '@alternance/programs/data-access';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { repeatedSkillErrors } from '@alternance/taxonomy/domain';

const CURRENCY: Record<Country, string> = { [Country.FR]: 'EUR', [Country.UK]: 'GBP', [Country.US]: 'USD' };

/** Fields an update may leave out but may not clear. */
const REQUIRED_ON_UPDATE = ['title', 'description', 'contractType', 'romeCode', 'location', 'remotePolicy', 'startDate', 'positions'] as const;

@Injectable()
export class OffersService {
  constructor(
    private readonly em: EntityManager,
    private readonly taxonomy: TaxonomyRepository,
    private readonly programs: ProgramRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'offerTtlDays'>,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  /** Writes the offer and its outbox row in one flush, then lets the search index catch up. */
  private async save(offer: OfferEntity): Promise<OfferEntity> {
    this.em.persist(offer);
    recordChange(this.em, AggregateType.OFFER, offer.id, this.clock.now());
    await this.em.flush();
    await this.outbox?.changesCommitted();
    return offer;
  }

  /**
   * Drafts are seen by their organization and staff only; to anyone else they do not exist.
   * Read for display: plain data, not an entity to change.
   */
  async findVisible(viewer: Viewer | null, id: string): Promise<PlainEntity<OfferEntity> | null> {
    return (await this.findVisibleMany(viewer, [id])).get(id) ?? null;
  }

  /** `findVisible` for several ids in one read: the visible ones, by id. */
  async findVisibleMany(viewer: Viewer | null, ids: readonly string[]): Promise<Map<string, PlainEntity<OfferEntity>>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return new Map();
    const offers = await findPlainByKeys(this.em, OfferEntity, valid);
    return new Map(offers.filter((o) => o.status !== OfferStatus.DRAFT || this.canManage(viewer, o)).map((o) => [o.id, o]));
  }

  async listForOrganization(viewer: Viewer | null, organizationId: string): Promise<OfferEntity[]> {
    const manager = isStaff(viewer) || (viewer?.role === Role.EMPLOYER && viewer.organizationId === organizationId);
    const where = manager ? { organization: organizationId } : { organization: organizationId, status: OfferStatus.PUBLISHED };
    return this.em.find(OfferEntity, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 100 });
  }

  async create(viewer: Viewer, input: CreateOfferInput): Promise<OfferEntity> {
    const organizationId = this.organizationFor(viewer, input.organizationId);
    const organization = isUuid(organizationId) ? await this.em.findOne(OrganizationEntity, { id: organizationId }) : null;
    if (!organization) throw new NotFoundException('Organization', organizationId);
    const offer = new OfferEntity();
    offer.organization = this.em.getReference(OrganizationEntity, organization.id, { wrapped: true });
    await this.apply(offer, input, true);
    const now = this.clock.now();
    offer.createdAt = now;
    offer.updatedAt = now;
    return this.save(offer);
  }

  async update(viewer: Viewer, id: string, input: UpdateOfferInput): Promise<OfferEntity> {
    const offer = await this.requireManaged(viewer, id);
    if (!isEditable(offer.status)) {
      throw new ConflictException(`A ${offer.status} offer can no longer be changed.`, 'OFFER_NOT_EDITABLE');
    }
    const cleared = REQUIRED_ON_UPDATE.filter((key) => (input as Record<string, unknown>)[key] === null);
    if (cleared.length) throw new InvalidInputException(cleared.map((path) => ({ path, message: 'cannot be cleared' })));
    await this.apply(offer, input, false);
    offer.updatedAt = this.clock.now();
    return this.save(offer);
  }

  async publish(viewer: Viewer, id: string): Promise<OfferEntity> {
    const offer = await this.requireManaged(viewer, id);
    this.requireMove(offer, OfferStatus.PUBLISHED);
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    if (offer.startLatest < today) {
      throw InvalidInputException.field('startDate.latest', 'is in the past: move the start window before publishing', 'START_WINDOW_PAST');
    }
    offer.status = OfferStatus.PUBLISHED;
    offer.publishedAt = now;
    offer.expiresAt = defaultExpiry(now, this.config.offerTtlDays);
    offer.updatedAt = now;
    return this.save(offer);
  }

  async close(viewer: Viewer, id: string): Promise<OfferEntity> {
    const offer = await this.requireManaged(viewer, id);
    this.requireMove(offer, OfferStatus.CLOSED);
    offer.status = OfferStatus.CLOSED;
    offer.updatedAt = this.clock.now();
    return this.save(offer);
  }

  canManage(viewer: Viewer | null, offer: PlainEntity<OfferEntity>): boolean {
    if (!viewer) return false;
    if (isStaff(viewer)) return true;
    return viewer.role === Role.EMPLOYER && viewer.organizationId === offer.organization.id;
  }

  private organizationFor(viewer: Viewer, requested: string | undefined): string {
    if (isStaff(viewer)) {
      if (!requested) throw InvalidInputException.field('organizationId', 'is required for staff: name the employer');
      return requested;
    }
    if (viewer.role !== Role.EMPLOYER || !viewer.organizationId) throw new ForbiddenException('Only employers and staff post offers.');
    if (requested && requested !== viewer.organizationId) {
      throw new ForbiddenException('You can only post offers for your own organization.', 'NOT_YOUR_ORGANIZATION');
    }
    return viewer.organizationId;
  }

  private async requireManaged(viewer: Viewer, id: string): Promise<OfferEntity> {
    const offer = isUuid(id) ? await this.em.findOne(OfferEntity, { id }) : null;
    // An employer of another organization learns nothing about drafts it cannot see.
    if (!offer || (offer.status === OfferStatus.DRAFT && !this.canManage(viewer, offer))) throw new NotFoundException('Offer', id);
    if (!this.canManage(viewer, offer)) throw new ForbiddenException('Only the offer’s organization and staff can change it.', 'NOT_YOUR_OFFER');
    return offer;
  }

  private requireMove(offer: OfferEntity, to: OfferStatus): void {
    if (!canMove(offer.status, to)) {
      const allowed = allowedMoves(offer.status);
      throw new ConflictException(
        `A ${offer.status} offer cannot become ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}.`,
        'ILLEGAL_STATUS_CHANGE',
      );
    }
  }

  /** Checks the whole input first, then writes it: a refused input changes nothing. */
  private async apply(offer: OfferEntity, input: UpdateOfferInput, creating: boolean): Promise<void> {
    const errors: FieldError[] = [];
    const contractType = input.contractType ?? offer.contractType;
    const startDate = input.startDate ?? { earliest: offer.startEarliest, latest: offer.startLatest };
    for (const key of ['earliest', 'latest'] as const) {
      if (!isCalendarDate(startDate[key])) errors.push({ path: `startDate.${key}`, message: 'is not a calendar date' });
    }
    if (!errors.length) errors.push(...checkStartWindow(startDate));
    const hire = input.hireContract !== undefined ? input.hireContract : offer.hireContractType ? { type: offer.hireContractType, durationMonths: offer.hireContractDurationMonths } : null;
    if (creating || input.hireContract !== undefined || input.contractType) errors.push(...checkHireContract(contractType, hire));
    if (input.salary) errors.push(...checkSalary(input.salary.min, input.salary.max));
    if (input.title != null && !input.title.trim()) errors.push({ path: 'title', message: 'must not be blank' });
    if (input.skills) errors.push(...repeatedSkillErrors(input.skills));
    if (errors.length) throw new InvalidInputException(errors);

    if (input.romeCode) await this.taxonomy.requireOccupations([input.romeCode], () => 'romeCode');
    const skills = input.skills ? await this.taxonomy.requireSkills(input.skills.map((s) => s.code), 'skills') : null;
    if (input.programIds) await this.programs.requireAll(input.programIds, 'programIds');
    const place = input.location ? await this.taxonomy.resolvePlace(input.location, 'location') : null;

    if (input.title != null) offer.title = input.title.trim();
    if (input.description != null) offer.description = input.description;
    offer.contractType = contractType;
    offer.hireContractType = hire?.type ?? null;
    offer.hireContractDurationMonths = hire?.durationMonths ?? null;
    if (input.romeCode) {
      offer.romeCode = input.romeCode;
      // An imported offer's occupation, once a person has set it, is no longer a guess to review.
      offer.occupationToReview = false;
    }
    if (input.skills && skills) {
      offer.skills = input.skills.map<OfferSkillData>((s) => ({
        code: s.code,
        label: (skills.get(s.code) as { label: string }).label,
        level: s.level,
        required: s.required,
      }));
    }
    if (input.programIds) offer.programIds = [...input.programIds];
    if (place) Object.assign(offer, place);
    if (input.remotePolicy) offer.remotePolicy = input.remotePolicy;
    offer.startEarliest = startDate.earliest;
    offer.startLatest = startDate.latest;
    if (input.positions != null) offer.positions = input.positions;
    if (input.screeningQuestions !== undefined) offer.screeningQuestions = (input.screeningQuestions ?? []).map((q) => q.trim());
    if (input.salary !== undefined) {
      offer.salaryMin = input.salary?.min ?? null;
      offer.salaryMax = input.salary?.max ?? null;
      offer.salaryCurrency = input.salary ? (input.salary.currency ?? CURRENCY[offer.country]) : null;
      offer.salaryPeriod = input.salary ? (input.salary.period ?? SalaryPeriod.MONTH) : null;
    }
  }
}
