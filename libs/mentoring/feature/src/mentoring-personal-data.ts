import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '@alternance/platform/nest';
import { MenteePreferenceEntity, MentorAssignmentEntity, MentorProfileEntity } from '@alternance/mentoring/data-access';

/** A mentor's profile, an apprentice's preferences, and the pairs either is part of. */
@Injectable()
export class MentoringPersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'mentoring';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const profile = await em.findOne(MentorProfileEntity, { user: subject.userId });
    const preferences = await em.findOne(MenteePreferenceEntity, { user: subject.userId });
    const pairs = await em.find(MentorAssignmentEntity, { $or: [{ apprentice: subject.userId }, { mentor: subject.userId }] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (!profile && !preferences && !pairs.length) return null;
    return {
      mentorProfile: profile && {
        occupations: profile.occupations,
        skills: profile.skills,
        languages: profile.languages,
        weeklyCapacity: profile.weeklyCapacity,
        disabilityTrainedAt: profile.disabilityTrainedAt,
      },
      menteePreferences: preferences && {
        languages: preferences.languages,
        accommodationNeed: preferences.accommodationNeed,
        shareAccommodationWithMentor: preferences.shareAccommodationWithMentor,
      },
      pairs: pairs.map((p) => ({
        applicationId: p.application.id,
        as: p.apprentice.id === subject.userId ? 'APPRENTICE' : 'MENTOR',
        fit: p.fit,
        pinned: p.pinned,
        createdAt: p.createdAt,
      })),
    };
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    for (const p of await em.find(MentorAssignmentEntity, { $or: [{ apprentice: subject.userId }, { mentor: subject.userId }] })) em.remove(p);
    for (const p of await em.find(MentorAssignmentEntity, { referent: subject.userId })) p.referent = null;
    const profile = await em.findOne(MentorProfileEntity, { user: subject.userId });
    if (profile) em.remove(profile);
    const preferences = await em.findOne(MenteePreferenceEntity, { user: subject.userId });
    if (preferences) em.remove(preferences);
  }
}
