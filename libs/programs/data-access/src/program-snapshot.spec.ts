import { Country, pageRequest } from '@alternance/platform/domain';
import { CatalogueProgram, ProgramSearch, ProgramSnapshot, programTest } from './program-snapshot';
import { testProgram } from './test-programs';

let next = 0;
function program(title: string, fields: Partial<CatalogueProgram> = {}): CatalogueProgram {
  return testProgram(++next, title, fields);
}

// In catalogue order (title, id), as the database hands them over.
const web = program('BTS - Développeur Web', { level: 5, romeCodes: ['M1805', 'M1810'] });
const webFullStack = program('Développeur web full stack', { level: 6, romeCodes: ['M1805'], poeEligible: false, trainingHours: 900 });
const bakery = program('CAP - Boulanger', { level: 3, romeCodes: ['D1102'], competencyBlocks: [{ code: 'B1', title: 'Pétrir', skillCodes: ['100', '101'] }] });
const uk = program('Level 3 Baker', { country: Country.UK, level: null, rncpCode: null, romeCodes: ['D1102'] });
const manager = program('Manager de la sécurité informatique', { level: 7, romeCodes: ['M1802'], poeEligible: false });
const ALL = [web, webFullStack, bakery, uk, manager];
const snapshot = new ProgramSnapshot(ALL);

const titles = (filter: ProgramSearch, first = 20, after?: string) => snapshot.search(filter, pageRequest(first, after)).items.map((p) => p.title);

