/**
 * The JSON partner feeds: France Travail (CEGID/TalentSoft API), Decathlon (Digital
 * Recruiters), Engagement Jeunes. Field choices are documented in libs/imports/domain/README.md.
 */
import { PARTNER_REJECTION, PartnerFeedReader } from '../partner-offer';
import { jsonRecords, JsonRecordOptions } from './json-records';
import { completeOffer, MappedRecord, numberRecords, SourceEvent } from './offer-draft';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or undefined. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A string or number at a path, as text; objects and arrays give null. */
function s(value: unknown, path: string): string | null {
  const v = at(value, path);
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

function list(value: unknown, path: string): unknown[] {
  const v = at(value, path);
  return Array.isArray(v) ? v : [];
}

async function* jsonEvents(input: AsyncIterable<Uint8Array | string>, options: JsonRecordOptions, map: (offer: Json) => MappedRecord): AsyncGenerator<SourceEvent> {
  for await (const event of jsonRecords(input, options)) {
    if (event.kind === 'malformed') {
      yield {
        kind: 'rejection',
        location: event.path,
        reason: PARTNER_REJECTION.FEED_MALFORMED,
        detail: `The feed is not valid JSON (${event.detail}); the records before this point were read, none after.`,
        fatal: true,
      };
      continue;
    }
    const value = event.value;
    if (!isObject(value)) {
      yield { kind: 'rejection', location: event.path, reason: PARTNER_REJECTION.MALFORMED_RECORD, detail: `Expected an offer object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.` };
      continue;
    }
    yield { kind: 'record', location: event.path, map: () => map(value), fieldSeparator: '.' };
  }
}

export function jsonFeedReader(source: string, options: JsonRecordOptions, map: (offer: Json) => MappedRecord): PartnerFeedReader {
  return { source, read: (input) => numberRecords(jsonEvents(input, options, map)) };
}

/**
 * France Travail's own offers (CEGID TalentSoft API): an array of offers, or one offer object
 * (the detail shape, as in the published mapper sample). The employer is France Travail; the
 * organisation name is an internal unit (`DT 77 (755A000015)`). The length is the custom code
 * `details.customFields.offerCustomBlock4.customCodeTable2.clientCode` (`12_mois`).
 */
export function mapFranceTravailOffer(offer: Json): MappedRecord {
  const departments = list(offer, 'region').map((r) => s(r, 'label'));
  const places = list(offer, 'geographicalLocation').map((r) => s(r, 'label'));
  return completeOffer({
    externalId: s(offer, 'reference'),
    idField: 'reference',
    title: s(offer, 'title'),
    titleField: 'title',
    description: [s(offer, 'description1Formatted') ?? s(offer, 'description1'), s(offer, 'description2Formatted') ?? s(offer, 'description2')],
    employer: { name: 'France Travail' },
    location: { city: places.find(Boolean) ?? null, department: departments.find(Boolean) ?? null, lat: s(offer, 'latitude'), lng: s(offer, 'longitude') },
    contractFields: [s(offer, 'contractType.label'), s(offer, 'contractType.clientCode')],
    startDate: s(offer, 'beginningDate'),
    duration: s(offer, 'details.customFields.offerCustomBlock4.customCodeTable2.clientCode'),
    applyUrls: [s(offer, 'urlRedirectionApplicant'), s(offer, 'offerUrl')],
    publishedAt: s(offer, 'modificationDate') ?? s(offer, 'startPublicationDate'),
  });
}

/** Decathlon (Digital Recruiters): `{ "ads": [...] }`; the employer is the ad's brand; lengths are `{min, max}`. */
export function mapDecathlonAd(ad: Json): MappedRecord {
  const duration = at(ad, 'contract_duration');
  const max = isObject(duration) ? (s(duration, 'max') ?? s(duration, 'min')) : s(ad, 'contract_duration');
  return completeOffer({
    externalId: s(ad, 'reference'),
    idField: 'reference',
    title: s(ad, 'title'),
    titleField: 'title',
    description: [s(ad, 'description'), s(ad, 'profile')],
    employer: { name: s(ad, 'brand.name') ?? 'Decathlon' },
    location: {
      postcode: s(ad, 'address.parts.zip'),
      city: s(ad, 'address.parts.city'),
      lat: s(ad, 'address.position.lat'),
      lng: s(ad, 'address.position.lon'),
    },
    contractFields: [s(ad, 'contract_type')],
    duration: max,
    level: s(ad, 'education_level'),
    applyUrls: [s(ad, 'apply_url'), s(ad, 'internal_apply_url')],
    publishedAt: s(ad, 'published_at'),
  });
}

/** Engagement Jeunes: an array of offers with French field names; the mission is plain text. */
export function mapEngagementJeunesOffer(offer: Json): MappedRecord {
  return completeOffer({
    externalId: s(offer, 'id'),
    idField: 'id',
    title: s(offer, 'title'),
    titleField: 'title',
    description: [s(offer, 'mission'), s(offer, 'profil')],
    employer: { name: s(offer, 'societe') },
    location: { postcode: s(offer, 'location_cp'), city: s(offer, 'location_ville'), department: s(offer, 'location_departement_code') },
    contractFields: [s(offer, 'contrat')],
    startDate: s(offer, 'date_debut'),
    duration: s(offer, 'duree_contrat'),
    durationUnit: s(offer, 'duree_contrat_unit') === 'years' ? 'year' : 'month',
    level: s(offer, 'niveau_diplome'),
    applyUrls: [s(offer, 'application_url')],
    publishedAt: s(offer, 'creation_date'),
  });
}

export const franceTravailReader = jsonFeedReader('france-travail', { singleObject: true }, mapFranceTravailOffer);
export const decathlonReader = jsonFeedReader('decathlon', { arrayKey: 'ads' }, mapDecathlonAd);
export const engagementJeunesReader = jsonFeedReader('engagement-jeunes', {}, mapEngagementJeunesOffer);
