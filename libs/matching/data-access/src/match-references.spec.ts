import { MikroORM } from '@mikro-orm/core';
import { ProgramCatalogue, ProgramSnapshot } from '@alternance/programs/data-access';
import { MatchReferences } from './match-references';

const program = (id: string, openToApprenticeship: boolean) =>
  ({ id, title: `Parcours ${id}`, openToApprenticeship, trainingHours: 400, poeEligible: false, romeCodes: ['M1805'], competencyBlocks: [] }) as never;

/**
 * A catalogue serving `current`, and an ORM whose reads of the taxonomy answer nothing but the
 * occupation skills in `links` (or fail while `failing`).
 */
function setUp() {
  const state = { current: new ProgramSnapshot([program('a', true)]), failing: false, reads: 0, links: [] as { romeCode: string; skillCode: string; core: boolean | number }[] };
  const catalogue = { snapshot: async () => state.current } as unknown as ProgramCatalogue;
  const read = async (rows: unknown[]) => {
    state.reads++;
    if (state.failing) throw new Error('database unreachable');
    return rows;
  };
  const em = {
    find: () => read([]),
    getDriver: () => ({ find: () => read(state.links) }),
    getTransactionContext: () => undefined,
  };
  const orm = { em: { fork: () => em } } as unknown as MikroORM;
  return { state, references: new MatchReferences(orm, catalogue) };
}

describe('MatchReferences', () => {
  it('builds the referential once per catalogue snapshot, shared by concurrent requests', async () => {
    const { state, references } = setUp();
    const [one, two] = await Promise.all([references.current(), references.current()]);
    expect(one).toBe(two);
    expect(one.programs.get('a')?.openToApprenticeship).toBe(true);
    const reads = state.reads;
    expect(await references.current()).toBe(one);
    expect(state.reads).toBe(reads);
  });

  it('rebuilds it when the catalogue serves another snapshot', async () => {
    const { state, references } = setUp();
    const before = await references.current();
    state.current = new ProgramSnapshot([program('a', false), program('b', true)]);
    const after = await references.current();
    expect(after).not.toBe(before);
    expect(after.programs.get('a')?.openToApprenticeship).toBe(false);
    expect([...after.programs.keys()].sort()).toEqual(['a', 'b']);
  });

  it('holds every occupation skill, core ones apart, whichever way the driver hands booleans back', async () => {
    const { state, references } = setUp();
    state.links = [
      { romeCode: 'M1805', skillCode: '400261', core: true },
      { romeCode: 'M1805', skillCode: '300679', core: false },
      { romeCode: 'D1102', skillCode: '486446', core: 1 },
      { romeCode: 'D1102', skillCode: '124958', core: 0 },
    ];
    const reference = await references.current();
    expect([...reference.coreSkills].map(([rome, codes]) => [rome, [...codes]])).toEqual([
      ['M1805', ['400261']],
      ['D1102', ['486446']],
    ]);
    expect([...reference.otherSkills]).toEqual([
      ['M1805', ['300679']],
      ['D1102', ['124958']],
    ]);
  });

  it('tries again on the next request after a failed build', async () => {
    const { state, references } = setUp();
    state.failing = true;
    await expect(references.current()).rejects.toThrow('database unreachable');
    state.failing = false;
    expect((await references.current()).programs.has('a')).toBe(true);
  });
});
