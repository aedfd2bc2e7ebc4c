'use server';

import { redirect } from 'next/navigation';
import { employerMessages } from '../../i18n/employer-messages';
import { isLocale, localePath, type Locale } from '../../i18n/locales';
import { spaceMessages } from '../../i18n/space-messages';
import { ApiError, call } from '../../lib/api';
import { text, type FormState } from '../../lib/forms';
import { parseOfferForm, type ParsedOfferForm } from '../../lib/offer-form';
import {
  CloseOfferMutation,
  CreateOfferMutation,
  EmployerSuggestQuery,
  InviteCandidateMutation,
  ManagedOfferQuery,
  MoveApplicationMutation,
  PublishOfferMutation,
  UpdateOfferMutation,
  UpdateOrganizationMutation,
} from '../../lib/operations/employer';
import { sessionToken } from '../../lib/session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED'] as const;
const REASONS = ['AVAILABILITY_MISMATCH', 'EXPERIENCE_MISMATCH', 'LOCATION_MISMATCH', 'NO_RESPONSE', 'OTHER', 'POSITION_FILLED', 'SKILLS_MISMATCH'] as const;
const ORG_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;

function localeOf(form: FormData): Locale {
  const value = text(form, 'locale');
  return isLocale(value) ? value : 'fr';
}

function idOf(form: FormData, name = 'id'): string | null {
  const id = text(form, name);
  return UUID.test(id) ? id : null;
}

