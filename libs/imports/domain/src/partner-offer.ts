/**
 * What every partner-feed reader yields, whatever the format: one offer as the partner
 * published it, reduced to the fields the product keeps, before any look-up in the
 * product's own tables (communes, ROME, organizations). Readers do no I/O beyond reading
 * their input stream, so they are tested on the published samples alone.
 */

/** The kinds of contract an offer may be; only work-study ones are imported. */
export type PartnerContractKind = 'APPRENTICESHIP' | 'PROFESSIONALISATION' | 'OTHER';

/** Where a person applies: in the product, or on the partner's side. */
export type PartnerApplyMethod =
  | { kind: 'IN_PRODUCT' }
  | { kind: 'URL'; url: string }
  | { kind: 'EMAIL'; email: string };

export interface PartnerLocation {
  /** Postal code as published (5 digits in France), if any. */
  postcode: string | null;
  /** INSEE commune code, if the feed gives it. */
  inseeCode: string | null;
  /** Commune name as published, if any. */
  city: string | null;
  /** Coordinates when the feed gives them (WGS84 degrees). */
  lat: number | null;
  lng: number | null;
  /** Department code (`75`, `2A`, `971`) when the feed gives one but no commune: a fallback for look-ups. */
  departmentCode?: string | null;
}

export interface PartnerEmployer {
  name: string | null;
  /** 14 digits when given; readers keep only well-formed ones. */
  siret: string | null;
  /** 9 digits (the company, not the establishment) when the feed gives only that; checked like the SIRET. */
  siren?: string | null;
}

export interface PartnerOffer {
  /** The partner's own id of the offer, stable across runs. */
  externalId: string;
  title: string;
  /** Safe HTML (see `sanitizeOfferHtml`): paragraphs, line breaks, lists, emphasis. */
  descriptionHtml: string;
  employer: PartnerEmployer;
  location: PartnerLocation;
  /** Decided from the feed's fields, else from its text; null when nothing says. */
  contractKind: PartnerContractKind | null;
  /** `YYYY-MM-DD`, when the feed says when the job starts. */
  startDate: string | null;
  /** Contract length in months, when given. */
  durationMonths: number | null;
  /** The diploma or level aimed at, as published (e.g. "BTS", "Bac+3"). */
  level: string | null;
  /** A ROME code given by the partner (letter + 4 digits), else null. */
  romeCode: string | null;
  /** The partner's application page or address; `IN_PRODUCT` when the feed gives neither (a valid http(s) URL or e-mail). */
  apply: PartnerApplyMethod;
  /** When the partner says it published or last changed the offer (ISO 8601), if it does. */
  publishedAt: string | null;
}

/** A record a reader could not turn into an offer, and where it was. */
export interface PartnerRejection {
  /** 1-based record number in the feed, in reading order. */
  record: number;
  /** Where in the document: an element path (`/source/job[12]`), a JSON path or a CSV row. */
  location: string;
  /** A stable reason code, e.g. `MISSING_TITLE`, `MISSING_ID`, `MALFORMED`. */
  reason: string;
  /** A sentence a person can read. */
  detail: string;
  /**
   * Set on the last record of a feed that could not be read to its end (`FEED_MALFORMED`:
   * broken XML/JSON/CSV, unreadable bytes). The records before it were read and may be used,
   * but the feed is incomplete: the importer must not close or expire offers that are absent
   * from it. Nothing follows a fatal rejection.
   */
  fatal?: boolean;
}

/**
 * Reasons readers use. A `NOT_WORK_STUDY` rejection is not an error: the offer was read but
 * its contract is not apprenticeship or professionalisation, so it is skipped and counted.
 */
export const PARTNER_REJECTION = {
  MISSING_ID: 'MISSING_ID',
  MISSING_TITLE: 'MISSING_TITLE',
  NOT_WORK_STUDY: 'NOT_WORK_STUDY',
  /** A record that is not the expected shape (a JSON value that is not an object, a CSV row with too many or too few cells). */
  MALFORMED_RECORD: 'MALFORMED_RECORD',
  /** A record larger than readers accept; it is skipped, the rest of the feed is read. */
  RECORD_TOO_LARGE: 'RECORD_TOO_LARGE',
  /** The feed stopped being readable here; always `fatal`. */
  FEED_MALFORMED: 'FEED_MALFORMED',
} as const;

/** True for the rejection that means "read, but not a work-study offer". */
export function isSkippedRecord(record: PartnerRecord): boolean {
  return !record.ok && record.rejection.reason === PARTNER_REJECTION.NOT_WORK_STUDY;
}

/** True when the feed could not be read to its end (see `PartnerRejection.fatal`). */
export function isFatalRecord(record: PartnerRecord): boolean {
  return !record.ok && record.rejection.fatal === true;
}

export type PartnerRecord = { ok: true; offer: PartnerOffer; record: number } | { ok: false; rejection: PartnerRejection };

/**
 * A feed reader: from a byte stream to records, streamed (memory stays flat). Records come in
 * feed order, numbered from 1. A reader does not throw for what the feed holds: a record it
 * cannot use is a rejection with its place, and the reading goes on; a feed that stops being
 * readable (broken markup, an unclosed quote, an input error) ends with one `fatal` rejection
 * (`FEED_MALFORMED`). Ids may repeat within a feed; readers report every record as read.
 * Readers for every published format: `partnerFeedReaders` / `readerFor(source)`.
 */
export interface PartnerFeedReader {
  /** The source name used on the command line and stored as provenance (`hellowork`, `apec`…). */
  readonly source: string;
  read(input: AsyncIterable<Uint8Array | string>): AsyncIterable<PartnerRecord>;
}
