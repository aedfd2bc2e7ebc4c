import { isValidSiret } from '@alternance/organizations/domain';
import { buildRomeMatcher } from '@alternance/programs/domain';
import { ContractType } from '@alternance/offers/domain';
import { DemoCatalogue, generateDemoSet } from './demo-data';

const catalogue: DemoCatalogue = {
  offerKeywords: [
    ['Développeur web', 'JavaScript', 'React', 'API'],
    ['Boulanger', 'pains', 'viennoiseries'],
    ['Développeur web full stack', 'Node.js', 'PostgreSQL'],
    ['Boulanger pâtissier', 'tartes', 'fournil'],
    ['Astronaute', 'espace'],
    ['x'],
  ],
  romeMatcher: buildRomeMatcher([
    { romeCode: 'M1855', label: 'Développeur / Développeuse web' },
    { romeCode: 'D1102', label: 'Boulanger / Boulangère' },
  ]),
  skillsByRome: new Map([
    ['M1855', [1, 2, 3, 4, 5].map((n) => ({ code: `10${n}`, label: `Web skill ${n}`, core: n <= 2 }))],
    ['D1102', [1, 2, 3, 4].map((n) => ({ code: `20${n}`, label: `Bakery skill ${n}`, core: n === 1 }))],
  ]),
  programsByRome: new Map([['M1855', ['p-web-1', 'p-web-2']]]),
  places: [
    { city: 'Lyon 03', postcode: '69003', inseeCode: '69383', lat: 45.76, lng: 4.85, weight: 2 },
    { city: 'Rennes', postcode: '35000', inseeCode: '35238', lat: 48.11, lng: -1.68, weight: 1 },
  ],
};
const now = new Date('2026-11-23T09:00:00Z');
const sizes = { organizations: 3, offers: 4, candidates: 10 };

describe('demo data', () => {
  it('is the same for the same seed, and differs for another', () => {
    expect(generateDemoSet(catalogue, now, 7, sizes)).toEqual(generateDemoSet(catalogue, now, 7, sizes));
    expect(generateDemoSet(catalogue, now, 8, sizes)).not.toEqual(generateDemoSet(catalogue, now, 7, sizes));
  });

  it('builds offers only from corpus titles that name a known occupation, with its skills and paths', () => {
    const { organizations, offers } = generateDemoSet(catalogue, now, 7, sizes);
    expect(offers).toHaveLength(4);
    for (const offer of offers) {
      expect(['M1855', 'D1102']).toContain(offer.romeCode);
      const known = catalogue.skillsByRome.get(offer.romeCode)!.map((s) => s.code);
      for (const skill of offer.skills) expect(known).toContain(skill.code);
      for (const id of offer.programIds) expect(catalogue.programsByRome.get(offer.romeCode)).toContain(id);
      expect(offer.startEarliest <= offer.startLatest).toBe(true);
      expect(offer.hireContract !== null).toBe(offer.contractType === ContractType.POEI);
      expect(organizations.map((o) => o.key)).toContain(offer.organizationKey);
    }
    expect(offers.map((o) => o.title)).not.toContain('Astronaute');
  });

  it('gives organizations valid SIRETs and candidates plausible private data', () => {
    const { organizations, candidates } = generateDemoSet(catalogue, now, 7, sizes);
    for (const org of organizations) expect(isValidSiret(org.siret)).toBe(true);
    for (const c of candidates) {
      const age = now.getUTCFullYear() - Number(c.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThanOrEqual(51);
      if (!c.sensitiveDataConsent) expect([c.disabilityRecognised, c.gender]).toEqual([null, null]);
    }
  });
});
