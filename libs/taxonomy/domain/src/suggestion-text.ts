import { foldText } from './text';

/** Ligatures that NFD leaves alone but French writes both ways ("œuvre" / "oeuvre"). */
const LIGATURES = /[œæß]/g;
const LIGATURE_TEXT: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
/** Anything but a letter or digit separates words: spaces, hyphens, apostrophes, slashes, brackets. */
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** Combining marks count as part of a word: "e" + U+0301 typed at the end is still that word. */
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/**
 * Characters of raw words: letters, digits and combining marks (so that text typed in decomposed
 * form is not cut before folding). ASCII is classified inline, other code units once each.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const wordCharTable = new Uint8Array(65536);
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let kind = wordCharTable[code];
  if (kind === 0) wordCharTable[code] = kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

function foldWord(word: string): string[] {
  // What folding leaves that is neither letter nor digit (a mark it cannot strip, "½") still separates.
  return foldText(word)
    .replace(LIGATURES, (c) => LIGATURE_TEXT[c] ?? c)
    .split(SEPARATORS)
    .filter((w) => w !== '');
}

/**
 * Cuts text into raw words and folds each: an ASCII word only needs its lower case, others go
 * through Unicode folding (`fold`, which may remember them).
 */
function scanWords(text: string, fold: (raw: string) => readonly string[]): string[] {
  const out: string[] = [];
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
    const raw = text.slice(start, i);
    if (ascii) out.push(upper ? raw.toLowerCase() : raw);
    else for (const word of fold(raw)) out.push(word);
  }
  return out;
}

/**
 * Folds words with a memory of the words already seen: labels of a referential repeat the same
 * few tens of thousands of words, and Unicode folding is most of the work of reading them.
 */
export class WordFolder {
  private readonly folded = new Map<string, readonly string[]>();
  private readonly fold = (raw: string): readonly string[] => {
    let words = this.folded.get(raw);
    if (!words) this.folded.set(raw, (words = foldWord(raw)));
    return words;
  };

  words(text: string): string[] {
    return scanWords(text, this.fold);
  }
}

/**
 * Words of a label or of typed text, as autocomplete compares them: accent- and case-folded,
 * ligatures spelled out, split on anything that is not a letter or digit. Unlike the search
 * engine's tokens, single letters stay: "l'isle" is two words here, and its "l" is matched.
 */
export function suggestionWords(text: string): string[] {
  return scanWords(text, foldWord);
}

/** What was typed into a combobox, as words to look up. */
export interface SuggestionQuery {
  words: string[];
  /**
   * Whether the last word may still be growing: true unless the text ends with a separator
   * ("lyon " asks for the word lyon, not for Lyons-la-Forêt). Every earlier word may match a
   * word of a label by its start too ("dev web" finds "Développeur web"), ranked after an
   * exact word.
   */
  lastIsPrefix: boolean;
}

export function parseSuggestionQuery(text: string): SuggestionQuery {
  return { words: suggestionWords(text), lastIsPrefix: ENDS_IN_WORD.test(text) };
}

/** The searchable terms of one label: its words, and other spellings of some of them. */
export interface LabelTerms {
  /** The words in order; their joined length is the label's length for ranking. */
  words: string[];
  /** Terms that stand for the label's first word: the query starting there ranks first. */
  lead: string[];
  /** Every term the label is found by, without repeats. */
  terms: string[];
}

/**
 * A label's terms. A single letter followed by a word is also indexed joined to it, so that an
 * elision typed without its apostrophe finds the label ("lisle" finds L'Isle-Adam, which La
 * Poste writes "L ISLE ADAM"). `aliases` give another spelling of a word ("st" → "saint": La
 * Poste abbreviates Saint as ST). `extra` terms are found but are not words of the label (a
 * postcode, a code), so they count neither for its length nor for its start.
 */
export function labelTerms(
  label: string,
  aliases?: ReadonlyMap<string, string>,
  extra: readonly string[] = [],
  folder?: WordFolder,
): LabelTerms {
  const words = folder ? folder.words(label) : suggestionWords(label);
  // Labels have a few words: a list searched in place costs less than a set per label.
  const terms: string[] = [];
  const add = (term: string) => {
    if (!terms.includes(term)) terms.push(term);
  };
  const lead: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    add(word);
    const alias = aliases?.get(word);
    if (alias) add(alias);
    const joined = i + 1 < words.length && isSingleLetter(word) ? word + words[i + 1] : null;
    if (joined) add(joined);
    if (i === 0) {
      lead.push(word);
      if (alias) lead.push(alias);
      if (joined) lead.push(joined);
    }
  }
  for (const text of extra) for (const term of folder ? folder.words(text) : suggestionWords(text)) add(term);
  return { words, lead, terms };
}

function isSingleLetter(word: string): boolean {
  if (word.length !== 1) return false;
  const code = word.charCodeAt(0);
  return code < 48 || code > 57;
}
