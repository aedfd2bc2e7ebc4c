import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SearchDocument, SearchRequest } from '@alternance/search/domain';
import { EmbeddedIndexStore } from './embedded-index-store';

const SETTINGS = { searchable: ['title'], filterable: ['kind'], numeric: [], stopWords: [], synonyms: [] };
const doc = (i: number): SearchDocument => ({ id: `d${i}`, title: `offre numéro${i} ${'texte '.repeat(30)}`, kind: i % 2 ? 'a' : 'b' });
const all: SearchRequest = { text: '', filters: [], facets: [], sort: { kind: 'relevance' }, limit: 5, offset: 0 };

describe('EmbeddedIndexStore persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alternance-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function filled(count: number): Promise<EmbeddedIndexStore> {
    const store = EmbeddedIndexStore.open('offers', dir, { persistDelayMs: 60_000 });
    await store.configure(SETTINGS);
    await store.upsert(Array.from({ length: count }, (_, i) => doc(i)));
    await store.markApplied(7);
    return store;
  }

  it('keeps answering searches while a snapshot is encoded; writes wait, and the snapshot is the index before them', async () => {
    const store = await filled(20_000);
    const events: string[] = [];
    const persisted = store.persist().then(() => events.push('persisted'));
    // One turn of the event loop later the encoding has started and paused between two slices.
    await new Promise((resolve) => setImmediate(resolve));
    expect((store as unknown as { encoding?: Promise<void> }).encoding).toBeDefined();
    // The search is answered meanwhile; the writes wait for the end of the encoding.
    const searched = store.search({ ...all, text: 'numéro19999' }).then((r) => events.push(`searched ${r.totalCount}`));
    // A new document, and half of the first 5,000 rewritten: postings the snapshot is writing change.
    const rewritten = Array.from({ length: 2500 }, (_, i) => ({ id: `d${i * 2 + 1}`, title: 'offre remplacée', kind: 'a' }));
    const written = store.upsert([doc(20_000), ...rewritten]).then(() => events.push('written'));
    const deleted = store.delete(Array.from({ length: 2500 }, (_, i) => `d${i * 2}`)).then(() => events.push('deleted'));
    const marked = store.markApplied(8).then(() => events.push('marked'));
    await Promise.all([persisted, searched, written, deleted, marked]);
    expect(events[0]).toBe('searched 1');
    expect(events.indexOf('written')).toBeGreaterThan(0);

    const reopened = EmbeddedIndexStore.open('offers', dir);
    expect(await reopened.count()).toBe(20_000);
    expect(await reopened.appliedUpTo()).toBe(7);
    expect((await reopened.search({ ...all, text: 'numéro20000' })).totalCount).toBe(0);
    expect((await reopened.search({ ...all, text: 'texte' })).totalCount).toBe(20_000);
    expect((await reopened.search({ ...all, text: 'remplacée' })).totalCount).toBe(0);

    // What was held back is in the next snapshot, written on close.
    await store.close();
    const after = EmbeddedIndexStore.open('offers', dir);
    expect(await after.count()).toBe(20_001 - 2500);
    expect(await after.appliedUpTo()).toBe(8);
    expect((await after.search({ ...all, text: 'numéro20000' })).totalCount).toBe(1);
    expect((await after.search({ ...all, text: 'remplacée' })).totalCount).toBe(2500);
  });

  it('writes snapshots one after the other, the last one winning', async () => {
    const store = await filled(100);
    const first = store.persist();
    await store.upsert([doc(100)]);
    await store.markApplied(9);
    const second = store.persist();
    await Promise.all([first, second]);
    expect(existsSync(path.join(dir, 'offers.index.tmp'))).toBe(false);
    const reopened = EmbeddedIndexStore.open('offers', dir);
    expect(await reopened.count()).toBe(101);
    expect(await reopened.appliedUpTo()).toBe(9);
  });

  it('a snapshot that cannot be written fails, the index stays dirty, and the next one succeeds', async () => {
    const store = await filled(10);
    // A directory where the temporary file should go: opening it for writing fails.
    const tmp = path.join(dir, 'offers.index.tmp');
    rmSync(tmp, { force: true });
    mkdirSync(tmp);
    await expect(store.persist()).rejects.toThrow();
    expect(existsSync(path.join(dir, 'offers.index'))).toBe(false);
    rmSync(tmp, { recursive: true });
    await store.close();
    const reopened = EmbeddedIndexStore.open('offers', dir);
    expect(await reopened.count()).toBe(10);
    expect(await reopened.appliedUpTo()).toBe(7);
  });

  it('opens an unreadable snapshot as an empty index, to be rebuilt from the outbox', async () => {
    writeFileSync(path.join(dir, 'offers.index'), 'not a snapshot');
    const messages: string[] = [];
    const store = EmbeddedIndexStore.open('offers', dir, { log: (m) => messages.push(m) });
    expect(await store.count()).toBe(0);
    expect(await store.appliedUpTo()).toBe(0);
    expect(messages.join()).toMatch(/unreadable/);
  });
});
