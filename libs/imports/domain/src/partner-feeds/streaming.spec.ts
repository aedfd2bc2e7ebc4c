import { readdirSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PARTNER_REJECTION, isFatalRecord, isSkippedRecord, PartnerRecord } from '../partner-offer';
import { readerFor, sourceOfFileName } from './registry';
import { chunked, fromStrings, fromText, offersOf, readAll, rejectionsOf, SAMPLES_DIR, sampleBytes } from './test-support';

const reader = (source: string) => readerFor(source)!;

function job(id: number | string, title = `Alternance - Vendeur ${id}`): string {
  return `<job><job_id><![CDATA[${id}]]></job_id><title><![CDATA[${title}]]></title><url>https://ex.fr/o/${id}</url><description><![CDATA[<p>Offre ${id} &amp; suite</p>]]></description><postal_code>59000</postal_code><contract>Alternance</contract><company_title>Société ${id}</company_title></job>\n`;
}

describe('partner feeds, streamed', () => {
  it('gives the same records whatever the chunk size (1 byte, 7 bytes, whole)', async () => {
    for (const file of readdirSync(SAMPLES_DIR)) {
      const source = sourceOfFileName(file)!;
      const bytes = sampleBytes(file);
      const whole = await readAll(reader(source), chunked(bytes, bytes.length));
      expect(whole.length).toBeGreaterThan(0);
      expect({ file, records: await readAll(reader(source), chunked(bytes, 7)) }).toEqual({ file, records: whole });
      expect({ file, records: await readAll(reader(source), chunked(bytes, 1)) }).toEqual({ file, records: whole });
    }
  });

  it('accepts string chunks as well as bytes', async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?><root>${job(1)}</root>`;
    expect(await readAll(reader('hellowork'), fromStrings([feed.slice(0, 50), feed.slice(50)]))).toEqual(await readAll(reader('hellowork'), fromText(feed)));
  });

  it('decodes a feed that declares ISO-8859-1', async () => {
    const feed = `<?xml version="1.0" encoding="ISO-8859-1"?><root>${job(1, 'Alternance - Pâtissier Équipe')}</root>`;
    const records = await readAll(reader('hellowork'), chunked(Buffer.from(feed, 'latin1'), 3));
    expect(offersOf(records).map((o) => [o.title, o.employer.name])).toEqual([['Alternance - Pâtissier Équipe', 'Société 1']]);
  });

  it('XML: a bad record in the middle is reported with its place; the others are read', async () => {
    const feed = `<root>${job(1)}${job('', 'Alternance - sans id')}${job(3, '   ')}<job><job_id>4</job_id><title>Vendeur</title><contract>CDI</contract></job>${job(5)}</root>`;
    const records = await readAll(reader('hellowork'), fromText(feed, 7));
    expect(offersOf(records).map((o) => o.externalId)).toEqual(['1', '5']);
    expect(rejectionsOf(records)).toEqual([
      { record: 2, location: '/root/job[2]/job_id', reason: 'MISSING_ID', detail: 'No offer id (job_id).' },
      { record: 3, location: '/root/job[3]/title', reason: 'MISSING_TITLE', detail: 'Offer 3 has no title (title).' },
      { record: 4, location: '/root/job[4]', reason: 'NOT_WORK_STUDY', detail: 'Offer 4 is not a work-study contract (CDI).' },
    ]);
    expect(records.filter(isSkippedRecord)).toHaveLength(1);
    expect(records.some(isFatalRecord)).toBe(false);
  });

  it('XML: optional fields when a feed gives them (ROME code, coordinates, start, length); bad values dropped', async () => {
    const feed = `<jobs><job><job_id>7</job_id><title>Apprenti boulanger</title><url>javascript:alert(1)</url><apply_mail>rh@boulangerie.fr</apply_mail>
      <siret>81272495300028</siret><company_title>Boulangerie</company_title><geoloc>50.63,3.06</geoloc><postal_code>59000</postal_code><city>LILLE</city>
      <contract>Contrat d'apprentissage</contract><contract_start_date>2026-09-01</contract_start_date><contract_period_value>2</contract_period_value>
      <contract_period_unit>years</contract_period_unit><code_rome>d1102</code_rome><education>CAP</education></job>
      <job><job_id>8</job_id><title>Apprenti</title><code_rome>boulanger</code_rome><geoloc>500,3</geoloc><siret>81272495300029</siret></job></jobs>`;
    const [first, second] = offersOf(await readAll(reader('hellowork-buddi'), fromText(feed, 7)));
    expect(first).toMatchObject({
      employer: { name: 'Boulangerie', siret: null },
      location: { postcode: '59000', city: 'LILLE', lat: 50.63, lng: 3.06 },
      contractKind: 'APPRENTICESHIP',
      startDate: '2026-09-01',
      durationMonths: 24,
      romeCode: 'D1102',
      level: 'CAP',
      apply: { kind: 'EMAIL', email: 'rh@boulangerie.fr' },
    });
    expect(second).toMatchObject({ employer: { siret: '81272495300029' }, location: { lat: null, lng: null }, romeCode: null, apply: { kind: 'IN_PRODUCT' } });
  });

  it('XML: a feed broken in the middle yields what was read, then one fatal FEED_MALFORMED', async () => {
    const feed = `<root>${job(1)}${job(2)}<job><job_id>3</job_id><title>Alternance</titl></job>${job(4)}</root>`;
    const records = await readAll(reader('hellowork'), fromText(feed, 7));
    expect(offersOf(records).map((o) => o.externalId)).toEqual(['1', '2']);
    const last = records[records.length - 1] as Extract<PartnerRecord, { ok: false }>;
    expect(last.ok).toBe(false);
    expect(last.rejection).toEqual({ record: 3, location: '/root/job[3]', reason: PARTNER_REJECTION.FEED_MALFORMED, detail: expect.stringContaining('not well-formed XML'), fatal: true });
    expect(records).toHaveLength(3);
    expect(isFatalRecord(last)).toBe(true);
  });

  it('XML: a truncated feed is malformed too', async () => {
    const feed = `<root>${job(1)}${job(2)}`.slice(0, -40);
    const records = await readAll(reader('hellowork'), fromText(feed));
    expect(records.map((r) => (r.ok ? r.offer.externalId : r.rejection.reason))).toEqual(['1', 'FEED_MALFORMED']);
  });

  it('XML: a record too large to be an offer is skipped, the rest read', async () => {
    const huge = job(2, `Alternance ${'x'.repeat(2_100_000)}`);
    const records = await readAll(reader('hellowork'), fromText(`<root>${job(1)}${huge}${job(3)}</root>`));
    expect(records.map((r) => (r.ok ? r.offer.externalId : `${r.rejection.reason} ${r.rejection.location}`))).toEqual(['1', 'RECORD_TOO_LARGE /root/job[2]', '3']);
  });

  it('JSON: a bad element in the middle is reported, the others read; broken JSON is fatal after what was read', async () => {
    const offer = (id: number | null, title = 'Agent en alternance') => ({ id, title, contrat: 'Apprentissage', societe: 'Veolia', location_cp: '33130' });
    const feed = JSON.stringify([offer(1), 42, offer(null), offer(4, ''), offer(5)]);
    const records = await readAll(reader('engagement-jeunes'), fromText(feed, 7));
    expect(offersOf(records).map((o) => o.externalId)).toEqual(['1', '5']);
    expect(rejectionsOf(records).map((r) => [r.record, r.location, r.reason])).toEqual([
      [2, '$[1]', 'MALFORMED_RECORD'],
      [3, '$[2].id', 'MISSING_ID'],
      [4, '$[3].title', 'MISSING_TITLE'],
    ]);

    const broken = `${JSON.stringify([offer(1), offer(2)]).slice(0, -1)}, {"id": 3, "title": "x",, }]`;
    const read = await readAll(reader('engagement-jeunes'), fromText(broken, 5));
    expect(read.map((r) => (r.ok ? r.offer.externalId : [r.rejection.location, r.rejection.reason, r.rejection.fatal]))).toEqual(['1', '2', ['$[2]', 'FEED_MALFORMED', true]]);
  });

  it('JSON: an element too large to be an offer ends the feed rather than filling memory', async () => {
    const offer = (id: number, mission = 'x') => ({ id, title: 'Agent en alternance', contrat: 'Apprentissage', mission });
    async function* feed(): AsyncGenerator<string> {
      yield `[${JSON.stringify(offer(1))},{"id": 2, "mission": "`;
      for (let i = 0; i < 100; i++) yield 'y'.repeat(50_000);
      yield `"}, ${JSON.stringify(offer(3))}]`;
    }
    const records = await readAll(reader('engagement-jeunes'), feed());
    expect(records.map((r) => (r.ok ? r.offer.externalId : [r.rejection.location, r.rejection.reason, r.rejection.fatal]))).toEqual(['1', ['$[1]', 'FEED_MALFORMED', true]]);
  });

  it('JSON: an array nested under a key (Decathlon "ads")', async () => {
    const feed = JSON.stringify({ count: 2, ads: [{ reference: 'A', title: 'Vendeur', contract_type: 'Apprentissage' }, { reference: 'B', title: 'Caissier', contract_type: 'CDI' }], after: 1 });
    const records = await readAll(reader('decathlon'), fromText(feed, 3));
    expect(records.map((r) => (r.ok ? r.offer.externalId : `${r.rejection.location} ${r.rejection.reason}`))).toEqual(['A', '$.ads[1] NOT_WORK_STUDY']);
  });

  it('CSV: a row with the wrong number of cells is reported, an unclosed quote ends the feed', async () => {
    const csv = '"identifiant","titre","description","code postal"\n"1","Alternance A","x\ny","59000"\n"2","Alternance B"\n"3","Alternance C","z","75001"\n"4","Alternance D","unclosed\n';
    const records = await readAll(reader('leboncoin'), fromText(csv, 7));
    expect(records.map((r) => (r.ok ? r.offer.externalId : [r.rejection.location, r.rejection.reason, r.rejection.fatal ?? false]))).toEqual([
      '1',
      ['row 2 (line 4)', 'MALFORMED_RECORD', false],
      '3',
      ['after line 5', 'FEED_MALFORMED', true],
    ]);
  });

  it('an empty input or an input error is a malformed feed, not an exception', async () => {
    for (const source of ['hellowork', 'decathlon', 'leboncoin']) {
      const records = await readAll(reader(source), fromText(''));
      expect({ source, reasons: records.map((r) => (r.ok ? 'offer' : r.rejection.reason)) }).toEqual({ source, reasons: ['FEED_MALFORMED'] });
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield* [];
        throw new Error('connection reset');
      }
      const failed = await readAll(reader(source), failing());
      expect({ source, failed: failed.map((r) => (r.ok ? 'offer' : [r.rejection.reason, r.rejection.fatal])) }).toEqual({ source, failed: [['FEED_MALFORMED', true]] });
      expect(failed.map((r) => (r.ok ? '' : r.rejection.detail)).join()).toContain('connection reset');
    }
  });
});

describe('partner feeds, memory', () => {
  // A large feed, generated chunk by chunk (never held whole): heap use after the first records
  // and at the end, both after a full garbage collection, must not grow with the feed.
  const RECORDS = 200_000;

  async function* largeFeed(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n<jobs>\n');
    let batch = '';
    for (let i = 1; i <= RECORDS; i++) {
      batch += job(i);
      if (batch.length > 64 * 1024) {
        yield Buffer.from(batch);
        batch = '';
      }
    }
    yield Buffer.from(`${batch}</jobs>\n`);
  }

  it(`reads ${RECORDS.toLocaleString('en')} records with flat heap use`, async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let count = 0;
    let baseline = 0;
    let last = '';
    for await (const record of reader('hellowork-buddi').read(largeFeed())) {
      count++;
      if (record.ok) last = record.offer.externalId;
      if (count === 20_000) {
        gc();
        baseline = process.memoryUsage().heapUsed;
      }
    }
    gc();
    const growth = process.memoryUsage().heapUsed - baseline;
    expect(count).toBe(RECORDS);
    expect(last).toBe(String(RECORDS));
    // Keeping each record would add well over 100 MB; streaming stays within a few MB.
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
