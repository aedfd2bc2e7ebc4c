import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PartnerOffer, partnerFeedReaders, siretOrNull } from '@alternance/imports/domain';
import { seededRandom } from '../search-engine-corpus';
import { FeedStats, generateFeeds, luhnSiret, luhnValid } from './feed-generator';

const dataDir = path.resolve(__dirname, '../../../../shared/data');

describe('partner feed generator', () => {
  let dir: string;
  let stats: FeedStats;
  const read: Record<string, { offers: PartnerOffer[]; rejected: string[]; skipped: number }> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'feed-generator-'));
    stats = await generateFeeds({ offers: 3000, seed: 7, dir, dataDir });
    for (const feed of stats.feeds) {
      const out = { offers: [] as PartnerOffer[], rejected: [] as string[], skipped: 0 };
      for await (const record of partnerFeedReaders[feed.source].read(createReadStream(feed.file))) {
        if (record.ok) out.offers.push(record.offer);
        else if (record.rejection.reason === 'NOT_WORK_STUDY') out.skipped++;
        else out.rejected.push(record.rejection.reason);
      }
      read[feed.source] = out;
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes SIRETs the readers keep (Luhn key)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const siret = luhnSiret(random);
      expect(luhnValid(siret)).toBe(true);
      expect(siretOrNull(siret)).toBe(siret);
    }
    const withSiret = read.hellowork.offers.filter((o) => o.employer.siret);
    expect(withSiret.length).toBe(read.hellowork.offers.length);
  });

  it('writes the requested number of records in three formats, each read back by its reader', () => {
    expect(stats.feeds.map((f) => f.source)).toEqual(['hellowork', 'leboncoin', 'decathlon']);
    expect(stats.feeds.reduce((sum, f) => sum + f.records, 0)).toBe(3000);
    for (const feed of stats.feeds) {
      const r = read[feed.source];
      expect(r.offers.length + r.rejected.length + r.skipped).toBe(feed.records);
      expect(r.offers.length).toBeGreaterThan(feed.records * 0.9);
    }
    const offer = read.hellowork.offers[0];
    expect(offer.title).toMatch(/\w/);
    expect(offer.descriptionHtml).toContain('<p>');
    expect(offer.location.postcode).toMatch(/^\d{5}$/);
    expect(offer.contractKind === 'APPRENTICESHIP' || offer.contractKind === 'PROFESSIONALISATION').toBe(true);
  });

  it('has reposts on two boards, a few CDI skipped and a few broken records', () => {
    expect(stats.duplicates / stats.offers).toBeGreaterThan(0.02);
    expect(stats.duplicates / stats.offers).toBeLessThan(0.08);
    const key = (o: PartnerOffer) => `${o.employer.name}|${o.location.postcode}|${o.title.replace(/^ALTERNANCE\W+|\W*[FH]\/[HF]\W*$/g, '')}`;
    const lbc = new Set(read.leboncoin.offers.map(key));
    expect(read.decathlon.offers.filter((o) => lbc.has(key(o))).length).toBeGreaterThan(stats.duplicates / 2);
    const skipped = Object.values(read).reduce((sum, r) => sum + r.skipped, 0);
    expect(skipped).toBeGreaterThan(0);
    expect(skipped).toBeLessThanOrEqual(stats.cdi);
    // A missing id or title is the reader's rejection; an unknown place, the importer's.
    expect(stats.bad).toBeGreaterThan(0);
    expect(Object.values(read).flatMap((r) => r.rejected).length).toBeLessThanOrEqual(stats.bad);
  });

  it('is the same feed for the same seed', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'feed-generator-'));
    try {
      const second = await generateFeeds({ offers: 3000, seed: 7, dir: again, dataDir });
      for (let i = 0; i < 3; i++) expect(readFileSync(second.feeds[i].file, 'utf8')).toBe(readFileSync(stats.feeds[i].file, 'utf8'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);
});
