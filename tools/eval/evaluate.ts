/**
 * Ranking quality of the matcher against hand-labelled pairs (tools/eval/eval-set.json): runs
 * both match directions over the labelled profiles and reports nDCG@10 per direction and
 * overall. The reference data (core skills, neighbouring occupations, skill labels) is built
 * from the ROME CSVs as published, so a newer ROME release is evaluated the same way.
 *
 *   node tools/build.mjs && node dist/tools/eval/evaluate.js [--rome <dir>] [--verbose]
 *
 * `evaluate.js search …` evaluates the search engine instead (tools/eval/search/search-eval.ts),
 * `evaluate.js rome …` the ROME inference from offer titles (tools/eval/rome/rome-eval.ts),
 * `evaluate.js dedup …` the deduplication of offers across partners (tools/eval/dedup/dedup-eval.ts).
 *
 * It also prints two naive orderings of the same eligible pairs (random, occupation fit only):
 * the distance between them and the matcher says how much the set can tell.
 *
 * The ROME folder defaults to ../shared/data/rome next to the repository (ROME_DATA_DIR wins).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Country } from '@alternance/platform/domain';
import { ContractType, HireContractType, RemotePolicy } from '@alternance/offers/domain';
import { EducationLevel, Gender, RemotePreference } from '@alternance/candidates/domain';
import { SkillLevel, parseCsv } from '@alternance/taxonomy/domain';
import {
  MatchCandidate,
  MatchOffer,
  MatchProgram,
  MatchReference,
  MatchResult,
  SCORE_REASON_CODES,
  buildMatchReference,
  matchCandidatesForOffer,
  matchOffersForCandidate,
} from '@alternance/matching/domain';
import { searchEvalMain } from './search/search-eval';
import { romeEvalMain } from './rome/rome-eval';
import { dedupEvalMain } from './dedup/dedup-eval';

export const K = 10;

interface LabelledSkill {
  code: string;
  label: string;
  level: SkillLevel;
  required?: boolean;
}

interface Place {
  lat: number;
  lng: number;
  place: string;
}

export interface EvalOffer {
  id: string;
  title: string;
  country: Country;
  contractType: ContractType;
  hireContract: { type: HireContractType; durationMonths: number | null } | null;
  romeCode: string;
  romeLabel: string;
  skills: LabelledSkill[];
  programIds: string[];
  location: Place;
  remotePolicy: RemotePolicy;
  startEarliest: string;
  startLatest: string;
}

export interface EvalCandidate {
  id: string;
  displayName: string;
  gender: Gender | null;
  nationality: string | null;
  birthDate: string | null;
  educationLevel: EducationLevel;
  jobSeeker: boolean;
  disabilityRecognised: boolean | null;
  location: Place | null;
  mobilityRadiusKm: number;
  remotePreference: RemotePreference;
  desiredRomeCodes: string[];
  skills: LabelledSkill[];
  programIds: string[];
  availableFrom: string | null;
  summary: string;
}

export interface Judgment {
  candidateId: string;
  offerId: string;
  /** 0 unsuitable or not legally possible, 1 plausible but weak, 2 good with a trainable gap, 3 strong. */
  relevance: 0 | 1 | 2 | 3;
  reasoning: string;
}

export interface EvalSet {
  description: string;
  today: string;
  romeVersion: string;
  programs: MatchProgram[];
  offers: EvalOffer[];
  candidates: EvalCandidate[];
  judgments: Judgment[];
}

export interface RomeData {
  /** code_rome → code_ogr flagged "Principale" in coherence_item.csv. */
  coreSkills: Map<string, string[]>;
  /** code_rome → every skill (know-how, soft skill, knowledge) of its sheet in coherence_item.csv, core or not. */
  occupationSkills: Map<string, string[]>;
  neighbours: { romeCode: string; neighbourRomeCode: string; order: number }[];
  skillLabels: Map<string, string>;
  romeLabels: Map<string, string>;
}

/** The directory holding tools/eval/eval-set.json, searched above this file (sources or dist/), then above the working directory. */
export function repositoryRoot(starts = [__dirname, process.cwd()]): string {
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'tools/eval/eval-set.json'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`tools/eval/eval-set.json not found above ${starts.join(' or ')}`);
}

export function defaultRomeDir(root = repositoryRoot()): string {
  return process.env.ROME_DATA_DIR ?? path.resolve(root, '../shared/data/rome');
}

export function loadEvalSet(root = repositoryRoot()): EvalSet {
  return JSON.parse(readFileSync(path.join(root, 'tools/eval/eval-set.json'), 'utf8')) as EvalSet;
}

