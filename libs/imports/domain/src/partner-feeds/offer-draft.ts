/**
 * What every format's mapping produces before the common checks: the draft of one offer with
 * its raw values. `completeOffer` applies the rules every source shares: an id and a title are
 * required, the description is sanitized, identifiers are checked, the contract is classified
 * (non-work-study offers are skipped) and the way to apply is chosen.
 */
import { PARTNER_REJECTION, PartnerApplyMethod, PartnerOffer, PartnerRecord } from '../partner-offer';
import { classifyContract } from './contract-kind';
import { joinOfferHtml } from './offer-html';
import {
  cleanLine,
  coordinatesOrNull,
  dayOrNull,
  departmentCodeOrNull,
  durationMonthsOrNull,
  emailOrNull,
  httpUrlOrNull,
  inseeCodeOrNull,
  instantOrNull,
  postcodeOrNull,
  romeCodeOrNull,
  siretOrNull,
  sirenOrNull,
} from './partner-values';

type Raw = string | number | null | undefined;

export interface OfferDraft {
  externalId: Raw;
  /** Where the id is read from, for the rejection (`job_id`, `reference`…). */
  idField: string;
  title: Raw;
  titleField: string;
  /** HTML or plain-text parts, in display order. */
  description: Raw[];
  employer: { name: Raw; siret?: Raw; siren?: Raw };
  location: { postcode?: Raw; inseeCode?: Raw; city?: Raw; lat?: Raw; lng?: Raw; department?: Raw };
  /** The feed's contract fields (labels or codes); the title and description are read after them. */
  contractFields: Raw[];
  startDate?: Raw;
  /** A number of months, or a text (`2 ans`, `12_mois`) read with `durationUnit`. */
  duration?: Raw;
  durationUnit?: string | null;
  level?: Raw;
  romeCode?: Raw;
  /** Candidates for applying on the partner's side, best first; the first valid one is used. */
  applyUrls?: Raw[];
  applyEmails?: Raw[];
  /** Whether a valid e-mail wins over a URL (a dedicated application address); URLs win otherwise. */
  applyEmailFirst?: boolean;
  publishedAt?: Raw;
}

export type MappedRecord = { ok: true; offer: PartnerOffer } | { ok: false; reason: string; detail: string; field?: string };

function str(raw: Raw): string | null {
  return raw === null || raw === undefined ? null : String(raw);
}

/** Markup removed, for reading a description's words (classification only). */
function roughText(parts: Raw[]): string {
  return parts
    .map((p) => str(p) ?? '')
    .join(' ')
    .replace(/<[^>]*>/g, ' ');
}

export function completeOffer(draft: OfferDraft): MappedRecord {
  const externalId = cleanLine(draft.externalId);
  if (!externalId) return { ok: false, reason: PARTNER_REJECTION.MISSING_ID, detail: `No offer id (${draft.idField}).`, field: draft.idField };
  const title = cleanLine(draft.title);
  if (!title) return { ok: false, reason: PARTNER_REJECTION.MISSING_TITLE, detail: `Offer ${externalId} has no title (${draft.titleField}).`, field: draft.titleField };

  const contractKind = classifyContract(
    draft.contractFields.map((f) => cleanLine(f)),
    [title, roughText(draft.description)],
  );
  if (contractKind === 'OTHER') {
    const said = draft.contractFields.map((f) => cleanLine(f)).filter(Boolean);
    return {
      ok: false,
      reason: PARTNER_REJECTION.NOT_WORK_STUDY,
      detail: `Offer ${externalId} is not a work-study contract (${said.length ? said.join(', ') : 'from its title or description'}).`,
    };
  }

  const coordinates = coordinatesOrNull(draft.location.lat, draft.location.lng);
  const postcode = postcodeOrNull(draft.location.postcode);
  const inseeCode = inseeCodeOrNull(str(draft.location.inseeCode));
  const departmentCode = departmentCodeOrNull(draft.location.department);
  const url = (draft.applyUrls ?? []).map((u) => httpUrlOrNull(str(u))).find(Boolean);
  const email = (draft.applyEmails ?? []).map((e) => emailOrNull(str(e))).find(Boolean);
  const byUrl: PartnerApplyMethod | null = url ? { kind: 'URL', url } : null;
  const byEmail: PartnerApplyMethod | null = email ? { kind: 'EMAIL', email } : null;
  const apply: PartnerApplyMethod = (draft.applyEmailFirst ? (byEmail ?? byUrl) : (byUrl ?? byEmail)) ?? { kind: 'IN_PRODUCT' };

  const offer: PartnerOffer = {
    externalId,
    title,
    descriptionHtml: joinOfferHtml(draft.description.map(str)),
    employer: {
      name: cleanLine(draft.employer.name),
      siret: siretOrNull(str(draft.employer.siret)),
      siren: sirenOrNull(str(draft.employer.siren)),
    },
    location: {
      postcode,
      inseeCode,
      city: cleanLine(draft.location.city),
      lat: coordinates?.lat ?? null,
      lng: coordinates?.lng ?? null,
      departmentCode,
    },
    contractKind,
    startDate: dayOrNull(str(draft.startDate)),
    durationMonths: durationMonthsOrNull(draft.duration, draft.durationUnit),
    level: cleanLine(draft.level),
    romeCode: romeCodeOrNull(str(draft.romeCode)),
    apply,
    publishedAt: instantOrNull(str(draft.publishedAt)),
  };
  return { ok: true, offer };
}

/** Turns what a format yields (mapped records, or problems at a place) into numbered records. */
export type SourceEvent =
  | {
      kind: 'record';
      location: string;
      map: () => MappedRecord;
      /** How a field is appended to the location in a rejection: `/` for XML, `.` for JSON, `, column ` for CSV. */
      fieldSeparator: string;
    }
  | { kind: 'rejection'; location: string; reason: string; detail: string; fatal?: boolean };

export async function* numberRecords(events: AsyncIterable<SourceEvent>): AsyncGenerator<PartnerRecord> {
  let record = 0;
  for await (const event of events) {
    record++;
    if (event.kind === 'rejection') {
      yield { ok: false, rejection: { record, location: event.location, reason: event.reason, detail: event.detail, ...(event.fatal ? { fatal: true } : {}) } };
      if (event.fatal) return;
      continue;
    }
    let mapped: MappedRecord;
    try {
      mapped = event.map();
    } catch (err) {
      mapped = { ok: false, reason: PARTNER_REJECTION.MALFORMED_RECORD, detail: `Unreadable record: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (mapped.ok) yield { ok: true, offer: mapped.offer, record };
    else {
      const location = mapped.field ? `${event.location}${event.fieldSeparator}${mapped.field}` : event.location;
      yield { ok: false, rejection: { record, location, reason: mapped.reason, detail: mapped.detail } };
    }
  }
}
