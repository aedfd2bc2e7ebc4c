import { Viewer } from '@alternance/platform/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { canSeeIdentity } from '@alternance/candidates/domain';
import { UserEntity } from '@alternance/identity/data-access';
import { Candidate } from './candidate.model';

/**
 * Entity to API type for one viewer: identity is masked for ANONYMOUS profiles. (The
 * applications context gives it back, field by field, to the employers of an organization
 * whose invitation the candidate accepted: see its CandidateIdentityResolver.)
 */
export function toCandidate(c: CandidateEntity, user: UserEntity, viewer: Viewer | null): Candidate {
  const identity = canSeeIdentity(viewer, user.id, c.visibility);
  return {
    id: c.id,
    userId: user.id,
    displayName: identity ? user.displayName : null,
    email: identity ? user.email : null,
    headline: c.headline,
    skills: c.skills.map((s) => ({ skill: { code: s.code, label: s.label, kind: null }, level: s.level })),
    desiredRomeCodes: c.desiredRomeCodes,
    programIds: c.programIds,
    location:
      c.lat != null && c.lng != null && c.country
        ? { city: c.city, postcode: c.postcode, inseeCode: c.inseeCode, country: c.country, lat: c.lat, lng: c.lng }
        : null,
    mobilityRadiusKm: c.mobilityRadiusKm,
    remotePreference: c.remotePreference,
    availableFrom: c.availableFrom,
    educationLevel: c.educationLevel,
    visibility: c.visibility,
    updatedAt: c.updatedAt,
    privateFields: {
      birthDate: c.birthDate,
      jobSeeker: c.jobSeeker,
      disabilityRecognised: c.disabilityRecognised,
      gender: c.gender,
      highestQualification: c.highestQualification,
      livesInQpv: c.livesInQpv,
      internationalProtection: c.internationalProtection,
      situationBefore: c.situationBefore,
      sensitiveDataConsent: c.sensitiveDataConsent,
    },
  };
}
