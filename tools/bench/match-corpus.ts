import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Country } from '@alternance/platform/domain';
import { EducationLevel, Gender, RemotePreference } from '@alternance/candidates/domain';
import { ContractType } from '@alternance/offers/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';
import { CommuneEntity } from '@alternance/taxonomy/data-access';
import { MatchCandidate, MatchOffer, MatchReference } from '@alternance/matching/domain';
import { loadMatchReference } from '@alternance/matching/data-access';
import { ormOptions } from '../../apps/api/src/persistence/orm-config';
import { loadCatalogue } from '../../apps/api/src/persistence/catalogue';
import { CONTRACT_MIX, DemoCatalogue, REMOTE_MIX, pickHireContract, pickOfferSkills, usableOfferTitles } from '../../apps/api/src/seed/demo-data';
import { loadDemoCatalogue } from '../../apps/api/src/seed/demo-seed';
import { SeededRandom } from '../../apps/api/src/seed/random';
import { defaultDataDir } from './search-engine-corpus';

/**
 * The matcher benchmark's marketplace: offers and people generated with a fixed seed from the
 * real catalogue, loaded by the product's own import into a cached SQLite file, and the
 * matcher's reference built by the same loader the API uses. Offer occupations follow the
 * real offers' titles (keyword corpus → ROME), skills the ROME links (core ones first),
 * programs the RNCP certifications of each occupation. Places: two in three around the
 * fifteen biggest cities, the rest on any commune, so that a mobility radius prunes as it
 * would in production.
 */
export interface MatchCorpus {
  reference: MatchReference;
  offers: MatchOffer[];
  candidates: MatchCandidate[];
  today: string;
}

/** A fixed "today": the same seed gives the same ages, windows and answers on any day. */
export const BENCH_TODAY = '2026-09-01';

interface Place {
  lat: number;
  lng: number;
}

const root = path.resolve(__dirname, '../../..');
const BIG_CITIES = ['75011', '69003', '13001', '31000', '06000', '44000', '67000', '34000', '33000', '59000', '35000', '51100', '38000', '21000', '49000'];

/** The catalogue imported once into bench-results/, reused by later runs (and by workers). */
export async function openCatalogue(dataDir = defaultDataDir()): Promise<MikroORM> {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'match-catalogue.sqlite');
  const fresh = !existsSync(file);
  const orm = await MikroORM.init(ormOptions({ driver: 'sqlite', file }));
  if (fresh) {
    await orm.getMigrator().up();
    await loadCatalogue(orm.em.fork(), dataDir, (msg) => console.log(`  ${msg}`));
  }
  return orm;
}

async function loadPlaces(orm: MikroORM): Promise<{ cities: Place[]; communes: Place[] }> {
  const em = orm.em.fork();
  const communes = (await em.find(CommuneEntity, { lat: { $ne: null }, lng: { $ne: null } }, { fields: ['postcode', 'lat', 'lng'], orderBy: { id: 'asc' } })).map((c) => ({
    postcode: c.postcode,
    lat: c.lat as number,
    lng: c.lng as number,
  }));
  // Overseas departments stay in the "any commune" draw only.
  const cities = BIG_CITIES.map((code) => communes.find((c) => c.postcode === code)).filter((c): c is (typeof communes)[number] => c !== undefined);
  return { cities, communes };
}

