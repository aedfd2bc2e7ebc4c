import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RemotePreference, Visibility } from '@alternance/candidates/domain';
import { candidateDocument } from '@alternance/search/domain';

/**
 * The priority categories a candidate declares (qualification obtained, QPV, international
 * protection, situation before) are for aggregate reporting only. Beyond the candidates context,
 * which stores and exports them, no code that builds a search document, hands a profile to the
 * matcher, writes a notice or answers an employer may name them. The e2e tests check the same
 * through the API (sensitive-data, candidates, matching); this catches a new reader at once.
 */
const ROOT = path.resolve(__dirname, '../../..');
const NAMES = /highestQualification|livesInQpv|internationalProtection|situationBefore|highest_qualification|lives_in_qpv|international_protection|situation_before|QualificationLevel|SituationBefore/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'testing' || name === 'node_modules' ? [] : sources(file);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [file] : [];
  });
}

describe('priority categories stay out of search, matching, notices and employers’ answers', () => {
  it('are named by no search document builder and no matcher input', () => {
    const builders = [
      'libs/search/data-access/src/indexable.ts',
      'libs/search/domain/src/candidate-search.ts',
      'libs/matching/data-access/src/match-data.ts',
      'libs/matching/domain/src/match-model.ts',
    ];
    for (const file of builders) expect({ file, names: NAMES.test(readFileSync(path.join(ROOT, file), 'utf8')) }).toEqual({ file, names: false });
  });

  it.each(['libs/search', 'libs/matching', 'libs/notifications', 'libs/applications', 'libs/offers', 'libs/organizations'])('are named nowhere in the code of %s', (lib) => {
    const files = sources(path.join(ROOT, lib));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((file) => NAMES.test(readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it('never reach a candidate search document, even when a whole profile is handed over', () => {
    const profile = {
      id: 'c1',
      displayName: 'Camille Martin',
      headline: 'Future boulangère',
      skills: [{ code: '100', label: 'Pétrir la pâte' }],
      desiredRomeCodes: ['D1102'],
      programIds: [],
      lat: 48.1,
      lng: -1.6,
      remotePreference: RemotePreference.ONSITE,
      availableFrom: '2027-01-01',
      educationLevel: null,
      visibility: Visibility.PUBLIC,
      updatedAt: new Date('2026-11-23T00:00:00Z'),
    };
    const declared = { ...profile, highestQualification: 'NONE', livesInQpv: true, internationalProtection: true, situationBefore: 'JOB_SEEKER' };
    const doc = candidateDocument(declared);
    expect(doc).toEqual(candidateDocument(profile));
    expect(JSON.stringify(doc)).not.toMatch(NAMES);
  });
});
