/**
 * The XML and RSS partner feeds: one mapping per published format, on top of `xmlRecords`.
 * Field choices are documented in libs/imports/domain/README.md.
 */
import { PARTNER_REJECTION, PartnerFeedReader } from '../partner-offer';
import { completeOffer, MappedRecord, numberRecords, SourceEvent } from './offer-draft';
import { child, children, textAt, textContent, XmlElement, xmlRecords } from './xml-records';

async function* xmlEvents(input: AsyncIterable<Uint8Array | string>, record: string, map: (el: XmlElement) => MappedRecord): AsyncGenerator<SourceEvent> {
  for await (const event of xmlRecords(input, { record })) {
    if (event.kind === 'record') {
      const element = event.element;
      yield { kind: 'record', location: event.path, map: () => map(element), fieldSeparator: '/' };
    } else if (event.kind === 'too-large') {
      yield { kind: 'rejection', location: event.path, reason: PARTNER_REJECTION.RECORD_TOO_LARGE, detail: 'The record is too large to be an offer; it was skipped.' };
    } else {
      yield {
        kind: 'rejection',
        location: event.path,
        reason: PARTNER_REJECTION.FEED_MALFORMED,
        detail: `The feed is not well-formed XML (${event.detail}); the records before this point were read, none after.`,
        fatal: true,
      };
    }
  }
}

/** A reader for an XML feed whose offers are the `record` elements. */
export function xmlFeedReader(source: string, record: string, map: (el: XmlElement) => MappedRecord): PartnerFeedReader {
  return { source, read: (input) => numberRecords(xmlEvents(input, record, map)) };
}

const t = textAt;

/** `48.85,2.35` → both numbers. */
function latLngPair(raw: string | null): [string | null, string | null] {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(raw ?? '');
  return m ? [m[1], m[2]] : [null, null];
}

