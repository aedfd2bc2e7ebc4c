import { foldText } from '@alternance/taxonomy/domain';

/**
 * Word characters: letters, digits and combining marks (so that text typed in decomposed
 * form, "e" + U+0301, is not cut in two before folding). ASCII is classified inline; other
 * code units once each, then from a table: indexing spends most of its time here.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const wordCharTable = new Uint8Array(65536);
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let kind = wordCharTable[code];
  if (kind === 0) wordCharTable[code] = kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

const NOT_ALNUM = /[^\p{L}\p{N}]+/u;
const DIGIT = /\p{N}/u;
/** Ligatures that NFD leaves alone but French writes both ways ("œuvre" / "oeuvre"). */
const LIGATURES = /[œæß]/g;
const LIGATURE_TEXT: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

const NO_TOKENS: readonly string[] = [];

/** Folding is the hot path of indexing; a corpus repeats the same few tens of thousands of words. */
const FOLD_CACHE_LIMIT = 200_000;

/** A token of the original text with where it sits, for highlighting. */
export interface TokenSpan {
  /** Folded tokens of this word (usually one; none when it was a single letter). */
  tokens: readonly string[];
  start: number;
  end: number;
}

/**
 * Turns text into index terms: accent and case folded, split on anything that is not a
 * letter or digit (so "d'étude" gives "d" and "etude"), single letters dropped (French
 * elisions and "h/f" carry no meaning; single digits are kept, "bac 5" needs its "5"),
 * stop words removed. Documents and queries go through the same instance.
 */
export class Tokenizer {
  private readonly stopWords: ReadonlySet<string>;
  private readonly cache = new Map<string, readonly string[]>();
  private readonly single: string[] = [''];

  constructor(stopWords: Iterable<string> = []) {
    const set = new Set<string>();
    // A stop word is folded and split like text, so "h/f" stops "h" and "f".
    for (const word of stopWords) for (const token of this.foldWord(word)) set.add(token);
    this.stopWords = set;
  }

  isStopWord(token: string): boolean {
    return this.stopWords.has(token);
  }

  /** Index or query terms of a text, in order, stop words removed. */
  tokens(text: string, out: string[] = []): string[] {
    this.scan(text, (tokens) => {
      for (const token of tokens) if (!this.stopWords.has(token)) out.push(token);
    });
    return out;
  }

  /** Every word of a text with its offsets, stop words included (highlighting decides). */
  spans(text: string): TokenSpan[] {
    const spans: TokenSpan[] = [];
    this.scan(text, (tokens, start, end) => spans.push({ tokens: tokens === this.single ? [tokens[0]] : tokens, start, end }));
    return spans;
  }

  /** Folded tokens of a text without stop-word removal. */
  foldWord(text: string): string[] {
    const out: string[] = [];
    this.scan(text, (tokens) => out.push(...tokens));
    return out;
  }

  /**
   * Calls `onWord` with the folded tokens of each word. A pure-ASCII word folds to its lower
   * case, so only words with other characters go through NFD folding (and its cache). The
   * array passed for an ASCII word is reused for the next one: copy it to keep it.
   */
  private scan(text: string, onWord: (tokens: readonly string[], start: number, end: number) => void): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let code = text.charCodeAt(i);
      if (!isWordChar(code)) {
        i++;
        continue;
      }
      const start = i;
      let ascii = true;
      let upper = false;
      for (;;) {
        if (code >= 128) ascii = false;
        else if (code >= 65 && code <= 90) upper = true;
        if (++i >= n) break;
        code = text.charCodeAt(i);
        if (!isWordChar(code)) break;
      }
      if (!ascii) {
        onWord(this.fold(text.slice(start, i)), start, i);
      } else if (i - start > 1) {
        const word = text.slice(start, i);
        this.single[0] = upper ? word.toLowerCase() : word;
        onWord(this.single, start, i);
      } else if (text.charCodeAt(start) <= 57) {
        this.single[0] = text[start];
        onWord(this.single, start, i);
      } else {
        onWord(NO_TOKENS, start, i);
      }
    }
  }

  private fold(word: string): readonly string[] {
    let tokens = this.cache.get(word);
    if (tokens) return tokens;
    const folded = foldText(word).replace(LIGATURES, (c) => LIGATURE_TEXT[c] ?? c);
    const parts = NOT_ALNUM.test(folded) ? folded.split(NOT_ALNUM) : [folded];
    tokens = parts.filter((t) => t.length > 1 || (t.length === 1 && DIGIT.test(t)));
    if (this.cache.size >= FOLD_CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, tokens);
    return tokens;
  }
}

/** True when a token holds a digit: numbers and codes ("2024", "k8s") get no typo tolerance. */
export function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return DIGIT.test(token);
}
