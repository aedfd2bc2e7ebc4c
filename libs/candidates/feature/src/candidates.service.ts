import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import {
  CLOCK,
  Clock,
  FieldError,
  ForbiddenException,
  InvalidInputException,
  NotFoundException,
  Role,
  Viewer,
  isCalendarDate,
  isUuid,
} from '@alternance/platform/domain';
import { AggregateType, OUTBOX_LISTENER, OutboxListener, recordChange } from '@alternance/platform/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { SENSITIVE_FIELDS, canViewProfile, checkBirthDate, checkSensitiveConsent, erasedSensitiveFields } from '@alternance/candidates/domain';
import { CandidateProfileInput } from '@alternance/candidates/graphql';
import { UserEntity } from '@alternance/identity/data-access';
import { ProgramRepository } from '@alternance/programs/data-access';
import { TaxonomyRepository } from '@alternance/taxonomy/data-access';
import { repeatedSkillErrors } from '@alternance/taxonomy/domain';

export interface LoadedCandidate {
  candidate: CandidateEntity;
  user: UserEntity;
}

@Injectable()
export class CandidatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly taxonomy: TaxonomyRepository,
    private readonly programs: ProgramRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  async mine(viewer: Viewer): Promise<LoadedCandidate | null> {
    const candidate = await this.em.findOne(CandidateEntity, { user: viewer.userId }, { populate: ['user'] });
    return candidate ? { candidate, user: candidate.user.getEntity() } : null;
  }

  /** HIDDEN profiles and other candidates' profiles do not exist for the viewer. */
  async findVisible(viewer: Viewer, id: string): Promise<LoadedCandidate | null> {
    return (await this.findVisibleMany(viewer, [id])).get(id) ?? null;
  }

  /** `findVisible` for several ids in one read: the visible ones, by id. */
  async findVisibleMany(viewer: Viewer, ids: readonly string[]): Promise<Map<string, LoadedCandidate>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return new Map();
    const candidates = await this.em.find(CandidateEntity, { id: { $in: valid } }, { populate: ['user'] });
    return new Map(
      candidates.filter((c) => canViewProfile(viewer, c.user.id, c.visibility)).map((c): [string, LoadedCandidate] => [c.id, { candidate: c, user: c.user.getEntity() }]),
    );
  }

  async upsertMine(viewer: Viewer, input: CandidateProfileInput): Promise<LoadedCandidate> {
    if (viewer.role !== Role.CANDIDATE) throw new ForbiddenException('Only candidates have a candidate profile.');
    const user = await this.em.findOne(UserEntity, { id: viewer.userId });
    if (!user) throw new NotFoundException('User', viewer.userId);
    const existing = await this.em.findOne(CandidateEntity, { user: user.id });
    const candidate = existing ?? Object.assign(new CandidateEntity(), { createdAt: this.clock.now() });
    if (!existing) candidate.user = this.em.getReference(UserEntity, user.id, { wrapped: true });
    await this.apply(candidate, input);
    candidate.updatedAt = this.clock.now();
    user.lastActiveAt = candidate.updatedAt;
    this.em.persist(candidate);
    recordChange(this.em, AggregateType.CANDIDATE, candidate.id, candidate.updatedAt);
    await this.em.flush();
    await this.outbox?.changesCommitted();
    return { candidate, user };
  }

  /** Checks the whole input first, then writes it: a refused input changes nothing. */
  private async apply(c: CandidateEntity, input: CandidateProfileInput): Promise<void> {
    const errors: FieldError[] = [];
    const today = this.clock.now();
    if (input.birthDate) {
      if (!isCalendarDate(input.birthDate)) errors.push({ path: 'birthDate', message: 'is not a calendar date' });
      else errors.push(...checkBirthDate(input.birthDate, today));
    }
    if (input.availableFrom && !isCalendarDate(input.availableFrom)) errors.push({ path: 'availableFrom', message: 'is not a calendar date' });
    errors.push(...checkSensitiveConsent(input, c.sensitiveDataConsent));
    if (input.skills) errors.push(...repeatedSkillErrors(input.skills));
    if (errors.length) throw new InvalidInputException(errors);

    if (input.desiredRomeCodes?.length) await this.taxonomy.requireOccupations(input.desiredRomeCodes, (i) => `desiredRomeCodes[${i}]`);
    const skills = input.skills?.length ? await this.taxonomy.requireSkills(input.skills.map((s) => s.code), 'skills') : new Map();
    if (input.programIds?.length) await this.programs.requireAll(input.programIds, 'programIds');
    const place = input.location ? await this.taxonomy.resolvePlace(input.location, 'location') : null;

    if (input.headline !== undefined) c.headline = input.headline?.trim() || null;
    if (input.skills) c.skills = input.skills.map((s) => ({ code: s.code, label: skills.get(s.code).label, level: s.level }));
    if (input.desiredRomeCodes) c.desiredRomeCodes = [...input.desiredRomeCodes];
    if (input.programIds) c.programIds = [...input.programIds];
    if (place) Object.assign(c, place);
    else if (input.location === null) Object.assign(c, { city: null, postcode: null, inseeCode: null, country: null, lat: null, lng: null });
    if (input.mobilityRadiusKm != null) c.mobilityRadiusKm = input.mobilityRadiusKm;
    if (input.remotePreference) c.remotePreference = input.remotePreference;
    if (input.availableFrom !== undefined) c.availableFrom = input.availableFrom;
    if (input.educationLevel !== undefined) c.educationLevel = input.educationLevel;
    if (input.visibility) c.visibility = input.visibility;
    if (input.birthDate !== undefined) c.birthDate = input.birthDate;
    if (input.jobSeeker != null) c.jobSeeker = input.jobSeeker;
    if (input.sensitiveDataConsent != null) c.sensitiveDataConsent = input.sensitiveDataConsent;
    if (!c.sensitiveDataConsent) {
      // Consent withdrawn (or never given): nothing sensitive is kept.
      Object.assign(c, erasedSensitiveFields());
    } else {
      // Each declaration is set, or erased on its own with null; an omitted one stays.
      for (const field of SENSITIVE_FIELDS) {
        if (input[field] !== undefined) Object.assign(c, { [field]: input[field] });
      }
    }
  }
}
