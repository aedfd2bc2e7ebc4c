/**
 * Streams the repeated record elements of an XML feed (`<job>`, `<offer>`, `<item>`…) one at a
 * time, each as a small element tree, with its element path (`/source/job[12]`). Only the record
 * being read is held in memory; what lies between records is ignored.
 */
import { SaxesParser } from 'saxes';
import { decodeChunks } from './feed-text';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside this element, in document order. */
  text: string;
}

/** The first child with this name (a `/`-separated path goes down several levels). */
export function child(el: XmlElement | null | undefined, path: string): XmlElement | null {
  let current: XmlElement | null | undefined = el;
  for (const name of path.split('/')) {
    current = current?.children.find((c) => c.name === name);
    if (!current) return null;
  }
  return current ?? null;
}

/** Every child with this name (the last step of a path may repeat). */
export function children(el: XmlElement | null | undefined, path: string): XmlElement[] {
  const steps = path.split('/');
  const last = steps.pop()!;
  const parent = steps.length ? child(el, steps.join('/')) : el;
  return parent ? parent.children.filter((c) => c.name === last) : [];
}

/** All the text inside an element, descendants included (e.g. an RSS title holding a link). */
export function textContent(el: XmlElement | null | undefined): string {
  if (!el) return '';
  if (el.children.length === 0) return el.text;
  // Children's text is interleaved with the element's own only approximately (own text first):
  // record fields are leaves or hold a single inline child, where this is exact enough.
  return el.text + el.children.map(textContent).join('');
}

/** The trimmed text at a path, or null when absent or empty. */
export function textAt(el: XmlElement | null | undefined, path: string): string | null {
  const target = child(el, path);
  const text = target ? textContent(target).trim() : '';
  return text || null;
}

export type XmlRecordEvent =
  | { kind: 'record'; element: XmlElement; path: string }
  | { kind: 'too-large'; path: string }
  | { kind: 'malformed'; path: string; detail: string };

export interface XmlRecordOptions {
  /** The local name of the repeated record element (`job`, `offer`, `item`…). */
  record: string;
  /** Records larger than this many characters of text are skipped (`too-large`). */
  maxRecordChars?: number;
}

const DEFAULT_MAX_RECORD_CHARS = 2_000_000;

/**
 * HTML entity names some feeds leave undeclared in XML text (`&nbsp;`, `&eacute;`): accepted
 * rather than failing the whole feed on a strict reading.
 */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', iuml: 'ï',
  ocirc: 'ô', ouml: 'ö', ugrave: 'ù', ucirc: 'û', uuml: 'ü', oelig: 'œ', Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', laquo: '«', raquo: '»', hellip: '…', ndash: '–', mdash: '—', euro: '€',
  bull: '•', middot: '·', deg: '°', copy: '©', reg: '®', trade: '™',
};

/**
 * Every record element of the document, in order. Parsing stops at the first well-formedness
 * error, which is reported as a final `malformed` event (after the records completed before it).
 */
export async function* xmlRecords(input: AsyncIterable<Uint8Array | string>, options: XmlRecordOptions): AsyncGenerator<XmlRecordEvent> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const parser = new SaxesParser({ xmlns: false, position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const ready: XmlRecordEvent[] = [];
  // Path of open elements outside records, with per-name child counters for indexes.
  const outer: Array<{ name: string; counts: Map<string, number> }> = [{ name: '', counts: new Map() }];
  let recordPath = '';
  let stack: XmlElement[] = []; // open elements of the current record, the record first
  let size = 0;
  let overflow = false;
  let depthInRecord = 0; // for an overflowing record, elements still open
  let failure: string | null = null;

  parser.on('opentag', (tag) => {
    if (failure) return;
    if (stack.length > 0 || overflow) {
      depthInRecord++;
      if (overflow) return;
      const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
      return;
    }
    const parent = outer[outer.length - 1];
    const index = (parent.counts.get(tag.name) ?? 0) + 1;
    parent.counts.set(tag.name, index);
    if (tag.name === options.record) {
      recordPath = `${outer.map((o) => o.name).join('/')}/${tag.name}[${index}]`;
      stack = [{ name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' }];
      size = 0;
      depthInRecord = 1;
      return;
    }
    outer.push({ name: tag.name, counts: new Map() });
  });

  const onText = (text: string) => {
    if (failure || stack.length === 0) return;
    size += text.length;
    if (size > max) {
      overflow = true;
      stack = [];
      return;
    }
    stack[stack.length - 1].text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    if (failure) return;
    if (stack.length > 0 || overflow) {
      depthInRecord--;
      if (depthInRecord === 0) {
        if (overflow) ready.push({ kind: 'too-large', path: recordPath });
        else ready.push({ kind: 'record', element: stack[0], path: recordPath });
        stack = [];
        overflow = false;
      } else if (!overflow) {
        stack.pop();
      }
      return;
    }
    outer.pop();
  });

  parser.on('error', (err) => {
    // saxes prefixes its messages with `line:column:`.
    failure ??= err.message.replace(/^(?:undefined:)?(\d+):(\d+): /, 'line $1, column $2: ');
  });

  const where = () => (stack.length || overflow ? recordPath : outer.map((o) => o.name).join('/') || '/');
  try {
    for await (const chunk of decodeChunks(input, { sniffXml: true })) {
      parser.write(chunk);
      while (ready.length) yield ready.shift()!;
      if (failure) break;
    }
    if (!failure) parser.close();
    while (ready.length) yield ready.shift()!;
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure) yield { kind: 'malformed', path: where(), detail: failure };
}
