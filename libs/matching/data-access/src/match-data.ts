import { EntityManager } from '@mikro-orm/core';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { EducationLevel, Visibility } from '@alternance/candidates/domain';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { ProgramEntity } from '@alternance/programs/data-access';
import { OccupationMobilityEntity, OccupationSkillEntity, SkillEntity } from '@alternance/taxonomy/data-access';
import { MatchCandidate, MatchOffer, MatchReference, buildMatchReference } from '@alternance/matching/domain';
import { AggregateType } from '@alternance/platform/data-access';
import { SnapshotSource } from './match-snapshot';

/** What the matcher reads of a program (an entity, or the catalogue's plain copy). */
export type MatchReferenceProgram = Pick<ProgramEntity, 'id' | 'title' | 'openToApprenticeship' | 'trainingHours' | 'poeEligible' | 'romeCodes' | 'competencyBlocks'>;

/**
 * The referential the matcher reads: every occupation's skills (core ones flagged),
 * neighbouring occupations, paths. The paths are `programs` when given (the catalogue in
 * memory), else read from the database.
 */
export async function loadMatchReference(em: EntityManager, programs?: readonly MatchReferenceProgram[]): Promise<MatchReference> {
  const [links, mobilities, paths] = await Promise.all([
    occupationSkillRows(em),
    em.find(OccupationMobilityEntity, {}),
    programs ?? em.find(ProgramEntity, {}),
  ]);
  const coreByRome = new Map<string, string[]>();
  const skillsByRome = new Map<string, string[]>();
  const add = (byRome: Map<string, string[]>, rome: string, code: string): void => {
    const list = byRome.get(rome);
    if (list) list.push(code);
    else byRome.set(rome, [code]);
  };
  for (const link of links) {
    add(skillsByRome, link.romeCode, link.skillCode);
    if (link.core) add(coreByRome, link.romeCode, link.skillCode);
  }
  const blockSkills = [...new Set(paths.flatMap((p) => p.competencyBlocks.flatMap((b) => b.skillCodes)))];
  const labels = blockSkills.length ? await em.find(SkillEntity, { code: { $in: blockSkills } }, { fields: ['code', 'label'] }) : [];
  return buildMatchReference({
    coreSkills: coreByRome,
    occupationSkills: skillsByRome,
    neighbours: mobilities.map((m) => ({ romeCode: m.romeCode, neighbourRomeCode: m.targetCode, order: m.rank })),
    programs: paths.map((p) => ({
      id: p.id,
      title: p.title,
      openToApprenticeship: p.openToApprenticeship,
      trainingHours: p.trainingHours,
      poeEligible: p.poeEligible,
      romeCodes: p.romeCodes,
      competencyBlocks: p.competencyBlocks,
    })),
    skillLabels: labels.map((s) => [s.code, s.label] as const),
  });
}

/**
 * Every occupation's skills, about 90,000 rows in ROME 4.0: read as plain rows (entities would
 * take seconds to build and track, for a list read once per referential).
 */
async function occupationSkillRows(em: EntityManager): Promise<{ romeCode: string; skillCode: string; core: boolean }[]> {
  const rows = await em.getDriver().find<OccupationSkillEntity>(OccupationSkillEntity.name, {}, {
    fields: ['romeCode', 'skillCode', 'core'] as never,
    orderBy: { romeCode: 'asc', skillCode: 'asc' },
    ctx: em.getTransactionContext(),
  });
  // Some drivers hand booleans back as 0/1 in plain rows.
  return rows.map((row) => ({ romeCode: String(row.romeCode), skillCode: String(row.skillCode), core: Boolean(row.core) }));
}

export function toMatchOffer(o: OfferEntity): MatchOffer {
  return {
    id: o.id,
    country: o.country,
    contractType: o.contractType,
    hireContract: o.hireContractType ? { type: o.hireContractType, durationMonths: o.hireContractDurationMonths } : null,
    romeCode: o.romeCode,
    skills: o.skills.map((s) => ({ code: s.code, level: s.level, required: s.required })),
    programIds: o.programIds,
    location: { lat: o.lat, lng: o.lng },
    remotePolicy: o.remotePolicy,
    startEarliest: o.startEarliest,
    startLatest: o.startLatest,
  };
}

/**
 * A profile as the matcher sees it. Gender and name are passed as they are because the
 * matcher's fairness tests prove it ignores them; nationality is not collected at all.
 */
export function toMatchCandidate(c: CandidateEntity, displayName: string): MatchCandidate {
  return {
    id: c.id,
    birthDate: c.birthDate,
    jobSeeker: c.jobSeeker,
    disabilityRecognised: c.sensitiveDataConsent ? c.disabilityRecognised : null,
    educationLevel: c.educationLevel ?? EducationLevel.NONE,
    skills: c.skills.map((s) => ({ code: s.code, level: s.level })),
    desiredRomeCodes: c.desiredRomeCodes,
    programIds: c.programIds,
    location: c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng } : null,
    mobilityRadiusKm: c.mobilityRadiusKm,
    remotePreference: c.remotePreference,
    availableFrom: c.availableFrom,
    gender: c.sensitiveDataConsent ? c.gender : null,
    nationality: null,
    displayName,
  };
}

/** Offers open to applications: the ones a candidate can be matched with. */
export function publishedOffers(em: EntityManager): Promise<OfferEntity[]> {
  return em.find(OfferEntity, { status: OfferStatus.PUBLISHED });
}

/** Candidates in the marketplace (never HIDDEN ones). */
export function marketplaceCandidates(em: EntityManager): Promise<CandidateEntity[]> {
  return em.find(CandidateEntity, { visibility: { $in: MARKETPLACE_VISIBILITY } }, { populate: ['user'] });
}

const MARKETPLACE_VISIBILITY = [Visibility.PUBLIC, Visibility.ANONYMOUS];


/** Published offers as the matcher sees them, kept between queries (see MatchSnapshot). */
export const PUBLISHED_OFFERS: SnapshotSource<MatchOffer> = {
  aggregateType: AggregateType.OFFER,
  loadAll: async (em) => (await publishedOffers(em.fork())).map(toMatchOffer),
  loadSome: async (em, ids) => (await em.fork().find(OfferEntity, { id: { $in: ids }, status: OfferStatus.PUBLISHED })).map(toMatchOffer),
};

/** Marketplace people as the matcher sees them, kept between queries. */
export const MARKETPLACE_CANDIDATES: SnapshotSource<MatchCandidate> = {
  aggregateType: AggregateType.CANDIDATE,
  loadAll: async (em) => (await marketplaceCandidates(em.fork())).map((c) => toMatchCandidate(c, c.user.getEntity().displayName)),
  loadSome: async (em, ids) =>
    (await em.fork().find(CandidateEntity, { id: { $in: ids }, visibility: { $in: MARKETPLACE_VISIBILITY } }, { populate: ['user'] })).map((c) => toMatchCandidate(c, c.user.getEntity().displayName)),
};
