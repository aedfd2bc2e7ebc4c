import { ManualClock, pageRequest } from '@alternance/platform/domain';
import { announceCatalogueImport } from './catalogue-version';
import { ProgramCatalogue, ProgramCatalogueSource } from './program-catalogue';
import { CatalogueProgram } from './program-snapshot';
import { testProgram } from './test-programs';

const program = (n: number, title: string): CatalogueProgram => testProgram(n, title);

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A database stand-in: its programs and version change when the test says, its reads can be held. */
class FakeSource implements ProgramCatalogueSource {
  programs: CatalogueProgram[] = [program(1, 'Boulanger')];
  currentVersion = '1/1';
  loads = 0;
  versionChecks = 0;
  holdVersion?: Deferred<string>;
  holdLoad?: Deferred<void>;
  failVersion = false;
  failLoad = false;

  async version(): Promise<string> {
    this.versionChecks++;
    if (this.holdVersion) return this.holdVersion.promise;
    if (this.failVersion) throw new Error('database down');
    return this.currentVersion;
  }

  async load() {
    this.loads++;
    const version = this.currentVersion;
    const programs = [...this.programs];
    if (this.holdLoad) await this.holdLoad.promise;
    if (this.failLoad) throw new Error('database down');
    return { version, programs };
  }

  importProgram(p: CatalogueProgram): void {
    this.programs = [...this.programs, p];
    const [latest, count] = this.currentVersion.split('/').map(Number);
    this.currentVersion = `${latest + 1}/${count + 1}`;
  }
}

const titlesOf = async (catalogue: ProgramCatalogue) => (await catalogue.search({}, pageRequest(20, null))).items.map((p) => p.title);
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the program catalogue', () => {
  let source: FakeSource;
  let clock: ManualClock;
  let catalogue: ProgramCatalogue;
  let errors: unknown[];

  beforeEach(() => {
    source = new FakeSource();
    clock = new ManualClock(new Date('2026-12-03T10:00:00Z'));
    errors = [];
    catalogue = new ProgramCatalogue(source, { clock, refreshIntervalMs: 30_000, onError: (e) => errors.push(e) });
  });
  afterEach(() => catalogue.onModuleDestroy());

  it('loads on first use only, once for concurrent first requests', async () => {
    expect(source.loads).toBe(0);
    const [a, b, c] = await Promise.all([titlesOf(catalogue), catalogue.byIds([program(1, '').id]), titlesOf(catalogue)]);
    expect(a).toEqual(['Boulanger']);
    expect(c).toEqual(['Boulanger']);
    expect([...b.values()].map((p) => p.title)).toEqual(['Boulanger']);
    expect(source.loads).toBe(1);
    expect(source.versionChecks).toBe(0);
  });

  it('checks the version no sooner than the refresh interval', async () => {
    await titlesOf(catalogue);
    clock.advance(29_999);
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(source.versionChecks).toBe(0);
    clock.advance(1);
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(source.versionChecks).toBe(1);
    expect(source.loads).toBe(1);
    // checked just now: the next check waits another interval
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(source.versionChecks).toBe(1);
  });

  it('serves the current snapshot while one background check runs, then the new programs', async () => {
    await titlesOf(catalogue);
    source.importProgram(program(2, 'Charcutier'));
    clock.advance(30_000);
    source.holdVersion = deferred<string>();
    // requests do not wait for the check, and do not start a second one
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
    expect(source.versionChecks).toBe(1);
    const hold = source.holdVersion;
    source.holdVersion = undefined;
    hold.resolve(source.currentVersion);
    await catalogue.settled();
    expect(source.loads).toBe(2);
    expect(await titlesOf(catalogue)).toEqual(['Boulanger', 'Charcutier']);
  });

  it('keeps the snapshot when the version did not change', async () => {
    const before = await catalogue.snapshot();
    clock.advance(60_000);
    await catalogue.snapshot();
    await catalogue.settled();
    expect(source.versionChecks).toBe(1);
    expect(source.loads).toBe(1);
    expect(await catalogue.snapshot()).toBe(before);
  });

  it('checks on every request with a zero interval, one check at a time', async () => {
    const eager = new ProgramCatalogue(source, { clock, refreshIntervalMs: 0 });
    try {
      await titlesOf(eager);
      source.holdVersion = deferred<string>();
      await Promise.all([titlesOf(eager), titlesOf(eager), titlesOf(eager)]);
      expect(source.versionChecks).toBe(1);
      const hold = source.holdVersion;
      source.holdVersion = undefined;
      source.importProgram(program(3, 'Ébéniste'));
      hold.resolve(source.currentVersion);
      await eager.settled();
      expect(await titlesOf(eager)).toEqual(['Boulanger', 'Ébéniste']);
    } finally {
      eager.onModuleDestroy();
    }
  });

  it('reads again at once after an invalidation or an import in this process', async () => {
    await titlesOf(catalogue);
    source.importProgram(program(2, 'Charcutier'));
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
    catalogue.invalidate();
    expect(await titlesOf(catalogue)).toEqual(['Boulanger', 'Charcutier']);
    source.importProgram(program(3, 'Ébéniste'));
    announceCatalogueImport();
    expect(await titlesOf(catalogue)).toEqual(['Boulanger', 'Charcutier', 'Ébéniste']);
    expect(source.loads).toBe(3);
    expect(source.versionChecks).toBe(0);
  });

  it('does not keep a load that an import overtook', async () => {
    source.holdLoad = deferred<void>();
    const first = titlesOf(catalogue);
    await tick();
    source.importProgram(program(2, 'Charcutier'));
    catalogue.invalidate();
    // a request after the invalidation does not join the older load
    const hold = source.holdLoad;
    source.holdLoad = undefined;
    const second = titlesOf(catalogue);
    hold.resolve();
    expect(await first).toEqual(['Boulanger']);
    expect(await second).toEqual(['Boulanger', 'Charcutier']);
    expect(await titlesOf(catalogue)).toEqual(['Boulanger', 'Charcutier']);
    expect(source.loads).toBe(2);
  });

  it('stops listening to imports once destroyed', async () => {
    await titlesOf(catalogue);
    catalogue.onModuleDestroy();
    source.importProgram(program(2, 'Charcutier'));
    announceCatalogueImport();
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
  });

  it('fails the requests of a failed first load and tries again on the next one', async () => {
    source.failLoad = true;
    await expect(titlesOf(catalogue)).rejects.toThrow('database down');
    source.failLoad = false;
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
    expect(source.loads).toBe(2);
  });

  it('keeps serving when a background check fails, reports it and tries again an interval later', async () => {
    await titlesOf(catalogue);
    source.failVersion = true;
    clock.advance(30_000);
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
    await catalogue.settled();
    expect(errors).toHaveLength(1);
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(source.versionChecks).toBe(1);
    source.failVersion = false;
    source.importProgram(program(2, 'Charcutier'));
    clock.advance(30_000);
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(await titlesOf(catalogue)).toEqual(['Boulanger', 'Charcutier']);
  });

  it('keeps serving when a background reload fails', async () => {
    await titlesOf(catalogue);
    source.importProgram(program(2, 'Charcutier'));
    source.failLoad = true;
    clock.advance(30_000);
    await titlesOf(catalogue);
    await catalogue.settled();
    expect(errors).toHaveLength(1);
    expect(await titlesOf(catalogue)).toEqual(['Boulanger']);
  });
});
