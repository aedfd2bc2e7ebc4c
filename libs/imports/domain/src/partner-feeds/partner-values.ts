/**
 * Small pure parsers shared by the readers: identifiers (SIRET, postcode, INSEE, ROME), dates,
 * durations, coordinates, apply targets and plain-text clean-up. Each returns null for a value
 * it cannot read rather than guessing.
 */
import { Parser } from 'htmlparser2';

const LA_POSTE_SIREN = '356000000';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIRET (14 digits, Luhn key; La Poste's establishments by their own rule), spaces removed; else null. */
export function siretOrNull(raw: string | null | undefined): string | null {
  const siret = (raw ?? '').replace(/[\s.-]/g, '');
  if (!/^\d{14}$/.test(siret)) return null;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    return [...siret].reduce((acc, c) => acc + Number(c), 0) % 5 === 0 ? siret : null;
  }
  return luhn(siret) ? siret : null;
}

/** A SIREN (9 digits, Luhn key), spaces removed; else null. */
export function sirenOrNull(raw: string | null | undefined): string | null {
  const siren = (raw ?? '').replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(siren)) return null;
  return siren === LA_POSTE_SIREN || luhn(siren) ? siren : null;
}

/** A French postcode: 5 digits (a 4-digit one, which lost its leading zero, is padded). */
export function postcodeOrNull(raw: string | number | null | undefined): string | null {
  const value = String(raw ?? '').trim();
  if (/^\d{5}$/.test(value)) return value;
  if (/^\d{4}$/.test(value)) return `0${value}`;
  return null;
}

/** An INSEE commune code: 5 digits, or 2A/2B and 3 digits for Corsica. */
export function inseeCodeOrNull(raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim().toUpperCase();
  return /^(\d{5}|2[AB]\d{3})$/.test(value) ? value : null;
}

/** A department code (`01`–`95`, `2A`, `2B`, `971`–`976`), from a code or a label such as `Var (83)`. */
export function departmentCodeOrNull(raw: string | number | null | undefined): string | null {
  const text = String(raw ?? '').trim().toUpperCase();
  const m = /^(\d{1,3}|2[AB])$/.exec(text) ?? /\((\d{2,3}|2[AB])\)\s*$/.exec(text);
  if (!m) return null;
  let code = m[1];
  if (/^\d$/.test(code)) code = `0${code}`;
  if (/^\d{2}$/.test(code)) return code !== '00' && code !== '20' && Number(code) <= 95 ? code : null;
  if (/^97[1-6]$/.test(code) || /^2[AB]$/.test(code)) return code;
  return null;
}

/** A ROME code as published: one letter and four digits. */
export function romeCodeOrNull(raw: string | null | undefined): string | null {
  const value = (raw ?? '').trim().toUpperCase();
  return /^[A-Z]\d{4}$/.test(value) ? value : null;
}

/** A number from `48.85`, `48,85` or a number; null otherwise. */
export function numberOrNull(raw: string | number | null | undefined): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const text = (raw ?? '').trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Latitude and longitude when both are present and in range (0,0 is taken as missing). */
export function coordinatesOrNull(lat: string | number | null | undefined, lng: string | number | null | undefined): { lat: number; lng: number } | null {
  const la = numberOrNull(lat);
  const lo = numberOrNull(lng);
  if (la === null || lo === null) return null;
  if (Math.abs(la) > 90 || Math.abs(lo) > 180 || (la === 0 && lo === 0)) return null;
  return { lat: la, lng: lo };
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_FORMS: Array<[RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s])/, (m) => [+m[1], +m[2], +m[3]]],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?=$|[T\s])/, (m) => [+m[3], +m[2], +m[1]]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [+m[1], +m[2], +m[3]]],
];

/**
 * A calendar day `YYYY-MM-DD` as published (no time-zone shift): `2025-09-01`, `01/09/2025`,
 * `20250901`, `2025-09-15T00:00:00+02:00` (its own day), an RFC 822 date.
 */
