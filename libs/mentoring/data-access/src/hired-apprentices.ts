import { EntityManager } from '@mikro-orm/core';
import { ApplicationEntity } from '@alternance/applications/data-access';
import { ApplicationStatus } from '@alternance/applications/domain';
import { ContractType } from '@alternance/offers/domain';
import { ProgramEntity } from '@alternance/programs/data-access';
import { DEFAULT_LANGUAGES, MENTORED_CONTRACTS } from '@alternance/mentoring/domain';
import { MenteePreferenceEntity } from './mentee-preference.entity';

/** A hired apprentice as the mentoring sees them. */
export interface HiredApprentice {
  applicationId: string;
  userId: string;
  candidateId: string;
  name: string;
  offerId: string;
  offerTitle: string;
  contractType: ContractType;
  occupation: string;
  postcode: string | null;
  employer: string;
  trainingPaths: string[];
  skills: string[];
  languages: string[];
  /** A recognised disability, declared with consent (the profile keeps it only then). */
  needsTrainedMentor: boolean;
  accommodationNeed: string | null;
  shareAccommodationWithMentor: boolean;
}

/** Every application HIRED on an apprenticeship, professionalisation or POE offer, with what the mentoring needs. */
export async function loadHiredApprentices(em: EntityManager, applicationIds?: readonly string[]): Promise<HiredApprentice[]> {
  const applications = await em.find(
    ApplicationEntity,
    {
      status: ApplicationStatus.HIRED,
      candidate: { $ne: null },
      offer: { contractType: { $in: MENTORED_CONTRACTS as ContractType[] } },
      ...(applicationIds ? { id: { $in: [...applicationIds] } } : {}),
    },
    { populate: ['offer', 'offer.organization', 'candidate', 'candidate.user'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const programIds = [...new Set(applications.flatMap((a) => a.offer.getEntity().programIds))];
  const programs = new Map((programIds.length ? await em.find(ProgramEntity, { id: { $in: programIds } }) : []).map((p) => [p.id, p.title]));
  const userIds = applications.map((a) => a.candidate!.getEntity().user.id);
  const preferences = new Map((userIds.length ? await em.find(MenteePreferenceEntity, { user: { $in: userIds } }) : []).map((p) => [p.user.id, p]));
  return applications.map((a) => {
    const offer = a.offer.getEntity();
    const candidate = a.candidate!.getEntity();
    const user = candidate.user.getEntity();
    const preference = preferences.get(user.id);
    return {
      applicationId: a.id,
      userId: user.id,
      candidateId: candidate.id,
      name: user.displayName,
      offerId: offer.id,
      offerTitle: offer.title,
      contractType: offer.contractType,
      occupation: offer.romeCode,
      postcode: offer.postcode,
      employer: offer.organization.getEntity().name,
      trainingPaths: offer.programIds.map((id) => programs.get(id)).filter((t): t is string => !!t),
      skills: [...new Set([...candidate.skills.map((s) => s.code), ...offer.skills.map((s) => s.code)])],
      languages: preference?.languages.length ? preference.languages : [...DEFAULT_LANGUAGES],
      needsTrainedMentor: candidate.disabilityRecognised === true && candidate.sensitiveDataConsent,
      accommodationNeed: preference?.accommodationNeed ?? null,
      shareAccommodationWithMentor: preference?.shareAccommodationWithMentor ?? false,
    };
  });
}