function logIn(locale: Locale, path: string): never {
  redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(localePath(locale, path))}`));
}

async function tokenFor(locale: Locale, path: string): Promise<string> {
  return (await sessionToken()) ?? logIn(locale, path);
}

function back(locale: Locale, path: string, query: Record<string, string> = {}): never {
  const search = new URLSearchParams(query).toString();
  redirect(`${localePath(locale, path)}${search ? `?${search}` : ''}`);
}

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !key.startsWith('$')) out[key] = value.trim();
  return out;
}

/** The organization's public facts: name, sector, size, accessibility commitments. */
export async function saveOrganization(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const o = employerMessages(locale).organization;
  const posted = values(form);
  const name = posted.name ?? '';
  const errors: Record<string, string> = {};
  if (name.length < 2 || name.length > 200) errors.name = o.nameHint;
  if ((posted.sector ?? '').length > 200) errors.sector = o.sectorHint;
  if ((posted.accommodations ?? '').length > 2000) errors.accommodations = o.accommodationsHint;
  const size = (ORG_SIZES as readonly string[]).includes(posted.size ?? '') ? (posted.size as (typeof ORG_SIZES)[number]) : undefined;
  if (Object.keys(errors).length) return { values: posted, errors };
  const token = await tokenFor(locale, '/espace/entreprise');
  try {
    await call(
      UpdateOrganizationMutation,
      {
        input: {
          name,
          sector: posted.sector || null,
          size: size ?? null,
          accessibility: { disabilityReferent: posted.disabilityReferent === 'on', accommodations: posted.accommodations || null },
        },
      },
      { token },
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, '/espace/entreprise');
    const field = (error.field ?? '').replace(/^input\./, '').replace(/^accessibility\./, '');
    if (field && field in posted) return { values: posted, errors: { [field]: error.message } };
    return { values: posted, errors: {}, message: spaceMessages(locale).common.genericError };
  }
  return { values: posted, errors: {}, done: o.saved };
}

/** The ROME code and the commune the form names, looked up when typed as words. */
async function resolve(parsed: ParsedOfferForm): Promise<{ romeCode: string | null; location: { country: 'FR'; postcode: string; city?: string } | null }> {
  let romeCode: string | null = 'code' in parsed.occupation ? parsed.occupation.code : null;
  if (!romeCode && 'words' in parsed.occupation) {
    const { suggest } = await call(EmployerSuggestQuery, { prefix: parsed.occupation.words.slice(0, 100), kinds: ['JOB_TITLE', 'OCCUPATION'] });
    romeCode = suggest[0]?.romeCode ?? null;
  }
  let location: { country: 'FR'; postcode: string; city?: string } | null = null;
  if ('postcode' in parsed.place) location = { country: 'FR', postcode: parsed.place.postcode, ...(parsed.place.city ? { city: parsed.place.city } : {}) };
  else {
    const { suggest } = await call(EmployerSuggestQuery, { prefix: parsed.place.words.slice(0, 100), kinds: ['COMMUNE'] });
    const commune = suggest[0];
    if (commune?.postcode) location = { country: 'FR', postcode: commune.postcode, ...(commune.name ? { city: commune.name } : {}) };
  }
  return { romeCode, location };
}

/** The form field an API error names (`input.startDate.latest` → `startLatest`). */
function formField(apiField: string | undefined): string | null {
  const path = (apiField ?? '').replace(/^input\./, '');
  const map: Record<string, string> = {
    title: 'title',
    description: 'description',
    contractType: 'contractType',
    romeCode: 'occupation',
    remotePolicy: 'remotePolicy',
    positions: 'positions',
    'startDate.earliest': 'startEarliest',
    'startDate.latest': 'startLatest',
    startDate: 'startEarliest',
    'salary.min': 'salaryMin',
    'salary.max': 'salaryMax',
    salary: 'salaryMin',
    hireContract: 'hireType',
    'hireContract.type': 'hireType',
    'hireContract.durationMonths': 'hireMonths',
  };
  if (map[path]) return map[path];
  if (path.startsWith('location')) return 'place';
  const question = /^screeningQuestions\.(\d)/.exec(path);
  if (question) return `question${question[1]}`;
  return null;
}

/** Creates a draft, or saves changes to an offer; then shows the offer's page in the space. */
export async function saveOffer(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const f = employerMessages(locale).offerForm;
  const posted = values(form);
  const id = idOf(form);
  const path = id ? `/espace/annonces/${id}/modifier` : '/espace/annonces/nouvelle';
  const { parsed, errors } = parseOfferForm(posted);
  if (!parsed) return { values: posted, errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, f.errors[key]])) };
  const token = await tokenFor(locale, path);
  const { romeCode, location } = await resolve(parsed);
  const unresolved: Record<string, string> = {};
  if (!romeCode) unresolved.occupation = f.errors.occupationUnknown;
  if (!location) unresolved.place = f.errors.placeUnknown;
  if (Object.keys(unresolved).length) return { values: posted, errors: unresolved };
  const { fields } = parsed;
  const input = {
    title: fields.title,
    description: fields.description,
    contractType: fields.contractType,
    remotePolicy: fields.remotePolicy,
    positions: fields.positions,
    romeCode: romeCode!,
    location: location!,
    startDate: fields.startDate,
    salary: fields.salary,
    hireContract: fields.hireContract,
    screeningQuestions: fields.screeningQuestions,
  };
  let saved: string;
  try {
    saved = id ? (await call(UpdateOfferMutation, { id, input }, { token })).updateOffer.id : (await call(CreateOfferMutation, { input }, { token })).createOffer.id;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    if (error.reason === 'OFFER_NOT_EDITABLE') return { values: posted, errors: {}, message: f.errors.notEditable };
    if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') back(locale, '/espace/annonces');
    const fieldErrors: Record<string, string> = {};
    for (const name of error.fields.length ? error.fields : [error.field ?? '']) {
      const field = formField(name);
      if (field) fieldErrors[field] = error.message;
    }
    if (Object.keys(fieldErrors).length) return { values: posted, errors: fieldErrors };
    return { values: posted, errors: {}, message: error.message || spaceMessages(locale).common.genericError };
  }
  back(locale, `/espace/annonces/${saved}`, { fait: id ? 'saved' : 'created' });
}

/** Publish, close or duplicate an offer: plain forms on the offer's page. */
export async function offerCommand(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  if (!id) back(locale, '/espace/annonces');
  const path = `/espace/annonces/${id}`;
  const command = text(form, 'command');
  const token = await tokenFor(locale, path);
  try {
    if (command === 'publish') {
      await call(PublishOfferMutation, { id }, { token });
      back(locale, path, { fait: 'published' });
    }
    if (command === 'close') {
      await call(CloseOfferMutation, { id }, { token });
      back(locale, path, { fait: 'closed' });
    }
    if (command === 'duplicate') {
      const { offer } = await call(ManagedOfferQuery, { id }, { token });
      if (!offer) back(locale, '/espace/annonces');
      const copy = await call(
        CreateOfferMutation,
        {
          input: {
            title: offer.title,
            description: offer.description,
            contractType: offer.contractType,
            remotePolicy: offer.remotePolicy,
            positions: offer.positions,
            romeCode: offer.romeCode,
            location: { country: 'FR', postcode: offer.location.postcode ?? undefined, city: offer.location.city ?? undefined, inseeCode: offer.location.inseeCode ?? undefined },
            startDate: { earliest: offer.startDate.earliest.slice(0, 10), latest: offer.startDate.latest.slice(0, 10) },
            salary: offer.salary ? { min: offer.salary.min, max: offer.salary.max, currency: offer.salary.currency, period: offer.salary.period } : null,
            hireContract: offer.hireContract ? { type: offer.hireContract.type, durationMonths: offer.hireContract.durationMonths } : null,
            screeningQuestions: offer.screeningQuestions,
            skills: offer.skills.map((s) => ({ code: s.skill.code, level: s.level, required: s.required })),
            programIds: offer.programs.map((p) => p.id),
          },
        },
        { token },
      );
      back(locale, `/espace/annonces/${copy.createOffer.id}`, { fait: 'duplicated' });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    back(locale, path, { fait: 'changed' });
  }
  back(locale, path);
}

/** Moves an application along the pipeline, from the board or the application's page. */
export async function moveApplication(form: FormData): Promise<void> {
  const locale = localeOf(form);
  const id = idOf(form);
  const offerId = idOf(form, 'offerId');
  const returnTo = text(form, 'returnTo') === 'application' && id ? `/espace/candidatures-recues/${id}` : offerId ? `/espace/annonces/${offerId}/candidatures` : '/espace/annonces';
  const view: Record<string, string> = text(form, 'view') === 'liste' ? { vue: 'liste' } : {};
  if (!id) back(locale, returnTo, view);
  const status = STATUSES.find((s) => s === text(form, 'status'));
  if (!status) back(locale, returnTo, view);
  const reason = REASONS.find((r) => r === text(form, 'rejectionReason'));
  if (status === 'REJECTED' && !reason) back(locale, returnTo, { ...view, erreur: 'motif', candidature: id });
  const note = text(form, 'note').slice(0, 2000);
  const token = await tokenFor(locale, returnTo);
  let outcome: Record<string, string>;
  try {
    const moved = await call(MoveApplicationMutation, { id, status, rejectionReason: status === 'REJECTED' ? reason : null, note: note || null }, { token });
    outcome = { fait: moved.moveApplication.offer.status === 'FILLED' && status === 'HIRED' ? 'pourvue' : 'deplacee', etape: status };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, returnTo);
    outcome = { fait: 'refuse' };
  }
  const card: Record<string, string> = returnTo.includes('/candidatures-recues/') ? {} : { candidature: id };
  back(locale, returnTo, { ...view, ...outcome, ...card });
}

/** Invites a marketplace candidate to one of the organization's published offers. */
export async function inviteCandidate(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = localeOf(form);
  const c = employerMessages(locale).candidate;
  const posted = values(form);
  const candidateId = idOf(form, 'candidateId');
  const offerId = idOf(form, 'offerId');
  if (!candidateId) back(locale, '/espace/talents');
  const path = `/espace/talents/${candidateId}`;
  const message = (posted.message ?? '').slice(0, 2000);
  const errors: Record<string, string> = {};
  if (!offerId) errors.offerId = c.noOffer;
  if (!message) errors.message = c.messageRequired;
  if (Object.keys(errors).length) return { values: posted, errors };
  const token = await tokenFor(locale, path);
  try {
    await call(InviteCandidateMutation, { input: { candidateId, offerId: offerId!, message } }, { token });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') logIn(locale, path);
    if (error.code === 'CONFLICT') return { values: posted, errors: {}, message: c.already };
    if (/message$/.test(error.field ?? '')) return { values: posted, errors: { message: error.message } };
    return { values: posted, errors: {}, message: c.notInvitable };
  }
  back(locale, path, { fait: 'invitee' });
}
