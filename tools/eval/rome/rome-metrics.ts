/**
 * Scores ROME inference against the judged titles of tools/eval/rome/titles.jsonl (see the
 * README there). A title is judged either "sure" (it names an occupation: `codes` lists every
 * acceptable ROME 4.0 code, best first) or "unsure" (no occupation can be told from the title
 * alone, e.g. a diploma or a field: an inferrer should flag it; `plausible` codes are for
 * reading only and count nowhere).
 */
import { readFileSync } from 'node:fs';

export interface JudgedTitle {
  id: string;
  source: string;
  title: string;
  expect: 'sure' | 'unsure';
  codes: string[];
  label?: string;
  plausible?: string[];
}

export interface Inference {
  romeCode: string | null;
  unsure: boolean;
  alternatives: { romeCode: string }[];
}

export interface TitleResult {
  id: string;
  title: string;
  expect: 'sure' | 'unsure';
  codes: string[];
  predicted: string | null;
  unsure: boolean;
  correct: boolean;
  inTop3: boolean;
}

export interface RomeEvalReport {
  titles: number;
  /** Titles judged to name an occupation. */
  judgedSure: number;
  judgedUnsure: number;
  /** Over the titles judged sure, whether flagged or not: best guess among the acceptable codes. */
  top1: number;
  /** Same, the best guess or one of the next two. */
  top3: number;
  /** Same, the best guess in the same ROME occupation sheet (parent code) as an acceptable code. */
  top1Family: number;
  /** Share of all titles the inferrer flags unsure. */
  flaggedShare: number;
  /** Share of the titles judged sure that it flags (occupations it declines to name). */
  flaggedShareOfSure: number;
  /** Titles judged sure whose acceptable codes all lie in one ROME occupation sheet (parent code). */
  judgedSureOneSheet: number;
  /** Share of those it flags: clear occupations it declines to name. */
  flaggedShareOfSureOneSheet: number;
  /** Share of the titles judged unsure that it flags. */
  flaggedShareOfUnsure: number;
  /** Over every title it does not flag: right code (a title judged unsure counts as wrong). */
  accuracyNotFlagged: number;
  /** Over the titles judged sure that it does not flag: right code. */
  accuracyNotFlaggedSure: number;
  results: TitleResult[];
}

export function readJudgedTitles(file: string): JudgedTitle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as JudgedTitle;
      if (!row.id || !row.title || (row.expect !== 'sure' && row.expect !== 'unsure')) throw new Error(`${file}:${i + 1}: id, title and expect (sure | unsure) are required`);
      if (row.expect === 'sure' && !row.codes?.length) throw new Error(`${file}:${i + 1}: a title judged sure lists its acceptable codes`);
      return { ...row, codes: row.codes ?? [] };
    });
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function evaluateRome(titles: readonly JudgedTitle[], infer: (title: string) => Inference, familyOf: (code: string) => string = (c) => c): RomeEvalReport {
  const results: TitleResult[] = titles.map((t) => {
    const inference = infer(t.title);
    const top3 = [inference.romeCode, ...inference.alternatives.slice(0, 2).map((a) => a.romeCode)];
    return {
      id: t.id,
      title: t.title,
      expect: t.expect,
      codes: t.codes,
      predicted: inference.romeCode,
      unsure: inference.unsure,
      correct: t.expect === 'sure' && inference.romeCode !== null && t.codes.includes(inference.romeCode),
      inTop3: t.expect === 'sure' && top3.some((c) => c !== null && t.codes.includes(c)),
    };
  });
  const sure = results.filter((r) => r.expect === 'sure');
  const unsure = results.filter((r) => r.expect === 'unsure');
  const notFlagged = results.filter((r) => !r.unsure);
  const notFlaggedSure = sure.filter((r) => !r.unsure);
  const oneSheet = sure.filter((r) => new Set(r.codes.map(familyOf)).size === 1);
  const family = (r: TitleResult) => r.predicted !== null && r.codes.some((c) => familyOf(c) === familyOf(r.predicted!));
  return {
    titles: results.length,
    judgedSure: sure.length,
    judgedUnsure: unsure.length,
    top1: share(sure.filter((r) => r.correct).length, sure.length),
    top3: share(sure.filter((r) => r.inTop3).length, sure.length),
    top1Family: share(sure.filter(family).length, sure.length),
    flaggedShare: share(results.filter((r) => r.unsure).length, results.length),
    flaggedShareOfSure: share(sure.filter((r) => r.unsure).length, sure.length),
    judgedSureOneSheet: oneSheet.length,
    flaggedShareOfSureOneSheet: share(oneSheet.filter((r) => r.unsure).length, oneSheet.length),
    flaggedShareOfUnsure: share(unsure.filter((r) => r.unsure).length, unsure.length),
    accuracyNotFlagged: share(notFlagged.filter((r) => r.correct).length, notFlagged.length),
    accuracyNotFlaggedSure: share(notFlaggedSure.filter((r) => r.correct).length, notFlaggedSure.length),
    results,
  };
}
