import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '@alternance/platform/nest';
import { CandidateEntity } from '@alternance/candidates/data-access';

/** The candidate profile, private fields included: the person is entitled to all of it. */
@Injectable()
export class CandidatePersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'candidateProfile';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const c = await em.findOne(CandidateEntity, { user: subject.userId });
    if (!c) return null;
    return {
      id: c.id,
      headline: c.headline,
      skills: c.skills,
      desiredRomeCodes: c.desiredRomeCodes,
      programIds: c.programIds,
      location: { city: c.city, postcode: c.postcode, inseeCode: c.inseeCode, country: c.country, lat: c.lat, lng: c.lng },
      mobilityRadiusKm: c.mobilityRadiusKm,
      remotePreference: c.remotePreference,
      availableFrom: c.availableFrom,
      educationLevel: c.educationLevel,
      visibility: c.visibility,
      birthDate: c.birthDate,
      jobSeeker: c.jobSeeker,
      disabilityRecognised: c.disabilityRecognised,
      gender: c.gender,
      highestQualification: c.highestQualification,
      livesInQpv: c.livesInQpv,
      internationalProtection: c.internationalProtection,
      situationBefore: c.situationBefore,
      sensitiveDataConsent: c.sensitiveDataConsent,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    const candidate = await em.findOne(CandidateEntity, { user: subject.userId });
    if (candidate) em.remove(candidate);
  }
}
