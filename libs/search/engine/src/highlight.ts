import type { Tokenizer } from './tokenizer';

/**
 * The text with every word whose folded form matched wrapped in <em>…</em>. The original
 * text is kept as is (accents, case, punctuation); a word cut by an apostrophe is wrapped
 * only on its matching part ("d'<em>étude</em>"). Returns undefined when nothing matched.
 * Like Meilisearch, the text is not HTML-escaped: the consumer escapes before rendering.
 */
export function highlight(text: string, tokenizer: Tokenizer, matched: ReadonlySet<string>): string | undefined {
  let out = '';
  let last = 0;
  for (const span of tokenizer.spans(text)) {
    if (!span.tokens.some((token) => matched.has(token))) continue;
    out += `${text.slice(last, span.start)}<em>${text.slice(span.start, span.end)}</em>`;
    last = span.end;
  }
  return last === 0 && out === '' ? undefined : out + text.slice(last);
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