export function dayOrNull(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  for (const [re, parts] of DATE_FORMS) {
    const m = re.exec(text);
    if (m) return validDay(...parts(m));
  }
  const rfc = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})/.exec(text);
  if (rfc) {
    const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(rfc[2].toLowerCase());
    if (month >= 0) return validDay(+rfc[3], month + 1, +rfc[1]);
  }
  return null;
}

/** Paris' offset from UTC, in minutes, at a given instant. */
let parisFormat: Intl.DateTimeFormat | null = null;

function parisOffsetMinutes(utcMillis: number): number {
  parisFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = parisFormat.formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMillis / 60_000) * 60_000) / 60_000);
}

/**
 * An instant as ISO 8601 in UTC (`2025-02-25T02:46:50.131Z`). Accepts the feeds' forms: ISO
 * with or without a zone (`+0100`, `+01:00`, `Z`, ` UTC`), `dd/mm/yyyy hh:mm:ss`,
 * `dd-mm-yyyy hh:mm:ss`, `yyyymmdd`, a plain day, an RFC 822 date. A time without a zone is
 * French local time (Europe/Paris).
 */
export function instantOrNull(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  const day = dayOrNull(text);
  const time = /(?:^|[T\s])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$/i.exec(text);
  if (day && (time || /^\S+$/.test(text))) {
    const [y, m, d] = day.split('-').map(Number);
    const [h, mi, s, ms] = time ? [+time[1], +time[2], +(time[3] ?? 0), +(time[4] ?? '0').padEnd(3, '0')] : [0, 0, 0, 0];
    if (h > 23 || mi > 59 || s > 59) return null;
    const local = Date.UTC(y, m - 1, d, h, mi, s, ms);
    const zone = time?.[5]?.toUpperCase();
    let offset: number;
    if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') offset = 0;
    else if (zone) {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
    } else {
      offset = parisOffsetMinutes(local - parisOffsetMinutes(local) * 60_000);
    }
    return new Date(local - offset * 60_000).toISOString();
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/**
 * A contract length in months: `12`, `24 mois`, `12_mois`, `2 ans`, `Entre 24 et 36 mois`
 * (the longest length named), with an explicit unit (`month`, `year`) when the feed gives one.
 * Lengths outside 1–72 months are taken as unreadable.
 */
export function durationMonthsOrNull(raw: string | number | null | undefined, unit?: string | null): number | null {
  const text = String(raw ?? '').toLowerCase();
  const numbers = (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.'))).filter((n) => n > 0);
  if (numbers.length === 0) return null;
  const u = (unit ?? '').toLowerCase();
  const years = /^(y|year|years|an|ans|annee|année|années)$/.test(u) || (!u && /\b(ans?|années?|years?)\b/.test(text) && !/mois|month/.test(text));
  const months = Math.round(Math.max(...numbers) * (years ? 12 : 1));
  return months >= 1 && months <= 72 ? months : null;
}

/** An http(s) URL, trimmed; null for anything else (relative paths, `javascript:`…). */
export function httpUrlOrNull(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    new URL(text);
    return text;
  } catch {
    return null;
  }
}

/** An e-mail address (a `mailto:` prefix removed); null for anything else. */
export function emailOrNull(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim().replace(/^mailto:/i, '');
  return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}$/.test(text) ? text : null;
}

/** HTML character references decoded (`&amp;`, `&#039;`, `&eacute;`…), markup left as text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  // Escape '<' so that the parser reads everything as text and only decodes references.
  parser.end(text.replace(/</g, '&lt;'));
  return out;
}

/**
 * A one-line text: entities decoded, whitespace collapsed, trimmed; empty gives null. Leading
 * runs of `?` (emoji lost to a wrong encoding upstream: `?????ALTERNANCE`) are dropped.
 */
export function cleanLine(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = decodeEntities(String(raw))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^\?{2,}\s*/, '');
  return text || null;
}
