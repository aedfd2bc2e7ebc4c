/**
 * Highlights are HTML: the stored text escaped, with `<em>…</em>` as the only markup. Offers
 * and profiles hold whatever their authors typed, so a snippet left unescaped would put their
 * markup live in every page that shows it. Both adapters escape the snippets of the page
 * returned only, never the index, so search stays as fast. Anything that shortens a snippet
 * must do it on the raw text before escaping, so that no entity or `<em>` is ever cut.
 */

export const HIGHLIGHT_OPEN = '<em>';
export const HIGHLIGHT_CLOSE = '</em>';

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text with &, <, >, " and ' as entities, safe in an element's content and in a quoted attribute. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => ENTITIES[c]) : text;
}