function isoDay(base: string, days: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function placeNear(rng: SeededRandom, places: { cities: Place[]; communes: Place[] }): Place {
  if (rng.chance(2 / 3)) {
    // Big cities by rank (Paris weighs 15, the 15th city 1), spread over about 15 km.
    const city = rng.weighted(places.cities.map((c, i) => [c, places.cities.length - i] as const));
    return { lat: city.lat + (rng.next() - 0.5) * 0.27, lng: city.lng + (rng.next() - 0.5) * 0.38 };
  }
  const commune = rng.pick(places.communes);
  return { lat: commune.lat, lng: commune.lng };
}

function generateOffers(catalogue: DemoCatalogue, places: { cities: Place[]; communes: Place[] }, reference: MatchReference, count: number, rng: SeededRandom): MatchOffer[] {
  const titles = usableOfferTitles(catalogue);
  const offers: MatchOffer[] = [];
  for (let i = 0; i < count; i++) {
    const { romeCode } = rng.pick(titles);
    const contractType = rng.weighted(CONTRACT_MIX);
    const chosen = pickOfferSkills(rng, catalogue.skillsByRome.get(romeCode)!);
    const poe = contractType === ContractType.POEI || contractType === ContractType.POEC;
    const candidatesPrograms = (catalogue.programsByRome.get(romeCode) ?? []).filter((id) => !poe || reference.programs.get(id)?.poeEligible);
    const start = rng.int(7, 240);
    offers.push({
      id: `offer-${String(i).padStart(6, '0')}`,
      country: Country.FR,
      contractType,
      hireContract: pickHireContract(rng, contractType),
      romeCode,
      skills: chosen.map((s, k) => ({ code: s.code, level: rng.pick([SkillLevel.BEGINNER, SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED]), required: k < 3 })),
      programIds: rng.sample(candidatesPrograms, rng.int(0, 3)),
      location: placeNear(rng, places),
      remotePolicy: rng.weighted(REMOTE_MIX),
      startEarliest: isoDay(BENCH_TODAY, start),
      startLatest: isoDay(BENCH_TODAY, start + rng.int(30, 90)),
    });
  }
  return offers;
}

function generateCandidates(catalogue: DemoCatalogue, places: { cities: Place[]; communes: Place[] }, offers: readonly MatchOffer[], count: number, rng: SeededRandom): MatchCandidate[] {
  // People look for the occupations offers are in, in the same proportions.
  const offerRomes = offers.map((o) => o.romeCode);
  const today = Date.parse(`${BENCH_TODAY}T00:00:00Z`);
  const people: MatchCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const romeCode = rng.pick(offerRomes);
    const romeSkills = catalogue.skillsByRome.get(romeCode)!;
    const age = rng.weighted([
      [rng.int(16, 20), 40],
      [rng.int(21, 25), 35],
      [rng.int(26, 29), 15],
      [rng.int(30, 55), 10],
    ] as const);
    const birth = new Date(today - age * 365.25 * 86_400_000 - rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
    const consent = rng.chance(0.4);
    const second = rng.chance(0.3) ? [rng.pick(offerRomes)] : [];
    people.push({
      id: `candidate-${String(i).padStart(6, '0')}`,
      birthDate: birth,
      jobSeeker: rng.chance(0.3),
      disabilityRecognised: consent ? rng.chance(0.12) : null,
      educationLevel: rng.pick([EducationLevel.NONE, EducationLevel.LOWER_SECONDARY, EducationLevel.LEVEL_3, EducationLevel.LEVEL_4, EducationLevel.LEVEL_5, EducationLevel.LEVEL_6]),
      skills: rng.sample(romeSkills, rng.int(2, 8)).map((s) => ({ code: s.code, level: rng.pick([SkillLevel.BEGINNER, SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED]) })),
      desiredRomeCodes: [...new Set([romeCode, ...second])],
      programIds: rng.sample(catalogue.programsByRome.get(romeCode) ?? [], rng.int(0, 1)),
      location: rng.chance(0.97) ? placeNear(rng, places) : null,
      mobilityRadiusKm: rng.pick([10, 20, 30, 50, 100]),
      remotePreference: rng.pick(Object.values(RemotePreference)),
      availableFrom: rng.chance(0.5) ? null : isoDay(BENCH_TODAY, rng.int(0, 150)),
      poePriorityPublic: rng.chance(0.05),
      gender: consent ? rng.pick(Object.values(Gender)) : null,
      nationality: null,
      displayName: `Person ${i}`,
    });
  }
  return people;
}

/** The whole marketplace; the same seed and sizes give the same one in every process. */
export async function buildMatchCorpus(sizes: { offers: number; candidates: number }, seed = 2026): Promise<MatchCorpus> {
  const dataDir = defaultDataDir();
  const orm = await openCatalogue(dataDir);
  try {
    const em = orm.em.fork();
    const catalogue = await loadDemoCatalogue(em, dataDir);
    if (!catalogue) throw new Error(`the catalogue could not be loaded from ${dataDir}`);
    const reference = await loadMatchReference(orm.em.fork());
    const places = await loadPlaces(orm);
    const rng = new SeededRandom(seed);
    const offers = generateOffers(catalogue, places, reference, sizes.offers, rng);
    const candidates = generateCandidates(catalogue, places, offers, sizes.candidates, rng);
    return { reference, offers, candidates, today: BENCH_TODAY };
  } finally {
    await orm.close(true);
  }
}
