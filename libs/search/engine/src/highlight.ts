import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, escapeHtml } from '@alternance/search/domain';
import type { Tokenizer } from './tokenizer';

/**
 * The text HTML-escaped, with every word whose folded form matched wrapped in <em>…</em>.
 * The original text is kept otherwise (accents, case, punctuation); a word cut by an
 * apostrophe is wrapped only on its matching part ("d&#39;<em>étude</em>"). Returns undefined
 * when nothing matched. Called for the hits of the page returned only, so escaping here
 * costs nothing per indexed document.
 */
export function highlight(text: string, tokenizer: Tokenizer, matched: ReadonlySet<string>): string | undefined {
  let out = '';
  let last = 0;
  let found = false;
  for (const span of tokenizer.spans(text)) {
    if (!span.tokens.some((token) => matched.has(token))) continue;
    out += escapeHtml(text.slice(last, span.start)) + HIGHLIGHT_OPEN + escapeHtml(text.slice(span.start, span.end)) + HIGHLIGHT_CLOSE;
    last = span.end;
    found = true;
  }
  return found ? out + escapeHtml(text.slice(last)) : undefined;
}

/** The text of a searchable field: strings as is, arrays joined, numbers written out. */
export function fieldText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return String(raw);
  if (Array.isArray(raw)) {
    const parts = raw.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }
  return undefined;
}
