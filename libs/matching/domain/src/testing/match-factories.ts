import { Country } from '@alternance/platform/domain';
import { ContractType, HireContractType, RemotePolicy } from '@alternance/offers/domain';
import { EducationLevel, Gender, RemotePreference } from '@alternance/candidates/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';
import { MatchCandidate, MatchOffer, MatchProgram, MatchReference, NeighbourLink, buildMatchReference } from '../match-model';

/**
 * Factories for matcher scenarios: a valid default everyone can read, overridden field by
 * field. Skill and ROME codes are real ROME 4.0 items (M1805 software developer) so the
 * scenarios read like the product.
 */
export const TODAY = '2025-06-02';
export const PARIS = { lat: 48.8566, lng: 2.3522 };
export const VERSAILLES = { lat: 48.8049, lng: 2.1204 };
export const LYON = { lat: 45.764, lng: 4.8357 };

/** M1805 skills: Coder (core), Réaliser des études et développements informatiques (core), Tester un logiciel, Documenter... */
export const CODE = '400261';
export const DEVELOP = '126535';
export const TEST = '300679';
export const DOCUMENT = '484402';
export const GIT = '484119';

export function aCandidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id: 'cand-1',
    birthDate: '2004-03-15',
    jobSeeker: false,
    disabilityRecognised: null,
    educationLevel: EducationLevel.LEVEL_4,
    skills: [
      { code: CODE, level: SkillLevel.INTERMEDIATE },
      { code: DEVELOP, level: SkillLevel.INTERMEDIATE },
    ],
    desiredRomeCodes: ['M1805'],
    programIds: [],
    location: PARIS,
    mobilityRadiusKm: 30,
    remotePreference: RemotePreference.ANY,
    availableFrom: null,
    gender: Gender.UNDISCLOSED,
    nationality: 'FR',
    displayName: 'Camille Martin',
    ...overrides,
  };
}

export function anOffer(overrides: Partial<MatchOffer> = {}): MatchOffer {
  return {
    id: 'offer-1',
    country: Country.FR,
    contractType: ContractType.APPRENTICESHIP,
    hireContract: null,
    romeCode: 'M1805',
    skills: [
      { code: CODE, level: SkillLevel.INTERMEDIATE, required: true },
      { code: DEVELOP, level: SkillLevel.INTERMEDIATE, required: true },
      { code: TEST, level: SkillLevel.BEGINNER, required: false },
    ],
    programIds: [],
    location: PARIS,
    remotePolicy: RemotePolicy.ONSITE,
    startEarliest: '2025-09-01',
    startLatest: '2025-10-31',
    ...overrides,
  };
}

export function aPoeiOffer(overrides: Partial<MatchOffer> = {}): MatchOffer {
  return anOffer({ id: 'poei-1', contractType: ContractType.POEI, hireContract: { type: HireContractType.CDI, durationMonths: null }, ...overrides });
}

export function aProgram(overrides: Partial<MatchProgram> = {}): MatchProgram {
  return {
    id: 'prog-1',
    title: 'Développeur web et web mobile',
    openToApprenticeship: true,
    trainingHours: 400,
    poeEligible: true,
    romeCodes: ['M1805'],
    competencyBlocks: [{ code: 'RNCP37674BC01', title: 'Développer la partie front-end', skillCodes: [CODE, TEST] }],
    withTrainingOrganisation: true,
    ...overrides,
  };
}

/** M1805's other skills in this fixture (the ROME sheet lists more): not core, so nice to have when an offer lists none. */
export const M1805_OTHER_SKILLS = [TEST, GIT];

export function aReference(
  options: { programs?: MatchProgram[]; neighbours?: NeighbourLink[]; coreSkills?: [string, string[]][]; occupationSkills?: [string, string[]][] } = {},
): MatchReference {
  return buildMatchReference({
    coreSkills: options.coreSkills ?? [['M1805', [CODE, DEVELOP, DOCUMENT]]],
    occupationSkills: options.occupationSkills ?? [['M1805', [CODE, DEVELOP, DOCUMENT, ...M1805_OTHER_SKILLS]]],
    neighbours: options.neighbours ?? [
      { romeCode: 'M1805', neighbourRomeCode: 'M1802', order: 1 },
      { romeCode: 'M1805', neighbourRomeCode: 'M1810', order: 3 },
      { romeCode: 'M1805', neighbourRomeCode: 'E1206', order: 10 },
      { romeCode: 'E1210', neighbourRomeCode: 'M1805', order: 1 },
    ],
    programs: options.programs ?? [],
    skillLabels: [
      [CODE, 'Coder'],
      [DEVELOP, 'Réaliser des études et développements informatiques'],
      [TEST, 'Tester un logiciel, un système d’informations, une application'],
      [DOCUMENT, 'Documenter les procédures techniques pour les utilisateurs'],
      [GIT, 'Gérer les versions de logiciels et leurs mises à jour'],
    ],
  });
}

/** Reason codes of a verdict, for terse assertions. */
export function codes(result: { reasons: { code: string }[] }): string[] {
  return result.reasons.map((r) => r.code);
}
