/**
 * `npm run eval -- dedup [--pairs <file>] [--heldout <file>] [--data <dir>] [--out <file>] [--verbose]`:
 * cross-partner deduplication (`dedupKey` then `sameOffer`, libs/imports/domain/src/import-rules.ts)
 * on the labelled pairs of tools/eval/dedup (see dedup-metrics.ts and the README). Each offer goes
 * through what the importer does before comparing: its employer key (SIRET, else folded name),
 * its commune placed by the gazetteer (laposte_hexasmal.csv), its description sanitized. Prints
 * precision, recall, F1 and the confusion by kind for the main and the held-out pairs, and the
 * time per comparison; writes them as JSON (default dist/eval-results/dedup.json).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '@alternance/taxonomy/domain';
import { DEDUP_MIN_DESCRIPTION_SIMILARITY, DEDUP_START_TOLERANCE_DAYS, DedupFacts, Gazetteer, GazetteerCommune, dedupKey, sameOffer } from '@alternance/imports/domain';
import { repositoryRoot } from '../evaluate';
import { DedupPair, DedupReport, evaluateDedup, readPairs, toFacts } from './dedup-metrics';

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** The gazetteer as the importer builds it: one entry per (commune, postcode) with coordinates. */
export function loadGazetteer(csvText: string): Gazetteer {
  const communes: GazetteerCommune[] = [];
  for (const row of parseCsv(csvText, ';')) {
    const [lat, lng] = (row.coordonnees_gps ?? '').split(',').map((x) => Number(x.trim()));
    if (!row.Code_commune_INSEE || !Number.isFinite(lat) || !Number.isFinite(lng) || !row.coordonnees_gps) continue;
    communes.push({ inseeCode: row.Code_commune_INSEE, name: row.Nom_commune, postcode: row.Code_postal, lat, lng });
  }
  return new Gazetteer(communes);
}

/** The importer's decision: same key (candidates), then `sameOffer`. An offer it would reject is never a duplicate. */
export function importerDecision(gazetteer: Gazetteer): (pair: DedupPair) => boolean {
  return (pair) => {
    const a = toFacts(pair.a, gazetteer);
    const b = toFacts(pair.b, gazetteer);
    return !!a && !!b && dedupKey(a) === dedupKey(b) && sameOffer(a, b);
  };
}

const f3 = (x: number) => x.toFixed(3);

function print(name: string, file: string, report: DedupReport, verbose: boolean, pairs: DedupPair[]): void {
  const positives = report.tp + report.fn;
  console.log(`\n${name}: ${report.pairs} pairs (${positives} duplicates, ${report.pairs - positives} distinct) from ${file}`);
  console.log(`precision ${f3(report.precision)}  recall ${f3(report.recall)}  F1 ${f3(report.f1)}   (tp ${report.tp}, fp ${report.fp}, fn ${report.fn}, tn ${report.tn})`);
  console.log(`${'kind'.padEnd(26)} pairs   tp   fp   fn   tn`);
  for (const [kind, c] of Object.entries(report.byKind).sort()) {
    console.log(`${kind.padEnd(26)} ${String(c.pairs).padStart(5)} ${[c.tp, c.fp, c.fn, c.tn].map((n) => String(n).padStart(4)).join(' ')}`);
  }
  if (report.errors.length) {
    console.log(`errors (${report.errors.length}):`);
    const byId = new Map(pairs.map((p) => [p.id, p]));
    for (const e of report.errors) {
      const p = byId.get(e.id)!;
      console.log(`  ${e.id} ${e.kind.padEnd(24)} labelled ${e.same ? 'same' : 'distinct'}, taken for ${e.predicted ? 'same' : 'distinct'}${verbose ? `  ${JSON.stringify(p.a.title)} / ${JSON.stringify(p.b.title)}` : ''}`);
    }
  }
}

export function dedupEvalMain(argv: string[]): void {
  const root = repositoryRoot();
  const dataDir = path.resolve(option(argv, 'data') ?? process.env.CATALOGUE_DIR ?? path.join(root, '../shared/data'));
  const mainFile = path.resolve(option(argv, 'pairs') ?? path.join(root, 'tools/eval/dedup/pairs.jsonl'));
  const heldoutFile = path.resolve(option(argv, 'heldout') ?? path.join(root, 'tools/eval/dedup/heldout.jsonl'));
  const out = path.resolve(option(argv, 'out') ?? path.join(root, 'dist/eval-results/dedup.json'));
  const verbose = argv.includes('--verbose');
  const gazetteer = loadGazetteer(readFileSync(path.join(dataDir, 'communes/laposte_hexasmal.csv'), 'utf8'));
  const decide = importerDecision(gazetteer);
  console.log(`sameOffer: start dates ≤ ${DEDUP_START_TOLERANCE_DAYS} days apart, description similarity ≥ ${DEDUP_MIN_DESCRIPTION_SIMILARITY}`);
  const results: Record<string, DedupReport & { file: string }> = {};
  for (const [name, file] of [
    ['main', mainFile],
    ['held-out', heldoutFile],
  ] as const) {
    const pairs = readPairs(file);
    const report = evaluateDedup(pairs, decide);
    print(name, path.relative(process.cwd(), file) || file, report, verbose, pairs);
    results[name] = { file: path.relative(root, file), ...report };
  }

  // Speed of one comparison as the importer makes it (facts already built): every pair, both files.
  const facts = [...readPairs(mainFile), ...readPairs(heldoutFile)]
    .map((p) => [toFacts(p.a, gazetteer), toFacts(p.b, gazetteer)] as const)
    .filter((f): f is readonly [DedupFacts, DedupFacts] => !!f[0] && !!f[1]);
  const rounds = 20;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const [a, b] of facts) sameOffer(a, { ...b, organizationId: a.organizationId, title: a.title, inseeCode: a.inseeCode });
  const microseconds = ((performance.now() - t0) * 1000) / (rounds * facts.length);
  console.log(`\nspeed: ${microseconds.toFixed(1)} µs per sameOffer call with the key forced equal (${facts.length} pairs × ${rounds})`);

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ thresholds: { startToleranceDays: DEDUP_START_TOLERANCE_DAYS, minDescriptionSimilarity: DEDUP_MIN_DESCRIPTION_SIMILARITY }, microsecondsPerCall: microseconds, ...results }, null, 2));
  console.log(`results written to ${path.relative(process.cwd(), out)}`);
}

if (require.main === module) dedupEvalMain(process.argv.slice(2));
