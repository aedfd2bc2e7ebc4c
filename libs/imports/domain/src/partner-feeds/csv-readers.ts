/**
 * CSV partner feeds (Leboncoin), streamed with csv-parse: a header row names the columns, one
 * offer per row; a field may span lines. A row with too many or too few cells is rejected and
 * the next rows are read; an unclosed quote ends the feed (fatal).
 */
import { PARTNER_REJECTION, PartnerFeedReader } from '../partner-offer';
import { decodeChunks } from './feed-text';
import { completeOffer, MappedRecord, numberRecords, SourceEvent } from './offer-draft';
import { driveStreams } from './stream-drive';

// csv-parse is an ES module with a CommonJS build that `require` resolves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse') as typeof import('csv-parse');

type Row = Record<string, string>;

/** A column name compared without case, accents or spaces (`Code postal` = `code_postal`). */
function columnKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

interface CsvInfo {
  lines: number;
  records: number;
  error?: { code: string; message?: string };
}

async function* csvEvents(input: AsyncIterable<Uint8Array | string>, map: (row: Row) => MappedRecord): AsyncGenerator<SourceEvent> {
  let sawHeader = false;
  const parser = parse({
    columns: (header: string[]) => {
      sawHeader = true;
      return header.map(columnKey);
    },
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A row larger than this is no offer: the parser stops there (a fatal FEED_MALFORMED) rather than growing without bound.
    max_record_size: 2_000_000,
  });
  let lastLine = 1;
  for await (const driven of driveStreams<{ record: Row; info: CsvInfo }>(decodeChunks(input), [parser])) {
    if ('error' in driven) {
      yield {
        kind: 'rejection',
        location: `after line ${lastLine}`,
        reason: PARTNER_REJECTION.FEED_MALFORMED,
        detail: `The feed is not valid CSV (${driven.error.message}); the rows before this point were read, none after.`,
        fatal: true,
      };
      return;
    }
    const { record, info } = driven.item;
    const location = `row ${info.records} (line ${lastLine + 1})`;
    lastLine = info.lines;
    if (info.error) {
      yield { kind: 'rejection', location, reason: PARTNER_REJECTION.MALFORMED_RECORD, detail: `The row does not have one cell per column (${info.error.code}).` };
      continue;
    }
    yield { kind: 'record', location, map: () => map(record), fieldSeparator: ', column ' };
  }
  if (!sawHeader) {
    yield { kind: 'rejection', location: 'line 1', reason: PARTNER_REJECTION.FEED_MALFORMED, detail: 'The feed is empty: no header row.', fatal: true };
  }
}

export function csvFeedReader(source: string, map: (row: Row) => MappedRecord): PartnerFeedReader {
  return { source, read: (input) => numberRecords(csvEvents(input, map)) };
}

/**
 * Leboncoin: columns `identifiant`, `titre`, `description` (plain text), `entreprise`, `ville`,
 * `code postal`, `région`, `redirection` (the offer's page). No contract column: the title and
 * text decide.
 */
export function mapLeboncoinRow(row: Row): MappedRecord {
  return completeOffer({
    externalId: row['identifiant'],
    idField: 'identifiant',
    title: row['titre'],
    titleField: 'titre',
    description: [row['description']],
    employer: { name: row['entreprise'] },
    location: { postcode: row['codepostal'], city: row['ville'] },
    contractFields: [row['typedecontrat'] ?? row['contrat']],
    applyUrls: [row['redirection']],
  });
}

export const leboncoinReader = csvFeedReader('leboncoin', mapLeboncoinRow);
