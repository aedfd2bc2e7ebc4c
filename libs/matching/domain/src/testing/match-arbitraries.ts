import fc from 'fast-check';
import { Country } from '@alternance/platform/domain';
import { ContractType, HireContractType, RemotePolicy } from '@alternance/offers/domain';
import { EducationLevel, Gender, RemotePreference } from '@alternance/candidates/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';
import { MatchCandidate, MatchOffer, MatchProgram } from '../match-model';
import { CODE, DEVELOP, DOCUMENT, GIT, TEST, aCandidate, anOffer, aReference } from './match-factories';

/**
 * Generators of pairs for property tests: a small world of real M18xx skills, neighbouring
 * ROME codes and programs with hours around the POE caps, people aged around every legal
 * boundary, places around Paris, windows around today (2025-06-02).
 */
export const SKILLS = [CODE, DEVELOP, TEST, DOCUMENT, GIT, '113317'];
export const ROMES = ['M1805', 'M1802', 'M1810', 'E1206', 'E1210', 'K2111'];
const LEVELS = Object.values(SkillLevel);
const DAY = 86_400_000;

export const programs: MatchProgram[] = [0, 1, 2, 3, 4].map((i) => ({
  id: `prog-${i}`,
  title: `Parcours ${i}`,
  openToApprenticeship: i !== 2,
  trainingHours: [280, 420, 500, 640, 300][i],
  poeEligible: i !== 3,
  romeCodes: ['M1805'],
  competencyBlocks: [{ code: `BC${i}`, title: `Bloc ${i}`, skillCodes: SKILLS.slice(i, i + 3) }],
  withTrainingOrganisation: i !== 0 && i !== 4,
}));

/**
 * Every generated occupation but K2111 has skills on its sheet, a few of them core, drawn from
 * SKILLS so that offers listing none still share skills with generated people; K2111 has none
 * known, as an occupation missing from the referential would.
 */
export const worldReference = aReference({
  programs,
  coreSkills: [
    ['M1805', [CODE, DEVELOP, DOCUMENT]],
    ['M1802', [TEST]],
    ['M1810', [GIT, '113317']],
    ['E1206', [DOCUMENT]],
    ['E1210', [DEVELOP, TEST]],
  ],
  occupationSkills: [
    ['M1805', [CODE, DEVELOP, DOCUMENT, TEST, GIT, '113317']],
    ['M1802', [TEST, GIT, DOCUMENT]],
    ['M1810', [GIT, '113317', CODE]],
    ['E1206', [DOCUMENT, '113317']],
    ['E1210', [DEVELOP, TEST, CODE, GIT]],
  ],
});

const isoDay = (base: number, offsetDays: number) => new Date(base + offsetDays * DAY).toISOString().slice(0, 10);
export const dayArb = fc.integer({ min: -60, max: 400 }).map((n) => isoDay(Date.UTC(2025, 5, 2), n));
const birthArb = fc.integer({ min: 13 * 365, max: 40 * 365 }).map((n) => isoDay(Date.UTC(2025, 8, 1), -n));
const parisArb = fc.record({ lat: fc.double({ min: 48.6, max: 49.1, noNaN: true }), lng: fc.double({ min: 2.0, max: 2.7, noNaN: true }) });
/** Places anywhere from Vancouver to Réunion and Helsinki: across grid cells, both sides of the meridian. */
const worldArb = fc.record({ lat: fc.double({ min: -25, max: 61, noNaN: true }), lng: fc.double({ min: -123.5, max: 56, noNaN: true }) });

export interface ArbitraryWorld {
  /** Paris and around (the default), or anywhere with radiuses up to 5,000 km. */
  spread?: boolean;
}

export const candidateArb = (id: string, { spread = false }: ArbitraryWorld = {}): fc.Arbitrary<MatchCandidate> =>
  fc
    .record({
      birthDate: fc.option(birthArb, { freq: 8 }),
      jobSeeker: fc.boolean(),
      disabilityRecognised: fc.constantFrom(true, false, null),
      educationLevel: fc.constantFrom(...Object.values(EducationLevel)),
      skills: fc.array(fc.record({ code: fc.constantFrom(...SKILLS), level: fc.constantFrom(...LEVELS) }), { maxLength: 5 }),
      desiredRomeCodes: fc.subarray(ROMES, { maxLength: 2 }),
      programIds: fc.subarray(programs.map((p) => p.id), { maxLength: 2 }),
      location: fc.option(spread ? worldArb : parisArb, { freq: 10 }),
      mobilityRadiusKm: spread ? fc.constantFrom(0, 30, 150, 700, 5_000) : fc.constantFrom(0, 5, 15, 30, 60),
      remotePreference: fc.constantFrom(...Object.values(RemotePreference)),
      availableFrom: fc.option(dayArb, { freq: 2 }),
      poePriorityPublic: fc.option(fc.boolean()),
      gender: fc.option(fc.constantFrom(...Object.values(Gender))),
      nationality: fc.option(fc.constantFrom('FR', 'DZ', 'SN', 'UA', 'GB', 'US')),
      displayName: fc.string({ maxLength: 20 }),
    })
    .map((fields) => aCandidate({ id, ...fields }));

export const offerArb = (id: string, { spread = false }: ArbitraryWorld = {}): fc.Arbitrary<MatchOffer> =>
  fc
    .record({
      country: fc.constantFrom(Country.FR, Country.FR, Country.FR, Country.UK, Country.US),
      contractType: fc.constantFrom(...Object.values(ContractType)),
      hireType: fc.constantFrom(...Object.values(HireContractType)),
      hireMonths: fc.option(fc.integer({ min: 3, max: 24 })),
      romeCode: fc.constantFrom(...ROMES),
      // About one offer in four lists no skill, as offers imported from partner feeds mostly do.
      skills: fc.oneof(
        { arbitrary: fc.constant([]), weight: 1 },
        { arbitrary: fc.array(fc.record({ code: fc.constantFrom(...SKILLS), level: fc.constantFrom(...LEVELS), required: fc.boolean() }), { minLength: 1, maxLength: 5 }), weight: 3 },
      ),
      programIds: fc.subarray([...programs.map((p) => p.id), 'unknown-program'], { maxLength: 3 }),
      location: spread ? worldArb : parisArb,
      remotePolicy: fc.constantFrom(...Object.values(RemotePolicy)),
      start: dayArb,
      length: fc.integer({ min: 0, max: 120 }),
    })
    .map(({ hireType, hireMonths, start, length, ...fields }) =>
      anOffer({
        id,
        ...fields,
        hireContract: fields.contractType === ContractType.POEI ? { type: hireType, durationMonths: hireMonths } : null,
        startEarliest: start,
        startLatest: isoDay(Date.parse(start), length),
      }),
    );
