/**
 * `sanitizeOfferHtml`: partner descriptions reduced to the markup the product shows.
 *
 * Allow-list only. Kept: `p`, `br`, `ul`, `ol`, `li`, `strong`, `em` (`b` → `strong`, `i` →
 * `em`), and `a` when its `href` is http(s) or `mailto:` (written with `rel="nofollow noopener"`;
 * any other link is reduced to its text). Headings become a paragraph in `strong`. Other block
 * elements (`div`, `section`, `table`…) only separate paragraphs; other inline elements
 * (`span`, `font`, `u`…) are dropped with their content kept. Removed with their content:
 * `script`, `style`, `iframe`, `object`, `embed`, `noscript`, `template`, `svg`, `math`,
 * `head`, `title`, `textarea`, `select`, `button`. Every attribute but a kept link's `href` is
 * dropped (so no event handler or style survives), comments too. Text is entity-decoded then
 * re-escaped; unclosed or mis-nested tags are closed in order; empty paragraphs, empty list
 * items and line breaks at the edge of a block are dropped.
 *
 * Text without markup (with newlines) becomes paragraphs: a blank line separates paragraphs,
 * a single newline is a line break, lines starting with `-`, `*`, `•` make a list.
 */
import { Parser } from 'htmlparser2';

const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'frame', 'frameset', 'applet', 'noembed', 'noframes', 'xmp', 'plaintext']);
const BLOCK_BOUNDARY = new Set([
  'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'blockquote', 'pre', 'center', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'form', 'fieldset', 'hr', 'details', 'summary', 'body', 'html',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const INLINE_OUT = new Set(['strong', 'em', 'a']);
/** The source depth of an element that writes nothing itself (`span`, an unsafe link): closing it closes nothing. */
const TRANSPARENT = -1;
const MAX_OUTPUT_DEPTH = 24;
/** Longer descriptions are cut (about 30 printed pages of text). */
export const MAX_DESCRIPTION_INPUT_CHARS = 100_000;
const MAX_SOURCE_DEPTH = 256;

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) => escapeText(t).replace(/"/g, '&quot;');

/** An href the product may link to: http(s) or mailto, control characters and spaces removed. */
function safeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\/[^/]/i.test(href) || /^mailto:[^@\s]+@[^@\s]+$/i.test(href)) return href;
  return null;
}

interface OutElement {
  name: string;
  /** Index in `out` of the opening tag. */
  at: number;
  /** Whether text was written inside (directly or in a descendant). */
  content: boolean;
  /** Opened by the writer, not by the source (a list around a stray `li`). */
  auto?: boolean;
}

/** Builds well-formed, allow-listed HTML from open/close/text events. */
class SafeHtmlWriter {
  private readonly out: string[] = [];
  private readonly stack: OutElement[] = [];
  /** Source elements still open, with the output depth each opened at. */
  private readonly source: Array<{ name: string; depth: number }> = [];
  private skipping = 0;
  /** Whether the last text written ends with a space. */
  private afterSpace = false;

  open(name: string, attrs: Record<string, string>): void {
    if (this.skipping > 0) {
      if (DROP_WITH_CONTENT.has(name)) this.skipping++;
      return;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      this.skipping = 1;
      return;
    }
    // Hostile nesting (thousands of open lists or spans) is flattened: the work per tag stays bounded.
    if (this.source.length >= MAX_SOURCE_DEPTH) return;
    if (this.stack.length >= MAX_OUTPUT_DEPTH && name !== 'br') {
      this.source.push({ name, depth: TRANSPARENT });
      return;
    }
    // The output depth this element opens at: closing it closes what it opened, nothing above.
    let depth = this.stack.length;
    switch (name) {
      case 'br':
        this.lineBreak();
        return;
      case 'p':
        this.closeBlock();
        this.ensureFlowContainer();
        depth = this.stack.length;
        this.push('p');
        break;
      case 'ul':
      case 'ol':
        this.closeBlock();
        if (this.top() === 'ul' || this.top() === 'ol') this.push('li');
        depth = this.stack.length;
        this.push(name);
        break;
      case 'li':
        this.closeInlineAndParagraph();
        if (this.top() === 'li') this.pop();
        if (this.top() !== 'ul' && this.top() !== 'ol') {
          this.push('ul');
          this.stack[this.stack.length - 1].auto = true;
        }
        depth = this.stack.length;
        this.push('li');
        break;
      case 'b':
      case 'strong':
        this.ensureInlineContainer();
        depth = this.stack.length;
        this.push('strong');
        break;
      case 'i':
      case 'em':
        this.ensureInlineContainer();
        depth = this.stack.length;
        this.push('em');
        break;
      case 'a': {
        const href = safeHref(attrs['href']);
        if (href && !this.stack.some((e) => e.name === 'a')) {
          this.ensureInlineContainer();
          depth = this.stack.length;
          this.push('a', ` href="${escapeAttr(href)}" rel="nofollow noopener"`);
        } else {
          depth = TRANSPARENT;
        }
        break;
      }
      default:
        if (HEADINGS.has(name)) {
          this.closeBlock();
          this.ensureFlowContainer();
          depth = this.stack.length;
          this.push('p');
          this.push('strong');
        } else if (BLOCK_BOUNDARY.has(name)) {
          this.closeBlock();
          depth = TRANSPARENT;
        } else {
          depth = TRANSPARENT;
        }
    }
    this.source.push({ name, depth });
  }

