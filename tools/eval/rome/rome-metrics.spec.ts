import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCsv } from '@alternance/taxonomy/domain';
import { evaluateRome, Inference, JudgedTitle, readJudgedTitles } from './rome-metrics';

const titles: JudgedTitle[] = [
  { id: 'a', source: 't', title: 'boulanger', expect: 'sure', codes: ['D1102'] },
  { id: 'b', source: 't', title: 'cuisinier', expect: 'sure', codes: ['G1602', 'G1609'] },
  { id: 'c', source: 't', title: 'vendeur', expect: 'sure', codes: ['D1214'] },
  { id: 'd', source: 't', title: 'marketing', expect: 'unsure', codes: [] },
  { id: 'e', source: 't', title: 'Bac+3', expect: 'unsure', codes: [] },
];

const answers: Record<string, Inference> = {
  boulanger: { romeCode: 'D1102', unsure: false, alternatives: [] },
  // wrong but flagged, right second
  cuisinier: { romeCode: 'G1601', unsure: true, alternatives: [{ romeCode: 'G1609' }] },
  // wrong, not flagged, sibling of the right code's sheet
  vendeur: { romeCode: 'D1221', unsure: false, alternatives: [] },
  // a non-job not flagged: counts wrong among the unflagged
  marketing: { romeCode: 'M1705', unsure: false, alternatives: [] },
  'Bac+3': { romeCode: null, unsure: true, alternatives: [] },
};

describe('ROME inference metrics', () => {
  const families: Record<string, string> = { D1221: 'D1211', D1214: 'D1214', G1609: 'G1602' };
  const report = evaluateRome(titles, (t) => answers[t], (c) => families[c] ?? c);

  it('scores the best guess over the titles judged sure, flagged or not', () => {
    expect(report.judgedSure).toBe(3);
    expect(report.top1).toBeCloseTo(1 / 3);
    expect(report.top3).toBeCloseTo(2 / 3);
  });

  it('counts a title judged unsure and not flagged as an error among the unflagged', () => {
    expect(report.accuracyNotFlagged).toBeCloseTo(1 / 3);
    expect(report.accuracyNotFlaggedSure).toBeCloseTo(1 / 2);
  });

  it('reports the flagged shares', () => {
    expect(report.flaggedShare).toBeCloseTo(2 / 5);
    expect(report.flaggedShareOfSure).toBeCloseTo(1 / 3);
    expect(report.flaggedShareOfUnsure).toBeCloseTo(1 / 2);
    // cuisinier's two codes share one sheet here, so all three are one-sheet titles
    expect(report.judgedSureOneSheet).toBe(3);
    expect(report.flaggedShareOfSureOneSheet).toBeCloseTo(1 / 3);
  });

  it('reads judged titles and refuses a sure title without codes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rome-eval-'));
    const ok = path.join(dir, 'ok.jsonl');
    writeFileSync(ok, `${JSON.stringify(titles[0])}\n\n${JSON.stringify({ id: 'x', source: 's', title: 'RH', expect: 'unsure' })}\n`);
    expect(readJudgedTitles(ok).map((t) => [t.id, t.codes])).toEqual([
      ['a', ['D1102']],
      ['x', []],
    ]);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ id: 'y', source: 's', title: 'vendeur', expect: 'sure', codes: [] })}\n`);
    expect(() => readJudgedTitles(bad)).toThrow(/lists its acceptable codes/);
  });
});

describe('the judged sample', () => {
  const sample = readJudgedTitles(path.join(__dirname, 'titles.jsonl'));

  it('holds at least 300 distinct titles, each judged', () => {
    expect(sample.length).toBeGreaterThanOrEqual(300);
    expect(new Set(sample.map((t) => t.id)).size).toBe(sample.length);
    expect(sample.filter((t) => (t.expect === 'sure') !== t.codes.length > 0).map((t) => t.id)).toEqual([]);
    expect(sample.filter((t) => t.codes.some((c) => !/^[A-N]\d{4}$/.test(c))).map((t) => t.id)).toEqual([]);
  });

  const codesFile = path.resolve(__dirname, '../../..', process.env.CATALOGUE_DIR || '../shared/data', 'rome/referentiel_code_rome.csv');
  (existsSync(codesFile) ? it : it.skip)('uses ROME 4.0 codes only, with their labels', () => {
    const labels = new Map([...parseCsv(readFileSync(codesFile, 'utf8'))].map((r) => [r.code_rome, r.libelle_rome] as [string, string]));
    const unknown = sample.flatMap((t) => [...t.codes, ...(t.plausible ?? [])].filter((c) => !labels.has(c)).map((c) => `${t.id}: ${c}`));
    expect(unknown).toEqual([]);
    for (const t of sample.filter((x) => x.expect === 'sure')) expect([t.id, t.label]).toEqual([t.id, labels.get(t.codes[0])]);
  });
});
