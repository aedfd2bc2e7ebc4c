import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Gazetteer } from '@alternance/imports/domain';
import { DedupPair, PublishedOffer, employerKey, evaluateDedup, readPairs, toFacts } from './dedup-metrics';
import { importerDecision, loadGazetteer } from './dedup-eval';
import { bareTitle, makeSiret } from './generate-pairs';

const offer = (over: Partial<PublishedOffer> = {}): PublishedOffer => ({
  source: 'apec',
  employer: { name: 'Auchan', siret: null },
  title: 'Boucher F/H',
  location: { inseeCode: '37214', postcode: null, city: null },
  startDate: '2026-09-01',
  description: '<p>Découpe, préparation des commandes et conseil aux clients au rayon boucherie.</p>',
  ...over,
});

const pair = (id: string, kind: string, same: boolean): DedupPair => ({ id, kind, same, a: offer(), b: offer() });

describe('deduplication metrics', () => {
  // 3 duplicates, 3 distinct: taken for one offer are p1, p2 (right), d1 (wrong); p3 missed.
  const pairs = [pair('p1', 'repost', true), pair('p2', 'repost', true), pair('p3', 'truncated', true), pair('d1', 'boilerplate', false), pair('d2', 'boilerplate', false), pair('d3', 'commune', false)];
  const taken = new Set(['p1', 'p2', 'd1']);
  const report = evaluateDedup(pairs, (p) => taken.has(p.id));

  it('computes precision, recall and F1 over the pairs', () => {
    expect([report.tp, report.fp, report.fn, report.tn]).toEqual([2, 1, 1, 2]);
    expect(report.precision).toBeCloseTo(2 / 3);
    expect(report.recall).toBeCloseTo(2 / 3);
    expect(report.f1).toBeCloseTo(2 / 3);
    expect(report.errors.map((e) => e.id)).toEqual(['p3', 'd1']);
  });

  it('gives the confusion by kind', () => {
    expect(report.byKind).toEqual({
      repost: { pairs: 2, tp: 2, fp: 0, fn: 0, tn: 0 },
      truncated: { pairs: 1, tp: 0, fp: 0, fn: 1, tn: 0 },
      boilerplate: { pairs: 2, tp: 0, fp: 1, fn: 0, tn: 1 },
      commune: { pairs: 1, tp: 0, fp: 0, fn: 0, tn: 1 },
    });
  });

  it('counts precision 1 when nothing is taken and recall 1 when there is nothing to find', () => {
    const none = evaluateDedup(pairs, () => false);
    expect([none.precision, none.recall, none.f1]).toEqual([1, 0, 0]);
    const distinctOnly = evaluateDedup(pairs.filter((p) => !p.same), () => false);
    expect([distinctOnly.precision, distinctOnly.recall]).toEqual([1, 1]);
  });

  it('reads pairs and refuses one without a label or seen twice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dedup-pairs-'));
    const file = path.join(dir, 'pairs.jsonl');
    writeFileSync(file, `${JSON.stringify(pairs[0])}\n\n${JSON.stringify(pairs[3])}\n`);
    expect(readPairs(file).map((p) => p.id)).toEqual(['p1', 'd1']);
    writeFileSync(file, `${JSON.stringify(pairs[0])}\n${JSON.stringify(pairs[0])}\n`);
    expect(() => readPairs(file)).toThrow(/twice/);
    writeFileSync(file, `${JSON.stringify({ ...pairs[0], same: 'yes' })}\n`);
    expect(() => readPairs(file)).toThrow(/label/);
  });
});

describe('pairs as the importer sees them', () => {
  const csv = [
    'Code_commune_INSEE;Nom_commune;Code_postal;Libelle_acheminement;Ligne_5;coordonnees_gps',
    '37214;SAINT CYR SUR LOIRE;37540;SAINT CYR SUR LOIRE;;47.41, 0.66',
    '37261;TOURS;37000;TOURS;;47.39, 0.69',
    '37261;TOURS;37100;TOURS;;47.39, 0.69',
    '99999;NOWHERE;00000;NOWHERE;;',
  ].join('\n');
  const gazetteer: Gazetteer = loadGazetteer(csv);

  it('keys the employer by SIRET, else by its folded name', () => {
    expect(employerKey({ name: 'Auchan', siret: '81272495300029' })).toBe('siret:81272495300029');
    expect(employerKey({ name: 'Crédit agricole', siret: null })).toBe(employerKey({ name: 'CREDIT AGRICOLE', siret: null }));
    expect(employerKey({ name: 'Auchan', siret: null })).not.toBe(employerKey({ name: 'Auchan', siret: '81272495300029' }));
  });

  it('places both sides in the gazetteer: an INSEE code and a postcode with the commune name meet', () => {
    const a = toFacts(offer(), gazetteer)!;
    const b = toFacts(offer({ location: { inseeCode: null, postcode: '37540', city: 'Saint-Cyr-sur-Loire' } }), gazetteer)!;
    expect([a.inseeCode, b.inseeCode]).toEqual(['37214', '37214']);
    expect(toFacts(offer({ location: { inseeCode: null, postcode: null, city: 'Atlantis' } }), gazetteer)).toBeNull();
    // a commune without coordinates is not in the importer's gazetteer
    expect(toFacts(offer({ location: { inseeCode: '99999', postcode: null, city: null } }), gazetteer)).toBeNull();
    expect(b.descriptionHtml).toBe('<p>Découpe, préparation des commandes et conseil aux clients au rayon boucherie.</p>');
  });

  it('decides as the importer: same key, then sameOffer; an offer it would reject is never a duplicate', () => {
    const decide = importerDecision(gazetteer);
    expect(decide({ id: 'x', kind: 'k', same: true, a: offer(), b: offer({ title: 'ALTERNANCE - Boucher (H/F)', location: { inseeCode: null, postcode: '37540', city: 'Saint Cyr sur Loire' } }) })).toBe(true);
    expect(decide({ id: 'x', kind: 'k', same: false, a: offer(), b: offer({ location: { inseeCode: '37261', postcode: null, city: null } }) })).toBe(false);
    expect(decide({ id: 'x', kind: 'k', same: false, a: offer(), b: offer({ employer: { name: 'Auchan', siret: '81272495300029' } }) })).toBe(false);
    expect(decide({ id: 'x', kind: 'k', same: false, a: offer(), b: offer({ location: { inseeCode: null, postcode: null, city: 'Atlantis' } }) })).toBe(false);
  });
});

describe('pair generator helpers', () => {
  it('makes SIRETs with a valid key and strips a partner’s dressing from a title', () => {
    expect(makeSiret('812724953', 2)).toBe('81272495300029');
    expect(bareTitle('ALTERNANCE - Boucher F/H')).toBe('Boucher');
    expect(bareTitle('Agent de tri en alternance (F/H)')).toBe('Agent de tri');
    expect(bareTitle('Alternance |Assistant(e) Chef de Projet H/F')).toBe('Assistant(e) Chef de Projet');
  });
});
