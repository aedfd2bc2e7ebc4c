import type { Tokenizer } from './tokenizer';

/** Meilisearch ignores words past the tenth; so do we, which also bounds ranking state. */
export const MAX_QUERY_WORDS = 10;

/**
 * One unit of the AND: every slot must match for a document to be a hit. Usually one query
 * word; a run of query words that spells a multi-word synonym ("chef de chantier gros
 * oeuvre") becomes one slot so that its abbreviation ("ccgo") can stand in for all of it.
 */
export interface QuerySlot {
  /** Folded query words: one, or several when they form a synonym phrase. */
  words: string[];
  /** The word may match as a prefix (the last word of the query, still being typed). */
  prefix: boolean;
  /** Other spellings matching exactly: synonym members, each as the words it is made of. */
  alternatives: string[][];
}

/**
 * Synonym groups compiled for query rewriting. Members are tokenised like text, so stop
 * words inside a phrase ("brevet de technicien supérieur") do not have to be typed.
 */
export class SynonymTable {
  /** Members by their first word, longest first, with the groups they belong to. */
  private readonly byFirstWord = new Map<string, { words: string[]; groups: number[] }[]>();
  private readonly groups: string[][][] = [];

  constructor(groups: readonly (readonly string[])[], tokenizer: Tokenizer) {
    for (const group of groups) {
      const members = uniqueMembers(group.map((member) => tokenizer.tokens(member)).filter((words) => words.length > 0));
      if (members.length < 2) continue;
      const groupId = this.groups.length;
      this.groups.push(members);
      for (const words of members) {
        let list = this.byFirstWord.get(words[0]);
        if (!list) this.byFirstWord.set(words[0], (list = []));
        const same = list.find((m) => sameWords(m.words, words));
        if (same) same.groups.push(groupId);
        else list.push({ words, groups: [groupId] });
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Splits query words into slots, recognising synonym members (longest match first). */
  slots(words: readonly string[]): QuerySlot[] {
    const slots: QuerySlot[] = [];
    for (let i = 0; i < words.length; ) {
      const match = this.byFirstWord.get(words[i])?.find((m) => m.words.every((w, j) => words[i + j] === w));
      const span = match ? match.words.length : 1;
      const alternatives: string[][] = [];
      if (match) {
        for (const group of match.groups) for (const member of this.groups[group]) if (!sameWords(member, match.words)) alternatives.push(member);
        // A recognised phrase is matched as its own words too, all present, in any field.
        if (span > 1) alternatives.unshift(match.words);
      }
      const last = i + span === words.length;
      slots.push({ words: words.slice(i, i + span), prefix: last && span === 1, alternatives: uniqueMembers(alternatives) });
      i += span;
    }
    return slots;
  }
}

/** Query words as slots' input: folded, stop words removed, duplicates dropped, at most ten. */
export function queryWords(text: string, tokenizer: Tokenizer): string[] {
  const words: string[] = [];
  for (const word of tokenizer.tokens(text)) {
    if (!words.includes(word)) words.push(word);
    else if (words[words.length - 1] !== word) {
      // A repeated word keeps its last position, which is the one that may be a prefix.
      words.splice(words.indexOf(word), 1);
      words.push(word);
    }
  }
  return words.slice(0, MAX_QUERY_WORDS);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function uniqueMembers(members: string[][]): string[][] {
  const seen = new Set<string>();
  return members.filter((words) => {
    const key = words.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
