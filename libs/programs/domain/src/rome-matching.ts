import { foldText } from '@alternance/taxonomy/domain';

/**
 * Certifications do not say which occupations they lead to, so their ROME codes are guessed
 * from the title: the job titles (appellations) and occupation labels whose significant
 * words the title covers best win. Words are weighted by rarity across occupations (IDF), so
 * "cuisinier" counts for much more than "agent" or "technicien".
 */

/** A job title or occupation label, with the ROME code it belongs to. */
export interface RomeLabel {
  romeCode: string;
  label: string;
}

export interface RomeMatch {
  code: string;
  /** 0..1: how much of the job title the certification title covers, scaled by how much of the title it explains. */
  score: number;
}

export interface RomeMatchOptions {
  maxCodes?: number;
  /** Below this a job title shares too little with the certification to say anything. */
  minScore?: number;
  /** Runners-up must be this close to the best match, so a clear winner is not diluted. */
  minRatioToBest?: number;
}

export const DEFAULT_ROME_MATCH_OPTIONS: Required<RomeMatchOptions> = {
  maxCodes: 3,
  minScore: 0.5,
  minRatioToBest: 0.75,
};

/**
 * Single letters carry nothing; two- and three-letter words do matter ("web", "RH", "BTP",
 * "spa"), so short articles and diploma abbreviations are stop words instead.
 */
const MIN_WORD_LENGTH = 2;

/**
 * Function words, and the vocabulary of diploma names that says nothing about the
 * job ("titre professionnel", "spécialité", "fiche nationale", school names' "école"...).
 * Listed as written; they go through the same normalisation as the words they filter.
 */
const STOP_WORDS = [
  // French function words
  'au', 'aux', 'ce', 'ces', 'de', 'des', 'du', 'en', 'est', 'et', 'il', 'la', 'le', 'les', 'ou', 'par', 'qu', 'que',
  'qui', 'sur', 'un', 'une', // not "son": "Assistant son" is a sound job
  'afin', 'ainsi', 'aupres', 'aussi', 'autre', 'autres', 'avec', 'celle', 'celles', 'certain', 'certaines', 'cette',
  'ceux', 'chez', 'comme', 'dans', 'depuis', 'dont', 'elle', 'elles', 'entre', 'hors', 'leur', 'leurs', 'lors', 'mais',
  'moins', 'notre', 'nous', 'plus', 'pour', 'quel', 'quelle', 'sans', 'selon', 'sous', 'tous', 'tout', 'toute',
  'toutes', 'tres', 'vers', 'votre', 'vous',
  // diploma and certification vocabulary, and the schools that award them
  'bac', 'bm', 'bma', 'bp', 'bts', 'btm', 'but', 'cap', 'cqp', 'cqpm', 'cs', 'ctm', 'dma', 'dn', 'dnmade', 'dsp', 'dut',
  'mba', 'mc', 'ms', 'pro', 'rncp', 'tp', 'ii', 'iii', 'iv',
  'academie', 'conservatoire', 'ecole', 'institut', 'polytechnique', 'universite',
  'attestation', 'bachelor', 'bapaat', 'bpjeps', 'brevet', 'btsa', 'capa', 'certificat', 'certification', 'cycle',
  'dejeps', 'desjeps', 'deust', 'diplome', 'diplovis', 'dipvigrl', 'dipvigrm', 'domaine', 'etat', 'etudes', 'fiche',
  'filiere', 'grade', 'licence', 'master', 'mastere', 'mention', 'metier', 'national', 'niveau', 'option',
  'parcours', 'professionnel', 'programme', 'qualification', 'secteur', 'specialise', 'specialite', 'superieur',
  'titre', 'universitaire',
];

/** Below this common-prefix ratio two words are different words (électricité / électronique). */
const FUZZY_MIN_RATIO = 0.76;
const FUZZY_MIN_PREFIX = 5;
/** A derived form (boulangerie → boulanger) is good evidence, but less than the same word. */
const FUZZY_CREDIT = 0.75;