  close(name: string): void {
    if (this.skipping > 0) {
      if (DROP_WITH_CONTENT.has(name)) this.skipping--;
      return;
    }
    if (BLOCK_BOUNDARY.has(name)) this.closeBlock();
    for (let i = this.source.length - 1; i >= 0; i--) {
      if (this.source[i].name !== name) continue;
      const depth = this.source[i].depth;
      this.source.length = i;
      if (depth === TRANSPARENT) return;
      while (this.stack.length > depth) this.pop();
      return;
    }
  }

  text(raw: string): void {
    if (this.skipping > 0 || !raw) return;
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (!text.trim()) {
      // Whitespace alone, between inline elements: one space (dropped if the block ends here).
      if (this.blockHasContent() && !this.afterSpace && !this.lastIsBreak()) {
        this.out.push(' ');
        this.afterSpace = true;
      }
      return;
    }
    this.ensureInlineContainer();
    if (!this.blockHasContent() || this.lastIsBreak() || this.afterSpace) text = text.trimStart();
    this.afterSpace = text.endsWith(' ');
    this.out.push(escapeText(text));
    this.markContent();
  }

  result(): string {
    while (this.stack.length) this.pop();
    return this.out.join('');
  }

  private top(): string | null {
    return this.stack.length ? this.stack[this.stack.length - 1].name : null;
  }

  private push(name: string, attrs = ''): void {
    this.stack.push({ name, at: this.out.length, content: false });
    this.out.push(`<${name}${attrs}>`);
    if (name === 'p' || name === 'li' || name === 'ul' || name === 'ol') this.afterSpace = false;
  }

  private pop(): void {
    const el = this.stack.pop()!;
    while (this.out.length > el.at + 1 && this.lastIsBreak()) this.out.pop();
    if (!INLINE_OUT.has(el.name)) {
      const last = this.out.length - 1;
      if (last > el.at && !this.out[last].startsWith('<')) this.out[last] = this.out[last].trimEnd();
      this.afterSpace = false;
    }
    if (!el.content) {
      this.out.length = el.at;
      return;
    }
    this.out.push(`</${el.name}>`);
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.content = true;
  }

  private lastIsBreak(): boolean {
    return this.out[this.out.length - 1] === '<br>';
  }

  private markContent(): void {
    for (const el of this.stack) el.content = true;
  }

  private blockHasContent(): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const el = this.stack[i];
      if (!INLINE_OUT.has(el.name)) return el.content;
    }
    return false;
  }

  /** Closes inline elements and the open paragraph, stopping at a list item or list. */
  private closeInlineAndParagraph(): void {
    while (this.top() && (INLINE_OUT.has(this.top()!) || this.top() === 'p')) this.pop();
  }

  private closeBlock(): void {
    this.closeInlineAndParagraph();
    this.afterSpace = false;
  }

  /** Where a paragraph may start: the root or a list item (a list gets an item). */
  private ensureFlowContainer(): void {
    if (this.stack.length && this.stack[this.stack.length - 1].auto) this.pop();
    if (this.top() === 'ul' || this.top() === 'ol') this.push('li');
  }

  /** Where text may go: inside a paragraph, a list item or inline markup. */
  private ensureInlineContainer(): void {
    if (this.stack.length && this.stack[this.stack.length - 1].auto) this.pop();
    const top = this.top();
    if (top === null) this.push('p');
    else if (top === 'ul' || top === 'ol') this.push('li');
  }

  private lineBreak(): void {
    const top = this.top();
    if (top === null || top === 'ul' || top === 'ol') return;
    if (!this.blockHasContent() || this.lastIsBreak()) return;
    const last = this.out.length - 1;
    if (!this.out[last].startsWith('<')) this.out[last] = this.out[last].trimEnd();
    this.out.push('<br>');
    this.afterSpace = false;
  }
}

const MARKUP = /<\/?[a-zA-Z][^>]*>|<!--|<!\[CDATA\[/;
const BULLET = /^\s*(?:[-*•·–]|\d+[.)])\s+/;

function plainTextToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => b.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
  const out: string[] = [];
  for (const lines of blocks) {
    let paragraph: string[] = [];
    let list: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length) out.push(`<p>${paragraph.join('<br>')}</p>`);
      paragraph = [];
    };
    const flushList = () => {
      if (list.length) out.push(`<ul>${list.map((l) => `<li>${l}</li>`).join('')}</ul>`);
      list = [];
    };
    for (const line of lines) {
      if (BULLET.test(line) && line.replace(BULLET, '').trim()) {
        flushParagraph();
        list.push(escapeText(line.replace(BULLET, '').trim()));
      } else {
        flushList();
        paragraph.push(escapeText(line));
      }
    }
    flushParagraph();
    flushList();
  }
  return out.join('');
}

/** Safe markup for an offer's description, from partner HTML or plain text (see the file's comment). */
export function sanitizeOfferHtml(input: string | null | undefined): string {
  if (!input) return '';
  // CDATA sections (XML feeds that wrap HTML twice) are unwrapped: their content is HTML too.
  // Beyond MAX_DESCRIPTION_INPUT_CHARS the text is cut: no offer needs more, and HTML parsing of hostile
  // nesting slows down with the square of its depth.
  const html = input.slice(0, MAX_DESCRIPTION_INPUT_CHARS).replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1');
  if (!MARKUP.test(html)) return plainTextToHtml(html);
  const writer = new SafeHtmlWriter();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => writer.open(name, attrs),
      onclosetag: (name) => writer.close(name),
      ontext: (text) => writer.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return writer.result();
}

/** Several description parts (mission, profile…), each sanitized, joined; empty parts left out. */
export function joinOfferHtml(parts: Array<string | null | undefined>): string {
  return parts
    .map((p) => sanitizeOfferHtml(p))
    .filter(Boolean)
    .join('');
}
