/**
 * `npm run eval -- rome [--titles <file>] [--data <dir>] [--out <file>] [--calibrate] [--verbose]`:
 * the ROME inferrer (libs/imports/domain/src/rome-inference.ts), built from the ROME CSVs and
 * synonyms as published, on the judged titles of tools/eval/rome/titles.jsonl (see rome-metrics.ts
 * and the README): top-1 / top-3 accuracy, the flagged share, accuracy of what is not flagged,
 * the errors, and the speed on the 32,629 titles of the keyword corpus. Writes the figures and
 * every title's result as JSON (default dist/eval-results/rome.json).
 *
 * `--calibrate` prints, for a grid of thresholds, the accuracy of the titles left unflagged
 * against the share flagged: where the defaults were chosen.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '@alternance/taxonomy/domain';
import { DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_MARGIN, RomeInference, RomeInferrer } from '@alternance/imports/domain';
import { repositoryRoot } from '../evaluate';
import { offerTitle } from './sample-titles';
import { evaluateRome, readJudgedTitles, RomeEvalReport } from './rome-metrics';

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function loadInferrer(dataDir: string, options: { minConfidence?: number; minMargin?: number } = {}): RomeInferrer {
  const read = (file: string) => {
    const full = path.join(dataDir, file);
    if (!existsSync(full)) throw new Error(`${full} is missing: pass --data <dir> (the shared data folder with rome/ and search/)`);
    return readFileSync(full, 'utf8');
  };
  const synonyms = JSON.parse(read('search/synonyms.json')) as { synonyms: string[] }[];
  return RomeInferrer.fromCsv(read('rome/referentiel_appellation.csv'), read('rome/referentiel_code_rome.csv'), { ...options, synonyms });
}

export function romeEvalMain(argv: string[]): void {
  const root = repositoryRoot();
  const file = path.resolve(option(argv, 'titles') ?? path.join(root, 'tools/eval/rome/titles.jsonl'));
  const dataDir = path.resolve(option(argv, 'data') ?? process.env.CATALOGUE_DIR ?? path.join(root, '../shared/data'));
  const out = path.resolve(option(argv, 'out') ?? path.join(root, 'dist/eval-results/rome.json'));
  const titles = readJudgedTitles(file);
  const started = performance.now();
  const inferrer = loadInferrer(dataDir);
  const builtMs = performance.now() - started;
  const families = new Map([...parseCsv(readFileSync(path.join(dataDir, 'rome/referentiel_code_rome.csv'), 'utf8'))].map((r) => [r.code_rome, r.code_rome_parent || r.code_rome] as [string, string]));
  const familyOf = (code: string) => families.get(code) ?? code;
  const report = evaluateRome(titles, (t) => inferrer.infer(t), familyOf);

  // Speed on the real corpus: each offer's title (its first keyword that is not a contract word).
  const corpus = gunzipSync(readFileSync(path.join(dataDir, 'offers/keywords-cache.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => offerTitle((JSON.parse(l) as { k: string[] }).k))
    .filter((t): t is string => t !== null);
  for (const t of corpus.slice(0, 2000)) inferrer.infer(t); // warm-up
  const t0 = performance.now();
  let flaggedInCorpus = 0;
  for (const t of corpus) if (inferrer.infer(t).unsure) flaggedInCorpus++;
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = corpus.length / seconds;

  console.log(`${report.titles} judged titles (${path.relative(process.cwd(), file) || file}): ${report.judgedSure} name an occupation, ${report.judgedUnsure} judged unsure`);
  console.log(`thresholds: confidence ≥ ${DEFAULT_MIN_CONFIDENCE}, margin ≥ ${DEFAULT_MIN_MARGIN}`);
  console.log(`top-1 accuracy, titles not flagged (all)        ${pct(report.accuracyNotFlagged)}   (a title judged unsure and not flagged counts wrong)`);
  console.log(`top-1 accuracy, titles not flagged (judged sure) ${pct(report.accuracyNotFlaggedSure)}`);
  console.log(`top-1 accuracy, all titles judged sure           ${pct(report.top1)}   (same ROME sheet: ${pct(report.top1Family)})`);
  console.log(`top-3 accuracy, all titles judged sure           ${pct(report.top3)}`);
  console.log(`flagged unsure: ${pct(report.flaggedShare)} of all titles, ${pct(report.flaggedShareOfSure)} of those judged sure, ${pct(report.flaggedShareOfUnsure)} of those judged unsure`);
  console.log(`               ${pct(report.flaggedShareOfSureOneSheet)} of the ${report.judgedSureOneSheet} judged sure whose acceptable codes are all in one ROME sheet`);
  console.log(`speed: built in ${(builtMs / 1000).toFixed(2)} s; ${corpus.length} corpus titles in ${seconds.toFixed(2)} s = ${Math.round(perSecond)} titles/s; ${pct(flaggedInCorpus / corpus.length)} of them flagged`);

  const wrong = report.results.filter((r) => !r.unsure && !r.correct);
  console.log(`not flagged and wrong (${wrong.length}):`);
  for (const r of wrong) console.log(`  ${r.id.padEnd(22)} ${JSON.stringify(r.title).padEnd(50)} → ${r.predicted ?? '-'}  judged ${r.expect === 'sure' ? r.codes.join('|') : 'unsure'}`);
  if (argv.includes('--verbose')) {
    const flagged = report.results.filter((r) => r.unsure && r.expect === 'sure');
    console.log(`judged sure but flagged (${flagged.length}):`);
    for (const r of flagged) console.log(`  ${r.id.padEnd(22)} ${JSON.stringify(r.title).padEnd(50)} → ${r.predicted ?? '-'} ${r.correct ? 'right' : 'wrong'}  judged ${r.codes.join('|')}`);
  }
  if (argv.includes('--calibrate')) calibrate(titles, dataDir, familyOf);

  mkdirSync(path.dirname(out), { recursive: true });
  const summary: Omit<RomeEvalReport, 'results'> & Record<string, unknown> = { ...report, results: undefined };
  delete summary.results;
  writeFileSync(
    out,
    `${JSON.stringify({ ...summary, thresholds: { minConfidence: DEFAULT_MIN_CONFIDENCE, minMargin: DEFAULT_MIN_MARGIN }, speed: { buildSeconds: builtMs / 1000, corpusTitles: corpus.length, titlesPerSecond: Math.round(perSecond), corpusFlaggedShare: flaggedInCorpus / corpus.length }, results: report.results }, null, 2)}\n`,
  );
  console.log(`results written to ${path.relative(process.cwd(), out) || out}`);
}

/** Accuracy left unflagged against the share flagged, over a grid of thresholds (one inference per title). */
function calibrate(titles: ReturnType<typeof readJudgedTitles>, dataDir: string, familyOf: (code: string) => string): void {
  const raw = loadInferrer(dataDir, { minConfidence: 0, minMargin: 0 });
  const inferences = new Map<string, RomeInference>(titles.map((t) => [t.id, raw.infer(t.title)]));
  const diplomas = new Map(titles.map((t) => [t.title, raw.normalise(t.title).diploma]));
  console.log('calibration: minConfidence minMargin → accuracy not flagged (all / judged sure), flagged share (all / judged sure)');
  for (const minConfidence of [0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]) {
    for (const minMargin of [0, 0.05, 0.1, 0.12, 0.15, 0.2, 0.3]) {
      const r = evaluateRome(
        titles,
        (t) => {
          const i = inferences.get(titles.find((x) => x.title === t)!.id)!;
          return { ...i, unsure: i.romeCode === null || (i.derived && !diplomas.get(t)) || (!i.exact && (i.head === null || i.confidence < minConfidence || i.margin < minMargin)) };
        },
        familyOf,
      );
      console.log(`  ${minConfidence.toFixed(2)} ${minMargin.toFixed(2)} → ${pct(r.accuracyNotFlagged).padStart(7)} / ${pct(r.accuracyNotFlaggedSure).padStart(7)}   flagged ${pct(r.flaggedShare).padStart(7)} / ${pct(r.flaggedShareOfSure).padStart(7)}`);
    }
  }
}