/** First match wins, so longer suffixes come before the ones they end with. */
const SUFFIX_RULES: [string, string][] = [
  ['trice', 'teur'],
  ['euse', 'eur'],
  ['ienne', 'ien'],
  ['enne', 'en'],
  ['eure', 'eur'],
  ['ante', 'ant'],
  ['ente', 'ent'],
  ['iere', 'ier'],
  ['ere', 'er'],
  ['elle', 'el'],
  ['onne', 'on'],
  ['ive', 'if'],
  ['ique', 'ic'],
  ['ale', 'al'],
  ['ee', 'e'],
];

/**
 * One spelling for the forms a word takes in titles: plural, feminine ("Cuisinier /
 * Cuisinière", "Conducteur / Conductrice") and "-ique" adjectives whose "-icien" job shares
 * the stem. Input is folded (lower case, no accents).
 */
export function normalizeWord(folded: string): string {
  let w = folded;
  // "bus", "gaz", "pays" are not plurals
  if (w.length > 4) {
    if (w.endsWith('eaux')) w = w.slice(0, -1);
    else if (w.endsWith('aux')) w = w.slice(0, -3) + 'al';
    else if ((w.endsWith('s') && !w.endsWith('ss')) || w.endsWith('x')) w = w.slice(0, -1);
  }
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length) + replacement;
  }
  return w;
}

const STOP_SET = new Set(STOP_WORDS.map((w) => normalizeWord(w)));

/** The distinct significant words of a title or label, normalised, in order of appearance. */
export function significantWords(text: string): string[] {
  const folded = foldText(text);
  const out = new Set<string>();
  for (const raw of folded.split(/[^a-z0-9]+/)) {
    if (raw.length < MIN_WORD_LENGTH || /^\d+$/.test(raw)) continue;
    const w = normalizeWord(raw);
    if (!STOP_SET.has(w)) out.add(w);
  }
  return [...out];
}

/**
 * ROME labels name both genders: "Chef / Cheffe de cuisine", "Conducteur / Conductrice
 * d'engins agricoles". The words after the slash repeat the ones before it, then the shared
 * complement follows: keep one copy, so that a label does not count its job word twice.
 */
