/**
 * Draws the offer titles of the labelled ROME-inference sample (tools/eval/rome/titles.jsonl)
 * from the real keyword corpus, with a fixed seed so that the draw can be repeated:
 *
 *   node dist/tools/eval/rome/sample-titles.js [--data <offers dir>] [--count 300] [--seed 18]
 *
 * An offer's title is its first keyword that is not a contract word ("alternance", "apprenti",
 * "contrat d'apprentissage"…). Offers are shuffled (mulberry32), and the first `count` distinct
 * titles (compared folded) are printed as JSON Lines, unlabelled; the judge adds the codes.
 * The partner-feed titles of the sample were copied from the feed files by hand (see README).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { foldText } from '@alternance/taxonomy/domain';
import { repositoryRoot } from '../evaluate';

/** Keywords that name the contract, not the job. */
const CONTRACT_WORDS = new Set([
  'alternance',
  'alternant',
  'alternante',
  'alternant(e)',
  'apprenti',
  'apprentie',
  'apprenti(e)',
  'apprentissage',
  'contrat d\'apprentissage',
  'contrat d’apprentissage',
  'contrat de professionnalisation',
  'contrat pro',
  'en alternance',
  'stage',
  'cdi',
  'cdd',
]);

export function offerTitle(keywords: readonly string[]): string | null {
  for (const keyword of keywords) {
    const trimmed = keyword.trim();
    if (trimmed && !CONTRACT_WORDS.has(foldText(trimmed).replace(/\s+/g, ' '))) return trimmed;
  }
  return null;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleTitles(lines: readonly string[], count: number, seed: number): { id: string; title: string }[] {
  const offers = lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as { h: string; k: string[] });
  const random = seededRandom(seed);
  for (let i = offers.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [offers[i], offers[j]] = [offers[j], offers[i]];
  }
  const seen = new Set<string>();
  const out: { id: string; title: string }[] = [];
  for (const offer of offers) {
    const title = offerTitle(offer.k);
    if (title === null) continue;
    const key = foldText(title).replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `kw-${offer.h.slice(0, 10)}`, title });
    if (out.length >= count) break;
  }
  return out;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dir = option('data') ?? path.resolve(repositoryRoot(), '../shared/data/offers');
  const lines = gunzipSync(readFileSync(path.join(dir, 'keywords-cache.jsonl.gz'))).toString('utf8').split('\n');
  for (const row of sampleTitles(lines, Number(option('count') ?? 300), Number(option('seed') ?? 18))) console.log(JSON.stringify(row));
}
