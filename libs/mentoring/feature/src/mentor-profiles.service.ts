import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, ConflictException, InvalidInputException, NotFoundException, Role, STAFF_ROLES, Viewer, isUuid } from '@alternance/platform/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { MenteePreferenceEntity, MentorAssignmentEntity, MentorProfileEntity } from '@alternance/mentoring/data-access';
import { DEFAULT_LANGUAGES, checkMenteeLanguages, checkMentorProfile } from '@alternance/mentoring/domain';
import { DisabilityReferent, DisabilityReferentInput, MenteePreferences, MenteePreferencesInput, MentorProfile, MentorProfileInput } from '@alternance/mentoring/graphql';

/** Mentor profiles, staff trained as disability referents, and apprentices' mentoring preferences. */
@Injectable()
export class MentorProfilesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Staff: a profile for a MENTOR account that has none yet. */
  async create(userId: string, input: MentorProfileInput): Promise<MentorProfile> {
    const user = await this.mentorAccount(userId);
    if (await this.em.count(MentorProfileEntity, { user: user.id })) throw new ConflictException('This mentor already has a profile: update it.', 'MENTOR_PROFILE_EXISTS');
    const profile = Object.assign(new MentorProfileEntity(), { createdAt: this.clock.now(), languages: [...DEFAULT_LANGUAGES] });
    profile.user = this.em.getReference(UserEntity, user.id, { wrapped: true });
    return this.write(profile, user, input);
  }

  /** Staff, or the mentor for their own profile. */
  async update(viewer: Viewer, userId: string, input: MentorProfileInput): Promise<MentorProfile> {
    if (viewer.role === Role.MENTOR && viewer.userId !== userId) throw new NotFoundException('Mentor profile', userId);
    const user = await this.mentorAccount(userId);
    const profile = await this.em.findOne(MentorProfileEntity, { user: user.id });
    if (!profile) throw new NotFoundException('Mentor profile', userId);
    return this.write(profile, user, input);
  }

  async mine(viewer: Viewer): Promise<MentorProfile | null> {
    const profile = await this.em.findOne(MentorProfileEntity, { user: viewer.userId }, { populate: ['user'] });
    return profile ? this.toModel(profile, profile.user.getEntity()) : null;
  }

  /** Staff: every mentor profile, by name. */
  async list(): Promise<MentorProfile[]> {
    const profiles = await this.em.find(MentorProfileEntity, {}, { populate: ['user'] });
    const models = await Promise.all(profiles.map((p) => this.toModel(p, p.user.getEntity())));
    return models.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  }

  /** Staff: record (or clear) a staff member's disability referent training. */
  async setDisabilityReferent(input: DisabilityReferentInput): Promise<DisabilityReferent | null> {
    const trainedAt = input.trainedAt ?? null;
    if (trainedAt !== null) {
      const errors = checkMentorProfile({ disabilityTrainedAt: trainedAt }, this.today()).map((e) => ({ ...e, path: 'trainedAt' }));
      if (errors.length) throw new InvalidInputException(errors);
    }
    const user = isUuid(input.userId) ? await this.em.findOne(UserEntity, { id: input.userId }) : null;
    if (!user) throw new NotFoundException('User', input.userId);
    if (!STAFF_ROLES.includes(user.role)) throw InvalidInputException.field('userId', 'must be a staff account (RECRUITER or ADMIN)', 'NOT_STAFF');
    user.disabilityReferentTrainedAt = trainedAt;
    await this.em.flush();
    return trainedAt ? { userId: user.id, displayName: user.displayName, trainedAt } : null;
  }

  async referents(): Promise<DisabilityReferent[]> {
    const users = await this.em.find(UserEntity, { role: { $in: [...STAFF_ROLES] }, disabilityReferentTrainedAt: { $ne: null } }, { orderBy: { displayName: 'asc', id: 'asc' } });
    return users.map((u) => ({ userId: u.id, displayName: u.displayName, trainedAt: u.disabilityReferentTrainedAt! }));
  }

  async myPreferences(viewer: Viewer): Promise<MenteePreferences> {
    const p = await this.em.findOne(MenteePreferenceEntity, { user: viewer.userId });
    return p ? toPreferences(p) : { languages: [...DEFAULT_LANGUAGES], accommodationNeed: null, shareAccommodationWithMentor: false };
  }

  async setMyPreferences(viewer: Viewer, input: MenteePreferencesInput): Promise<MenteePreferences> {
    if (input.languages) {
      const errors = checkMenteeLanguages(input.languages);
      if (errors.length) throw new InvalidInputException(errors);
    }
    let p = await this.em.findOne(MenteePreferenceEntity, { user: viewer.userId });
    if (!p) {
      p = new MenteePreferenceEntity();
      p.user = this.em.getReference(UserEntity, viewer.userId, { wrapped: true });
      this.em.persist(p);
    }
    if (input.languages) p.languages = [...input.languages];
    if (input.accommodationNeed !== undefined) p.accommodationNeed = input.accommodationNeed?.trim() ? input.accommodationNeed.trim() : null;
    if (input.shareAccommodationWithMentor !== undefined && input.shareAccommodationWithMentor !== null) p.shareAccommodationWithMentor = input.shareAccommodationWithMentor;
    p.updatedAt = this.clock.now();
    await this.em.flush();
    return toPreferences(p);
  }

  private async mentorAccount(userId: string): Promise<UserEntity> {
    const user = isUuid(userId) ? await this.em.findOne(UserEntity, { id: userId }) : null;
    if (!user) throw new NotFoundException('User', userId);
    if (user.role !== Role.MENTOR) throw InvalidInputException.field('userId', 'must be a MENTOR account (created with npm run user:create -- --role MENTOR)', 'NOT_A_MENTOR');
    return user;
  }

  /** Checks the whole input first, then writes it: a refused input changes nothing. */
  private async write(profile: MentorProfileEntity, user: UserEntity, input: MentorProfileInput): Promise<MentorProfile> {
    const fields = {
      occupations: input.occupations?.map((o) => o.toUpperCase()),
      skills: input.skills,
      languages: input.languages,
      weeklyCapacity: input.weeklyCapacity ?? undefined,
      disabilityTrainedAt: input.disabilityTrainedAt,
    };
    const errors = checkMentorProfile(fields, this.today());
    if (errors.length) throw new InvalidInputException(errors);
    if (fields.occupations) profile.occupations = fields.occupations;
    if (fields.skills) profile.skills = [...fields.skills];
    if (fields.languages) profile.languages = [...fields.languages];
    if (fields.weeklyCapacity !== undefined) profile.weeklyCapacity = fields.weeklyCapacity;
    if (fields.disabilityTrainedAt !== undefined) profile.disabilityTrainedAt = fields.disabilityTrainedAt ?? null;
    profile.updatedAt = this.clock.now();
    this.em.persist(profile);
    await this.em.flush();
    return this.toModel(profile, user);
  }

  private async toModel(p: MentorProfileEntity, user: UserEntity): Promise<MentorProfile> {
    return {
      id: p.id,
      userId: user.id,
      displayName: user.displayName,
      occupations: p.occupations,
      skills: p.skills,
      languages: p.languages,
      weeklyCapacity: p.weeklyCapacity,
      disabilityTrainedAt: p.disabilityTrainedAt,
      menteeCount: await this.em.count(MentorAssignmentEntity, { mentor: user.id }),
    };
  }
}

function toPreferences(p: MenteePreferenceEntity): MenteePreferences {
  return { languages: p.languages, accommodationNeed: p.accommodationNeed, shareAccommodationWithMentor: p.shareAccommodationWithMentor };
}
