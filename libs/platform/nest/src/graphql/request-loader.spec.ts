import { RequestLoader, requestLoader } from './request-loader';

describe('RequestLoader', () => {
  it('sends the keys asked for in one tick to one batch, each key once', async () => {
    const batches: string[][] = [];
    const loader = new RequestLoader(async (keys: string[]) => {
      batches.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const answers = await Promise.all([loader.load('a'), loader.load('b'), loader.load('a'), loader.load('missing')]);
    expect(answers).toEqual(['A', 'B', 'A', null]);
    expect(batches).toEqual([['a', 'b', 'missing']]);
    // Known keys are not read again; new ones go to a new batch.
    expect(await Promise.all([loader.load('b'), loader.load('c')])).toEqual(['B', 'C']);
    expect(batches).toEqual([['a', 'b', 'missing'], ['c']]);
  });

  it('rejects the waiting loads when the batch fails, and reads those keys again next time', async () => {
    let fail = true;
    const loader = new RequestLoader(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k]));
    });
    await expect(Promise.all([loader.load('a'), loader.load('b')])).rejects.toThrow('database down');
    fail = false;
    expect(await loader.load('a')).toBe('a');
  });

  it('keeps one loader per request context and kind', () => {
    const batch = async () => new Map<string, string>();
    const first = {};
    const second = {};
    expect(requestLoader(first, 'orgs', batch)).toBe(requestLoader(first, 'orgs', batch));
    expect(requestLoader(first, 'orgs', batch)).not.toBe(requestLoader(second, 'orgs', batch));
    expect(requestLoader(first, 'orgs', batch)).not.toBe(requestLoader(first, 'skills', batch));
  });
});