function csv(dir: string, file: string): Generator<Record<string, string>> {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: pass --rome <dir> or set ROME_DATA_DIR to the ROME 4.0 CSV folder`);
  return parseCsv(readFileSync(full, 'utf8'));
}

/** Only the five small ROME files the matcher needs; liens_rome_referentiels is not read. */
export function loadRome(dir: string): RomeData {
  const skillLabels = new Map([...csv(dir, 'referentiel_competence.csv')].map((row) => [row.code_ogr, row.libelle_competence] as [string, string]));
  // A sheet's items also include its work contexts (remote work possible, day work…): not skills,
  // and not occupation skills in the product's referential either, which links known skills only.
  const skills = new Set([...skillLabels.keys(), ...[...csv(dir, 'referentiel_savoir.csv')].map((row) => row.code_ogr_savoir)]);
  const coreSkills = new Map<string, string[]>();
  const occupationSkills = new Map<string, string[]>();
  const add = (byRome: Map<string, string[]>, rome: string, code: string): void => {
    const list = byRome.get(rome);
    if (list) list.push(code);
    else byRome.set(rome, [code]);
  };
  for (const row of csv(dir, 'coherence_item.csv')) {
    if (!skills.has(row.code_ogr)) continue;
    add(occupationSkills, row.code_rome, row.code_ogr);
    // "Principale" marks the core of the occupation; "Émergente" items are new, not yet core.
    if (row.coeur_metier === 'Principale') add(coreSkills, row.code_rome, row.code_ogr);
  }
  const neighbours = [...csv(dir, 'rubrique_mobilite.csv')].map((row) => ({
    romeCode: row.code_rome,
    neighbourRomeCode: row.code_rome_cible,
    order: Number(row.numero_ordre),
  }));
  const romeLabels = new Map([...csv(dir, 'referentiel_code_rome.csv')].map((row) => [row.code_rome, row.libelle_rome] as [string, string]));
  return { coreSkills, occupationSkills, neighbours, skillLabels, romeLabels };
}

/** Everything in the set must be real ROME data: a code that drifted in a new release is reported, not ignored. */
export function checkEvalSet(set: EvalSet, rome: RomeData): string[] {
  const problems: string[] = [];
  const skills = [...set.offers.flatMap((o) => o.skills), ...set.candidates.flatMap((c) => c.skills)];
  for (const skill of skills) {
    const label = rome.skillLabels.get(skill.code);
    if (label === undefined) problems.push(`skill ${skill.code} is not in referentiel_competence.csv`);
    else if (label !== skill.label) problems.push(`skill ${skill.code} is labelled "${label}", not "${skill.label}"`);
  }
  for (const code of set.programs.flatMap((p) => p.competencyBlocks.flatMap((b) => b.skillCodes))) {
    if (!rome.skillLabels.has(code)) problems.push(`program skill ${code} is not in referentiel_competence.csv`);
  }
  const romeCodes = [...set.offers.map((o) => o.romeCode), ...set.candidates.flatMap((c) => c.desiredRomeCodes), ...set.programs.flatMap((p) => p.romeCodes)];
  for (const code of romeCodes) if (!rome.romeLabels.has(code)) problems.push(`ROME code ${code} is not in referentiel_code_rome.csv`);
  const offers = new Set(set.offers.map((o) => o.id));
  const candidates = new Set(set.candidates.map((c) => c.id));
  const pairs = new Set<string>();
  for (const j of set.judgments) {
    if (!offers.has(j.offerId) || !candidates.has(j.candidateId)) problems.push(`judgment ${j.candidateId} × ${j.offerId} names an unknown profile`);
    if (![0, 1, 2, 3].includes(j.relevance)) problems.push(`judgment ${j.candidateId} × ${j.offerId} has relevance ${j.relevance}`);
    if (!j.reasoning?.trim()) problems.push(`judgment ${j.candidateId} × ${j.offerId} has no reasoning`);
    const key = `${j.candidateId}×${j.offerId}`;
    if (pairs.has(key)) problems.push(`judgment ${key} appears twice`);
    pairs.add(key);
  }
  return problems;
}

export function toMatchOffer(offer: EvalOffer): MatchOffer {
  return {
    id: offer.id,
    country: offer.country,
    contractType: offer.contractType,
    hireContract: offer.hireContract,
    romeCode: offer.romeCode,
    skills: offer.skills.map(({ code, level, required }) => ({ code, level, required: required === true })),
    programIds: offer.programIds,
    location: { lat: offer.location.lat, lng: offer.location.lng },
    remotePolicy: offer.remotePolicy,
    startEarliest: offer.startEarliest,
    startLatest: offer.startLatest,
  };
}

export function toMatchCandidate(candidate: EvalCandidate): MatchCandidate {
  return {
    id: candidate.id,
    birthDate: candidate.birthDate,
    jobSeeker: candidate.jobSeeker,
    disabilityRecognised: candidate.disabilityRecognised,
    educationLevel: candidate.educationLevel,
    skills: candidate.skills.map(({ code, level }) => ({ code, level })),
    desiredRomeCodes: candidate.desiredRomeCodes,
    programIds: candidate.programIds,
    location: candidate.location && { lat: candidate.location.lat, lng: candidate.location.lng },
    mobilityRadiusKm: candidate.mobilityRadiusKm,
    remotePreference: candidate.remotePreference,
    availableFrom: candidate.availableFrom,
    gender: candidate.gender,
    nationality: candidate.nationality,
    displayName: candidate.displayName,
  };
}

export function buildReference(set: EvalSet, rome: RomeData): MatchReference {
  return buildMatchReference({
    coreSkills: rome.coreSkills,
    occupationSkills: rome.occupationSkills,
    neighbours: rome.neighbours,
    programs: set.programs,
    skillLabels: rome.skillLabels,
  });
}

/**
 * nDCG@k with exponential gain (2^rel - 1): ranked ids against graded labels, unlabelled
 * ids counting 0. Null when the query has no relevant item (nothing to find, no score).
 */
export function ndcgAt(k: number, ranked: readonly string[], relevance: ReadonlyMap<string, number>): number | null {
  const gain = (rel: number) => 2 ** rel - 1;
  const dcg = (rels: number[]) => rels.slice(0, k).reduce((sum, rel, i) => sum + gain(rel) / Math.log2(i + 2), 0);
  const ideal = dcg([...relevance.values()].sort((a, b) => b - a));
  if (ideal === 0) return null;
  return dcg(ranked.map((id) => relevance.get(id) ?? 0)) / ideal;
}

export interface QueryResult {
  id: string;
  ndcg: number;
  ranked: string[];
}

export interface EvaluationReport {
  k: number;
  offersForCandidate: { ndcg: number; queries: QueryResult[] };
  candidatesForOffer: { ndcg: number; queries: QueryResult[] };
  /** Mean over every query of both directions. */
  overall: number;
  judgments: number;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Both match directions over the labelled profiles, scored by nDCG@k against the labels. */
export function evaluate(set: EvalSet, rome: RomeData, k = K): EvaluationReport {
  const reference = buildReference(set, rome);
  const offers = set.offers.map(toMatchOffer);
  const candidates = set.candidates.map(toMatchCandidate);
  const labels = (side: 'candidateId' | 'offerId', id: string) =>
    new Map(set.judgments.filter((j) => j[side] === id).map((j) => [side === 'candidateId' ? j.offerId : j.candidateId, j.relevance] as [string, number]));
  const run = <T extends { id: string }>(queries: T[], side: 'candidateId' | 'offerId', match: (query: T) => string[]): { ndcg: number; queries: QueryResult[] } => {
    const results: QueryResult[] = [];
    for (const query of queries) {
      const ranked = match(query);
      const ndcg = ndcgAt(k, ranked, labels(side, query.id));
      if (ndcg !== null) results.push({ id: query.id, ndcg, ranked });
    }
    return { ndcg: mean(results.map((r) => r.ndcg)), queries: results };
  };
  const offersForCandidate = run(candidates, 'candidateId', (c) => matchOffersForCandidate(c, offers, reference, set.today, { first: k }).map((r) => r.id));
  const candidatesForOffer = run(offers, 'offerId', (o) => matchCandidatesForOffer(o, candidates, reference, set.today, { first: k }).map((r) => r.id));
  return {
    k,
    offersForCandidate,
    candidatesForOffer,
    overall: mean([...offersForCandidate.queries, ...candidatesForOffer.queries].map((q) => q.ndcg)),
    judgments: set.judgments.length,
  };
}

export interface BaselineReport {
  /** The eligible pairs in a random order (mean over seeded shuffles). */
  randomOrder: number;
  /** The eligible pairs ordered by the occupation component alone, ties in a random order. */
  occupationOnly: number;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so baselines are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Naive orderings of the very pairs the matcher returns (every eligible pair of each query), scored
 * like the matcher over both directions. A set on which they come close to the matcher cannot tell
 * a good ranking from a poor one: eligibility alone would be doing the work.
 */
export function baselines(set: EvalSet, rome: RomeData, k = K, rounds = 20): BaselineReport {
  const reference = buildReference(set, rome);
  const offers = set.offers.map(toMatchOffer);
  const candidates = set.candidates.map(toMatchCandidate);
  const occupation = (result: MatchResult) => result.reasons.find((r) => r.code === SCORE_REASON_CODES.occupation)?.contribution ?? 0;
  const queries: { results: MatchResult[]; labels: Map<string, number> }[] = [];
  for (const candidate of candidates) {
    const labels = new Map(set.judgments.filter((j) => j.candidateId === candidate.id).map((j) => [j.offerId, j.relevance] as [string, number]));
    queries.push({ results: matchOffersForCandidate(candidate, offers, reference, set.today, { first: offers.length }), labels });
  }
  for (const offer of offers) {
    const labels = new Map(set.judgments.filter((j) => j.offerId === offer.id).map((j) => [j.candidateId, j.relevance] as [string, number]));
    queries.push({ results: matchCandidatesForOffer(offer, candidates, reference, set.today, { first: candidates.length }), labels });
  }
  const score = (order: (results: MatchResult[], random: () => number) => MatchResult[]) => {
    const means: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const random = seededRandom(round + 1);
      const values = queries.map((q) => ndcgAt(k, order(q.results, random).map((r) => r.id), q.labels)).filter((v): v is number => v !== null);
      means.push(mean(values));
    }
    return mean(means);
  };
  const shuffled = (results: MatchResult[], random: () => number) => {
    const copy = [...results];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return {
    randomOrder: score(shuffled),
    occupationOnly: score((results, random) => shuffled(results, random).sort((a, b) => occupation(b) - occupation(a))),
  };
}

function main(argv: string[]): void {
  const romeFlag = argv.indexOf('--rome');
  const root = repositoryRoot();
  const romeDir = romeFlag >= 0 ? path.resolve(argv[romeFlag + 1]) : defaultRomeDir(root);
  const set = loadEvalSet(root);
  const rome = loadRome(romeDir);
  const problems = checkEvalSet(set, rome);
  if (problems.length) {
    console.error(`The evaluation set does not match the ROME data in ${romeDir}:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  const report = evaluate(set, rome);
  const line = (name: string, part: { ndcg: number; queries: QueryResult[] }) => `${name.padEnd(30)} nDCG@${report.k} ${part.ndcg.toFixed(3)}  (${part.queries.length} queries)`;
  console.log(`${set.candidates.length} candidates × ${set.offers.length} offers, ${report.judgments} labelled pairs, today ${set.today}, ROME v${set.romeVersion}`);
  console.log(line('offers for a candidate', report.offersForCandidate));
  console.log(line('candidates for an offer', report.candidatesForOffer));
  console.log(`${'overall'.padEnd(30)} nDCG@${report.k} ${report.overall.toFixed(3)}`);
  const naive = baselines(set, rome);
  console.log(`baselines on the same eligible pairs: random order ${naive.randomOrder.toFixed(3)}, occupation fit only ${naive.occupationOnly.toFixed(3)}`);
  if (argv.includes('--verbose')) {
    // The worst queries, each returned id with its label (- when unjudged), to read where the matcher and the judges part.
    const label = new Map(set.judgments.flatMap((j) => [[`${j.candidateId}|${j.offerId}`, j.relevance] as [string, number], [`${j.offerId}|${j.candidateId}`, j.relevance] as [string, number]]));
    for (const q of [...report.offersForCandidate.queries, ...report.candidatesForOffer.queries].sort((a, b) => a.ndcg - b.ndcg).slice(0, 10)) {
      console.log(`  ${q.id.padEnd(5)} ${q.ndcg.toFixed(3)}  ${q.ranked.map((id) => `${id}:${label.get(`${q.id}|${id}`) ?? '-'}`).join(' ')}`);
    }
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  // `npm run eval -- search`: the search engine's relevance on the judged query set.
  if (argv[0] === 'search') searchEvalMain(argv.slice(1));
  // `npm run eval -- rome`: ROME codes inferred from offer titles, against hand-judged titles.
  else if (argv[0] === 'rome') romeEvalMain(argv.slice(1));
  // `npm run eval -- dedup`: cross-partner deduplication of offers, on labelled pairs.
  else if (argv[0] === 'dedup') dedupEvalMain(argv.slice(1));
  else main(argv);
}