describe('the program snapshot', () => {
  it('lists every program in the order given when nothing narrows it', () => {
    const page = snapshot.search({}, pageRequest(20, null));
    expect(page.items.map((p) => p.id)).toEqual(ALL.map((p) => p.id));
    expect(page).toMatchObject({ totalCount: 5, offset: 0, limit: 20 });
    expect(programTest({})).toBeNull();
    expect(programTest({ query: '   ', rncpCode: '', country: undefined })).toBeNull();
  });

  it('pages like limit/offset: after a cursor, past the end, and zero-sized pages still count', () => {
    const first = snapshot.search({}, pageRequest(2, null));
    expect(first.items.map((p) => p.title)).toEqual([web.title, webFullStack.title]);
    const cursorOfSecond = Buffer.from('o:1').toString('base64url');
    expect(titles({}, 2, cursorOfSecond)).toEqual([bakery.title, uk.title]);
    const pastTheEnd = snapshot.search({}, pageRequest(10, Buffer.from('o:41').toString('base64url')));
    expect(pastTheEnd).toEqual({ items: [], totalCount: 5, offset: 42, limit: 10 });
    expect(snapshot.search({ level: 5 }, pageRequest(3, Buffer.from('o:4').toString('base64url')))).toMatchObject({ items: [], totalCount: 1 });
    expect(snapshot.search({ romeCode: 'M1805' }, pageRequest(0, null))).toEqual({ items: [], totalCount: 2, offset: 0, limit: 0 });
    expect(snapshot.search({ romeCode: 'M1805' }, pageRequest(1, Buffer.from('o:0').toString('base64url'))).items).toEqual([webFullStack]);
  });

  it('finds every word of the query in the folded title, whatever the accents, case and order', () => {
    expect(titles({ query: 'DÉVELOPPEUR' })).toEqual([web.title, webFullStack.title]);
    expect(titles({ query: 'web   developpeur' })).toEqual([web.title, webFullStack.title]);
    expect(titles({ query: 'développeur stack' })).toEqual([webFullStack.title]);
    expect(titles({ query: 'développeur boulanger' })).toEqual([]);
    // LIKE '%word%': a piece of a word is enough, across punctuation too
    expect(titles({ query: 'velop' })).toEqual([web.title, webFullStack.title]);
    expect(titles({ query: 'bts - dev' })).toEqual([web.title]);
    expect(titles({ query: 'securite' })).toEqual([manager.title]);
    expect(titles({ query: 'Sécurité INFORMATIQUE manager' })).toEqual([manager.title]);
  });

  it('drops LIKE wildcards and backslashes from the query as the SQL does, and ignores blank queries', () => {
    // "dev%web" becomes the words "dev" and "web", not a pattern
    expect(titles({ query: 'dév%web' })).toEqual([web.title, webFullStack.title]);
    expect(titles({ query: 'full_stack' })).toEqual([webFullStack.title]);
    expect(titles({ query: 'bou\\langer' })).toEqual([bakery.title]);
    expect(titles({ query: '' })).toHaveLength(5);
    expect(titles({ query: ' \t ' })).toHaveLength(5);
    // nothing but wildcards: no word left, no condition
    expect(titles({ query: '%_%' })).toHaveLength(5);
  });

  it('matches a ROME code as one of the program codes, exactly', () => {
    expect(titles({ romeCode: 'M1805' })).toEqual([web.title, webFullStack.title]);
    expect(titles({ romeCode: 'M1810' })).toEqual([web.title]);
    expect(titles({ romeCode: 'D1102' })).toEqual([bakery.title, uk.title]);
    expect(titles({ romeCode: 'M180' })).toEqual([]);
    expect(titles({ romeCode: 'M18055' })).toEqual([]);
    expect(titles({ romeCode: 'Z9999' })).toEqual([]);
  });

  it('filters by RNCP record, level, POE eligibility and country, all conditions together', () => {
    expect(titles({ rncpCode: bakery.rncpCode! })).toEqual([bakery.title]);
    expect(titles({ rncpCode: 'RNCP' })).toEqual([]);
    expect(titles({ level: 6 })).toEqual([webFullStack.title]);
    expect(titles({ level: 3 })).toEqual([bakery.title]);
    expect(titles({ poeEligible: false })).toEqual([webFullStack.title, manager.title]);
    expect(titles({ poeEligible: true })).toEqual([web.title, bakery.title, uk.title]);
    expect(titles({ country: Country.UK })).toEqual([uk.title]);
    expect(titles({ country: Country.FR, romeCode: 'D1102' })).toEqual([bakery.title]);
    expect(titles({ query: 'developpeur', poeEligible: true, level: 5, romeCode: 'M1805', country: Country.FR })).toEqual([web.title]);
    expect(titles({ query: 'developpeur', level: 7 })).toEqual([]);
  });

  it('answers a repeated search, in any word order, as the first time, and stays right past its memory of searches', () => {
    const fresh = new ProgramSnapshot(ALL);
    const first = fresh.search({ query: 'web développeur', level: 5 }, pageRequest(1, null));
    expect(fresh.search({ query: 'DEVELOPPEUR web web', level: 5 }, pageRequest(1, null))).toEqual(first);
    expect(fresh.search({ query: 'développeur', level: 5 }, pageRequest(20, null)).items).toEqual([web]);
    expect(fresh.search({ query: 'développeur', level: 6 }, pageRequest(20, null)).items).toEqual([webFullStack]);
    for (let i = 0; i < 300; i++) fresh.search({ query: `mot${i}` }, pageRequest(1, null));
    expect(fresh.search({ query: 'web développeur', level: 5 }, pageRequest(1, null))).toEqual(first);
    expect(fresh.search({ romeCode: 'M1805', poeEligible: false }, pageRequest(5, null)).items).toEqual([webFullStack]);
  });

  it('counts a program once when its ROME codes repeat', () => {
    const twice = program('Double code', { romeCodes: ['M1805', 'M1805'] });
    expect(new ProgramSnapshot([twice]).search({ romeCode: 'M1805' }, pageRequest(5, null)).totalCount).toBe(1);
  });

  it('looks programs up by id, leaving out unknown ids and ids that are not UUIDs', () => {
    const found = snapshot.byIds([bakery.id, '00000000-0000-4000-8000-999999999999', 'not-a-uuid', web.id, bakery.id]);
    expect([...found.keys()]).toEqual([bakery.id, web.id]);
    expect(found.get(bakery.id)).toEqual(bakery);
    expect(snapshot.byIds([])).toEqual(new Map());
  });

  it('shares frozen copies: no request can change what the next one reads', () => {
    const [item] = snapshot.search({ query: 'boulanger' }, pageRequest(1, null)).items;
    expect(item).toEqual(bakery);
    expect(item).not.toBe(bakery);
    expect(Object.isFrozen(item) && Object.isFrozen(item.romeCodes) && Object.isFrozen(item.competencyBlocks[0].skillCodes)).toBe(true);
    expect(() => item.romeCodes.push('X0000')).toThrow(TypeError);
    expect(() => ((item as { title: string }).title = 'Changed')).toThrow(TypeError);
    expect(snapshot.byIds([bakery.id]).get(bakery.id)!.romeCodes).toEqual(['D1102']);
  });

  it('reads SQLite-style 0/1 flags as booleans', () => {
    const raw = { ...program('Raw'), poeEligible: 0, openToApprenticeship: 1 } as unknown as CatalogueProgram;
    const [item] = new ProgramSnapshot([raw]).programs;
    expect(item).toMatchObject({ poeEligible: false, openToApprenticeship: true });
    expect(new ProgramSnapshot([raw]).search({ poeEligible: false }, pageRequest(5, null)).totalCount).toBe(1);
  });
});