export function withoutFeminineRepeat(label: string): string {
  const slash = label.indexOf(' / ');
  if (slash < 0) return label;
  const masculine = label.slice(0, slash).trim();
  const feminine = label.slice(slash + 3).trim().split(/\s+/);
  const repeated = masculine.split(/\s+/).length;
  if (feminine.length < repeated) return label;
  return [masculine, ...feminine.slice(repeated)].join(' ');
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Two different words of one family: "comptabilite" / "comptable", "cuisine" / "cuisinier". */
export function isDerivedForm(a: string, b: string): boolean {
  if (a === b) return false;
  const lcp = commonPrefixLength(a, b);
  return lcp >= FUZZY_MIN_PREFIX && lcp / Math.min(a.length, b.length) >= FUZZY_MIN_RATIO;
}

interface WordMatch {
  word: number;
  credit: number;
}

interface TitleWord {
  matches: WordMatch[];
  /** How much the word weighs in the title: its own IDF, or its family's when only derived forms are known. */
  weight: number;
  /** The same, but zero when no label knows the word, since then no label can cover it. */
  matchedWeight: number;
}

/**
 * An inverted index over job titles and occupation labels. Build it once, then match many
 * certification titles: each lookup only touches the labels that share a word with the title.
 */
export class RomeMatcher {
  private readonly vocabulary = new Map<string, number>();
  private readonly vocabularyByPrefix = new Map<string, string[]>();
  private readonly idf: number[] = [];
  /** Per vocabulary word, the label slots (one slot = one word of one label) that hold it. */
  private readonly postings: number[][] = [];
  private readonly slotLabel: Int32Array;
  private readonly slotWeight: Float64Array;
  private readonly labelFirstSlot: Int32Array;
  private readonly labelTotal: Float64Array;
  private readonly labelRome: number[] = [];
  private readonly romeCodes: string[] = [];
  private readonly unseenWeight: number;
  private readonly minEvidence: number;
  private readonly titleWordCache = new Map<string, TitleWord>();

  // scratch space reused by every match() call
  private readonly slotCredit: Float64Array;
  private readonly labelQueryCredit: Float64Array;
  private readonly labelQueryBest: Float64Array;
  private readonly labelStamp: Int32Array;
  private readonly romeBest: Float64Array;
  private readonly romeSupport: Float64Array;
  private stamp = 0;

  constructor(labels: Iterable<RomeLabel>) {
    const seen = new Set<string>();
    const romeIndex = new Map<string, number>();
    const labelWords: number[][] = [];
    const romesOfWord: Set<string>[] = [];
    for (const { romeCode, label } of labels) {
      const words = significantWords(withoutFeminineRepeat(label));
      if (words.length === 0) continue;
      const key = `${romeCode}|${[...words].sort().join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ids = words.map((w) => {
        let id = this.vocabulary.get(w);
        if (id === undefined) {
          id = this.vocabulary.size;
          this.vocabulary.set(w, id);
          romesOfWord.push(new Set());
          this.postings.push([]);
          const prefix = w.slice(0, FUZZY_MIN_PREFIX);
          const group = this.vocabularyByPrefix.get(prefix);
          if (group) group.push(w);
          else this.vocabularyByPrefix.set(prefix, [w]);
        }
        romesOfWord[id].add(romeCode);
        return id;
      });
      labelWords.push(ids);
      let rome = romeIndex.get(romeCode);
      if (rome === undefined) {
        rome = this.romeCodes.length;
        romeIndex.set(romeCode, rome);
        this.romeCodes.push(romeCode);
      }
      this.labelRome.push(rome);
    }

    const romeCount = this.romeCodes.length;
    this.romeBest = new Float64Array(romeCount);
    this.romeSupport = new Float64Array(romeCount);
    for (const romes of romesOfWord) this.idf.push(Math.log(1 + romeCount / romes.size));
    // A title word no label knows is usually a school or a topic outside the ROME: weigh it
    // like a fairly rare word so that it lowers, but does not erase, the title's coverage.
    this.unseenWeight = Math.log(1 + romeCount / 3);
    // A job title reduced to one common word ("Technicien R&D" → "technicien") is fully
    // covered by many certifications: matched words must weigh at least as much as a word
    // shared by a few dozen occupations to count in full.
    this.minEvidence = Math.log(1 + romeCount / 25);

    const slotCount = labelWords.reduce((n, ws) => n + ws.length, 0);
    this.slotLabel = new Int32Array(slotCount);
    this.slotWeight = new Float64Array(slotCount);
    this.slotCredit = new Float64Array(slotCount);
    this.labelFirstSlot = new Int32Array(labelWords.length + 1);
    this.labelTotal = new Float64Array(labelWords.length);
    this.labelQueryCredit = new Float64Array(labelWords.length);
    this.labelQueryBest = new Float64Array(labelWords.length);
    this.labelStamp = new Int32Array(labelWords.length);
    let slot = 0;
    labelWords.forEach((ids, label) => {
      this.labelFirstSlot[label] = slot;
      for (const id of ids) {
        this.slotLabel[slot] = label;
        this.slotWeight[slot] = this.idf[id];
        this.labelTotal[label] += this.idf[id];
        this.postings[id].push(slot);
        slot++;
      }
    });
    this.labelFirstSlot[labelWords.length] = slot;
  }

  get labelCount(): number {
    return this.labelRome.length;
  }

  /** The occupations a title points to, best first; empty when nothing fits well enough. */
  match(title: string, options: RomeMatchOptions = {}): RomeMatch[] {
    const maxCodes = options.maxCodes ?? DEFAULT_ROME_MATCH_OPTIONS.maxCodes;
    const minScore = options.minScore ?? DEFAULT_ROME_MATCH_OPTIONS.minScore;
    const minRatioToBest = options.minRatioToBest ?? DEFAULT_ROME_MATCH_OPTIONS.minRatioToBest;
    const words = significantWords(title);
    if (words.length === 0) return [];

    const touchedLabels: number[] = [];
    const touchedSlots: number[] = [];
    let queryTotal = 0;
    for (const word of words) {
      const { matches, weight: titleWeight, matchedWeight: weight } = this.titleWord(word);
      queryTotal += titleWeight;
      const stamp = ++this.stamp;
      const labelsOfWord: number[] = [];
      for (const { word: id, credit } of matches) {
        for (const slot of this.postings[id]) {
          if (this.slotCredit[slot] === 0) touchedSlots.push(slot);
          if (credit > this.slotCredit[slot]) this.slotCredit[slot] = credit;
          const label = this.slotLabel[slot];
          if (this.labelStamp[label] !== stamp) {
            if (this.labelStamp[label] === 0) touchedLabels.push(label);
            this.labelStamp[label] = stamp;
            this.labelQueryBest[label] = credit;
            labelsOfWord.push(label);
          } else if (credit > this.labelQueryBest[label]) this.labelQueryBest[label] = credit;
        }
      }
      for (const label of labelsOfWord) this.labelQueryCredit[label] += weight * this.labelQueryBest[label];
    }

    const touchedRomes: number[] = [];
    let best = 0;
    for (const label of touchedLabels) {
      let covered = 0;
      for (let s = this.labelFirstSlot[label]; s < this.labelFirstSlot[label + 1]; s++) {
        covered += this.slotCredit[s] * this.slotWeight[s];
      }
      const labelCoverage = covered / this.labelTotal[label];
      const titleCoverage = Math.min(1, this.labelQueryCredit[label] / queryTotal);
      const evidence = Math.min(1, covered / this.minEvidence);
      // The job title must be in the certification title; explaining more of the title
      // (not just "technicien" out of "technicien en énergies renouvelables") ranks higher.
      const score = labelCoverage * evidence * (0.5 + 0.5 * titleCoverage);
      const rome = this.labelRome[label];
      if (this.romeSupport[rome] === 0) touchedRomes.push(rome);
      // a tiny floor keeps a zero score from looking untouched
      this.romeSupport[rome] += score + 1e-9;
      if (score > this.romeBest[rome]) this.romeBest[rome] = score;
      if (score > best) best = score;
    }
    for (const label of touchedLabels) {
      this.labelStamp[label] = 0;
      this.labelQueryCredit[label] = 0;
    }
    for (const slot of touchedSlots) this.slotCredit[slot] = 0;
    if (this.stamp > 1e9) this.stamp = 0;

    const floor = Math.max(minScore, best * minRatioToBest);
    const ranked: { code: string; score: number; support: number }[] = [];
    for (const rome of touchedRomes) {
      if (this.romeBest[rome] >= floor) {
        ranked.push({ code: this.romeCodes[rome], score: this.romeBest[rome], support: this.romeSupport[rome] });
      }
      this.romeBest[rome] = 0;
      this.romeSupport[rome] = 0;
    }
    // On a tie, the occupation more of whose job titles share the words is the likelier one.
    ranked.sort((a, b) => b.score - a.score || b.support - a.support || a.code.localeCompare(b.code));
    return ranked.slice(0, maxCodes).map((m) => ({ code: m.code, score: Math.round(m.score * 1000) / 1000 }));
  }

  romeCodesFor(title: string, options?: RomeMatchOptions): string[] {
    return this.match(title, options).map((m) => m.code);
  }

  /** The vocabulary words a title word counts as (itself, and its derived forms at lower credit), and its weight. */
  private titleWord(word: string): TitleWord {
    const cached = this.titleWordCache.get(word);
    if (cached) return cached;
    const matches: WordMatch[] = [];
    const exact = this.vocabulary.get(word);
    if (exact !== undefined) matches.push({ word: exact, credit: 1 });
    for (const candidate of this.vocabularyByPrefix.get(word.slice(0, FUZZY_MIN_PREFIX)) ?? []) {
      if (isDerivedForm(word, candidate)) matches.push({ word: this.vocabulary.get(candidate)!, credit: FUZZY_CREDIT });
    }
    const matchedWeight =
      exact !== undefined ? this.idf[exact] : matches.reduce((max, m) => Math.max(max, this.idf[m.word]), 0);
    const entry = { matches, weight: matches.length ? matchedWeight : this.unseenWeight, matchedWeight };
    this.titleWordCache.set(word, entry);
    return entry;
  }
}

export function buildRomeMatcher(labels: Iterable<RomeLabel>): RomeMatcher {
  return new RomeMatcher(labels);
}