/** Hellowork's level codes (`RJ/Qualif/Ingenieur_B5`) as words; plain labels kept. */
function helloworkLevel(raw: string | null): string | null {
  if (!raw) return null;
  return raw.replace(/^RJ\/Qualif\//, '').replace(/_/g, ' ');
}

/** Hellowork and its Buddi variant: `<job>` under `<root>` or `<jobs>`. */
export function mapHelloworkJob(job: XmlElement): MappedRecord {
  const [lat, lng] = latLngPair(t(job, 'geoloc'));
  return completeOffer({
    externalId: t(job, 'job_id'),
    idField: 'job_id',
    title: t(job, 'title'),
    titleField: 'title',
    description: [t(job, 'description'), t(job, 'profile'), t(job, 'benefits')],
    employer: { name: t(job, 'company_title'), siret: t(job, 'siret') },
    location: { postcode: t(job, 'postal_code'), city: t(job, 'city'), lat, lng },
    contractFields: [t(job, 'contract')],
    startDate: t(job, 'contract_start_date'),
    duration: t(job, 'contract_period_value'),
    durationUnit: t(job, 'contract_period_unit'),
    level: helloworkLevel(t(job, 'education') ?? t(job, 'qualification')),
    romeCode: t(job, 'code_rome'),
    // A dedicated application address is the partner's chosen channel; the page link is a tracked redirect.
    applyEmails: [t(job, 'apply_mail')],
    applyEmailFirst: true,
    applyUrls: [t(job, 'url')],
    publishedAt: t(job, 'updated_date') ?? t(job, 'publication_date'),
  });
}

/** APEC: `<Offre_emploi>` under `<Export_offres>`; `COG_lieu` is the commune's INSEE code. */
export function mapApecOffer(offer: XmlElement): MappedRecord {
  return completeOffer({
    externalId: t(offer, 'Reference_apec'),
    idField: 'Reference_apec',
    title: t(offer, 'Intitule'),
    titleField: 'Intitule',
    description: [t(offer, 'Texte_offre')],
    employer: { name: t(offer, 'Nom_entreprise') },
    location: { inseeCode: t(offer, 'Lieu/COG_lieu'), city: t(offer, 'Lieu/Libelle_lieu') },
    contractFields: [t(offer, 'Contrat/Type_contrat')],
    duration: t(offer, 'Contrat/Duree_contrat'),
    applyUrls: [t(offer, 'URL')],
    publishedAt: t(offer, 'Date_parution'),
  });
}

/** Jobteaser: `<job>` with `job_details`, `job_dates`, `job_locations`, `company` (SIREN only). */
export function mapJobteaserJob(job: XmlElement): MappedRecord {
  return completeOffer({
    externalId: t(job, 'id'),
    idField: 'id',
    title: t(job, 'job_details/title'),
    titleField: 'job_details/title',
    description: [t(job, 'job_details/description')],
    employer: { name: t(job, 'company/company_name'), siren: t(job, 'company/company_siren') },
    location: { city: t(job, 'job_locations/location_city') },
    contractFields: [t(job, 'job_details/contract_type')],
    startDate: t(job, 'job_dates/start_date'),
    applyUrls: [t(job, 'job_details/url')],
    publishedAt: t(job, 'job_dates/first_activated_at'),
  });
}

/** Kelio (TalentView): `<job>` under `<source><jobs>`; HTML fields preferred to their text twins. */
export function mapKelioJob(job: XmlElement): MappedRecord {
  return completeOffer({
    externalId: t(job, 'id'),
    idField: 'id',
    title: t(job, 'name'),
    titleField: 'name',
    description: [t(job, 'html_description') ?? t(job, 'description'), t(job, 'html_profile') ?? t(job, 'profile')],
    employer: { name: t(job, 'company/name') },
    location: { postcode: t(job, 'address/postal_code'), city: t(job, 'address/city'), lat: t(job, 'address/latitude'), lng: t(job, 'address/longitude') },
    contractFields: [t(job, 'job_type')],
    startDate: t(job, 'job_start_date'),
    duration: t(job, 'contract_duration'),
    level: t(job, 'education_level'),
    applyUrls: [t(job, 'url')],
    publishedAt: t(job, 'last_activation_at') ?? t(job, 'created_at'),
  });
}

/** La Poste: `<offre>` under `<offres>`; `localite` is the commune's INSEE code then its name. */
export function mapLaPosteOffer(offer: XmlElement): MappedRecord {
  const localite = /^\s*(\d{5}|2[AB]\d{3})\b/.exec(t(offer, 'localite') ?? '');
  return completeOffer({
    externalId: t(offer, 'reference'),
    idField: 'reference',
    title: t(offer, 'intitule-du-poste'),
    titleField: 'intitule-du-poste',
    description: [t(offer, 'description-de-la-mission'), t(offer, 'profil-candidat') ?? t(offer, 'profil-recherche'), t(offer, 'formation-et-experience')],
    employer: { name: t(offer, 'company') },
    location: {
      inseeCode: localite?.[1],
      city: t(offer, 'localisation-du-poste'),
      department: t(offer, 'departement-du-poste'),
      lat: t(offer, 'latitude'),
      lng: t(offer, 'longitude'),
    },
    contractFields: [t(offer, 'type-de-contrat')],
    duration: t(offer, 'duree-du-contrat'),
    level: t(offer, 'niveau-de-formation-requis'),
    applyUrls: [t(offer, 'url-de-l-offre')],
    publishedAt: t(offer, 'date-de-mise-a-jour'),
  });
}

/** TalentSoft diploma codes as published by EDF and Enedis. */
const TALENTSOFT_DIPLOMAS: Record<string, string> = {
  CAP_BEP_BAC: 'CAP, BEP, Bac',
  BAC: 'Bac',
  BAC2: 'Bac+2',
  BAC2_BAC3: 'Bac+2, Bac+3',
  BAC3: 'Bac+3',
  BAC4: 'Bac+4',
  BAC5: 'Bac+5',
};

/**
 * EDF and Enedis (TalentSoft export): `<offer>` under `<offers>`. The company is the
 * `salaryRange` element (its code is `_TS_SOCIETE_…`), the `entity` being an internal unit.
 */
export function mapTalentsoftOffer(offer: XmlElement): MappedRecord {
  const description = child(offer, 'jobDescription');
  const company = child(description, 'salaryRange');
  const contract = child(description, 'contract');
  const diploma = child(offer, 'applicantCriteria/diploma');
  const diplomaCode = diploma?.attrs['clientcode'] ?? '';
  const startField = children(description, 'customFields/datetime1').find((d) => /d[ée]but/i.test(d.attrs['label'] ?? ''));
  return completeOffer({
    externalId: t(offer, 'reference') ?? t(offer, 'id'),
    idField: 'reference',
    title: t(description, 'title'),
    titleField: 'jobDescription/title',
    description: [
      t(description, 'description'),
      t(description, 'missionDescriptionFormatted') ?? t(description, 'missionDescription'),
      t(description, 'applicantProfileFormatted') ?? t(description, 'applicantProfile'),
    ],
    employer: { name: (company && /SOCIETE/i.test(company.attrs['clientcode'] ?? '') ? textContent(company) : null) ?? t(offer, 'entity') },
    location: {
      postcode: t(offer, 'entityAdress/postalcode'),
      city: t(description, 'location/jobLocation') ?? t(offer, 'entityAdress/city'),
      department: t(description, 'location/departements/departement'),
    },
    contractFields: [contract ? textContent(contract) : null, contract?.attrs['clientcode']],
    startDate: (startField ? textContent(startField) : null) ?? t(offer, 'beginningDate'),
    duration: t(description, 'contractLength'),
    level: textContent(diploma).trim() || TALENTSOFT_DIPLOMAS[diplomaCode] || diplomaCode || null,
    applyUrls: [t(offer, 'UrlRedirectionApplicant'), t(offer, 'directUrl')],
    publishedAt: t(offer, 'modificationDate') ?? t(offer, 'creationDate'),
  });
}

/** Clever Connect (Meteojob): `<job id reference>` under `<source>`; the first workplace is the offer's. */
export function mapCleverConnectJob(job: XmlElement): MappedRecord {
  const place = child(job, 'workplace/locations/location');
  const length = child(job, 'contract/length');
  const types = children(job, 'contract/types/type');
  return completeOffer({
    externalId: job.attrs['id'],
    idField: '@id',
    title: t(job, 'title'),
    titleField: 'title',
    description: [t(job, 'description'), t(job, 'profile/description')],
    employer: { name: child(job, 'company')?.attrs['anonymous'] === 'true' ? null : t(job, 'company/name') },
    location: {
      postcode: t(place, 'postalCode'),
      city: t(place, 'city'),
      lat: place?.attrs['lat'],
      lng: place?.attrs['lng'],
      department: child(place, 'department')?.attrs['code'],
    },
    contractFields: types.flatMap((type) => [type.attrs['code'], textContent(type)]),
    duration: length?.attrs['value'] ?? (length ? textContent(length) : null),
    durationUnit: length?.attrs['unit'],
    level: children(job, 'profile/degrees/degree').map((d) => textContent(d).trim()).filter(Boolean).join(', ') || null,
    applyUrls: [t(job, 'link')],
    publishedAt: t(job, 'lastModificationDate') ?? t(job, 'publicationDate'),
  });
}

/** Jooble: `<job>` under `<jobs>`; no contract field, the title and text decide. */
export function mapJoobleJob(job: XmlElement): MappedRecord {
  const department = /\((\d{2,3}|2[AB])\)/.exec(t(job, 'region/state') ?? '');
  return completeOffer({
    externalId: t(job, 'referencenumber') ?? t(job, 'guid'),
    idField: 'referencenumber',
    title: t(job, 'title'),
    titleField: 'title',
    description: [t(job, 'description')],
    employer: { name: t(job, 'company') },
    // "Puteaux, Hauts-de-Seine": the commune, then its department.
    location: { city: (t(job, 'region/city') ?? '').split(',')[0], department: department?.[1] },
    contractFields: [t(job, 'jobtype')],
    applyUrls: [t(job, 'url')],
    publishedAt: t(job, 'date_updated'),
  });
}

/**
 * An RSS 2.0 feed of offers (the PASS, the public service's apprenticeship board): `<item>`
 * with Dublin Core fields: `dc:identifier` (offer number), `dc:publisher` (employer),
 * `dc:coverage` (commune), `dc:description` (department number), `dc:date` (start),
 * `dc:type` (level), `dc:format` (length). The title may hold a link: its text is the title.
 */
export function mapRssItem(item: XmlElement): MappedRecord {
  return completeOffer({
    externalId: t(item, 'dc:identifier') ?? t(item, 'guid') ?? t(item, 'link'),
    idField: 'dc:identifier',
    title: t(item, 'title'),
    titleField: 'title',
    description: [t(item, 'description')],
    employer: { name: t(item, 'dc:publisher') ?? t(item, 'author') },
    location: { city: t(item, 'dc:coverage'), department: t(item, 'dc:description') },
    contractFields: [t(item, 'category')],
    startDate: t(item, 'dc:date'),
    duration: t(item, 'dc:format'),
    level: t(item, 'dc:type'),
    applyUrls: [t(item, 'link')],
    publishedAt: t(item, 'pubDate') ?? t(item, 'dc:source'),
  });
}

export const helloworkReader = xmlFeedReader('hellowork', 'job', mapHelloworkJob);
export const helloworkBuddiReader = xmlFeedReader('hellowork-buddi', 'job', mapHelloworkJob);
export const apecReader = xmlFeedReader('apec', 'Offre_emploi', mapApecOffer);
export const jobteaserReader = xmlFeedReader('jobteaser', 'job', mapJobteaserJob);
export const kelioReader = xmlFeedReader('kelio', 'job', mapKelioJob);
export const laPosteReader = xmlFeedReader('laposte', 'offre', mapLaPosteOffer);
export const edfReader = xmlFeedReader('edf', 'offer', mapTalentsoftOffer);
export const enedisReader = xmlFeedReader('enedis', 'offer', mapTalentsoftOffer);
export const cleverConnectReader = xmlFeedReader('clever-connect', 'job', mapCleverConnectJob);
export const joobleReader = xmlFeedReader('jooble', 'job', mapJoobleJob);
export const passReader = xmlFeedReader('pass', 'item', mapRssItem);
