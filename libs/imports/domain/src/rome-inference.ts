import { foldText, parseCsv } from '@alternance/taxonomy/domain';

/**
 * ROME code of an offer from its title alone, for offers whose feed gives none.
 *
 * Built once from ROME's job titles (appellations, each with its ROME code) and occupation
 * labels, it scores a title against every label sharing a word with it:
 *
 * - the title is normalised first: "H/F", inclusive forms ("Assistant(e)", "Polyvalent·e"),
 *   contract words ("Alternance -", "Apprenti", "Contrat pro"), diploma names ("BTS", "CAP"),
 *   locations in brackets and numbers go; accents and case are folded; feminine and plural
 *   forms are folded onto the masculine singular (vendeuse → vendeur, cheffe → chef);
 *   a few abbreviations and English titles are spelled out (RH, ADV, NDRC, "dev", "B to B");
 * - each word weighs its IDF over the labels (a rare word says more than "agent");
 * - the title's head is its first job noun, a word ROME starts its job titles with
 *   ("Assistant chef de produit" is an assistant); without one, a field word naming a job
 *   noun's trade stands for it ("boulangerie" → "boulanger");
 * - a label scores by how much of the title it explains and how much of itself the title
 *   explains (recall × √precision over the weights), less when it starts with another noun;
 * - ROME codes score by their best label plus a little of their second best;
 * - the answer is unsure when the title has no job noun, when its job noun was read from a
 *   field word that no diploma names, when the best score is low, or when the best code of
 *   another ROME sheet comes close (a sheet and its sub-occupations are not rivals); a title
 *   that is word for word a ROME job title of one sheet only is trusted. Unsure answers still
 *   carry the best guess and the alternatives: the caller flags them for review.
 *
 * Measured and calibrated on tools/eval/rome (`npm run eval -- rome`, see its README).
 */

export interface RomeAppellation {
  /** As published: "Boulanger / Boulangère". */
  label: string;
  romeCode: string;
  /** ROME's "peu usité" flag: a rarely used title, slightly less likely. */
  rare?: boolean;
}

export interface RomeOccupation {
  romeCode: string;
  label: string;
  /** The occupation sheet a ROME 4.0 sub-occupation belongs to (itself when it is one). */
  parentCode?: string;
}

export interface RomeAlternative {
  romeCode: string;
  label: string;
  score: number;
}

export interface RomeInference {
  /** Best ROME code, even when unsure; null when no word of the title is known to ROME. */
  romeCode: string | null;
  /** The occupation's label in ROME. */
  label: string | null;
  /** The job title that matched best ("Boulanger-pâtissier / Boulangère-pâtissière"). */
  matchedTitle: string | null;
  /** Score of the best code, 0 to 1. */
  confidence: number;
  /** (best − best rival family) / best, 0 to 1. */
  margin: number;
  /** True when the answer should be reviewed rather than trusted. */
  unsure: boolean;
  /** The title's job noun ("assistant" in "Assistant chef de produit"); null when it names none. */
  head: string | null;
  /** The title is word for word a ROME job title of the answer's family, and of no other family. */
  exact: boolean;
  /** The job noun was read from a field word ("boulangerie" → "boulanger"). */
  derived: boolean;
  /** The next best codes, best first. */
  alternatives: RomeAlternative[];
}

export interface RomeInferrerOptions {
  /** Below this score the answer is unsure. */
  minConfidence?: number;
  /** Below this margin over the best code of another family the answer is unsure. */
  minMargin?: number;
  /** How many alternatives to return. */
  alternatives?: number;
  /**
   * Synonym groups (search/synonyms.json: `{ synonyms: [...] }`): an acronym of the title that
   * no ROME label uses stands for the long form of its group ("ape" → "analyse et politique
   * économique"), when the group is a single phrase and its acronyms. Mostly diploma
   * specialities, these count only when the title names no job itself.
   */
  synonyms?: readonly { synonyms: readonly string[] }[];
}

export const DEFAULT_MIN_CONFIDENCE = 0.4;
export const DEFAULT_MIN_MARGIN = 0.1;

/** Share of a code's second best label added to its best. */
const SECOND_LABEL_SHARE = 0.1;
/**
 * Label score factor when the label's head noun is not the title's: it is another word of the
 * title, or the title's head is elsewhere in the label, or neither.
 */
const HEAD_IN_TITLE = 0.85;
const HEAD_ELSEWHERE = 0.75;
const HEAD_ABSENT = 0.6;
const RARE_FACTOR = 0.95;
/** A word is a job noun when at least two labels and this share of the labels holding it start with it. */
const HEAD_NOUN_SHARE = 0.1;
/** Occupation labels are ROME's canonical names: a small edge over equivalent job titles. */
const OCCUPATION_FACTOR = 1.02;

const STOP_WORDS = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'dans', 'avec', 'un', 'une', 'the', 'of', 'and', 's']);

/**
 * Words of a feed title that are not the job: contract, gender, seniority, diploma and
 * recruiting words. Dropped from titles only, never from ROME labels.
 */
const TITLE_NOISE = new Set([
  'alternance',
  'alternant',
  'apprenti',
  'apprentissage',
  'apprenticeship',
  'contrat',
  'professionnalisation',
  'cdi',
  'cdd',
  'stage',
  'stagiaire',
  'interim',
  'h',
  'f',
  'm',
  'hf',
  'fh',
  'junior',
  'senior',
  'confirme',
  'debutant',
  'poste',
  'offre',
  'devenez',
  'recrute',
  'recrutons',
  'urgent',
  'cap',
  'bp',
  'bm',
  'bts',
  'bac',
  'bep',
  'but',
  'dut',
  'licence',
  'master',
  'mastere',
  'bachelor',
  'mba',
  'titre',
  'niveau',
  'cqp',
  'diplome',
  'annee',
  'an',
  'mois',
  'groupe',
  'profil',
  'temps',
  'plein',
  'partiel',
]);
/** Diploma words among the noise: a diploma with a trade ("CAP Boulangerie") names that trade's job. */
const DIPLOMAS = new Set(['cap', 'bp', 'bm', 'bts', 'bac', 'bep', 'but', 'dut', 'licence', 'master', 'mastere', 'bachelor', 'mba', 'titre', 'cqp', 'diplome']);
/** Dropped after a diploma or contract word only: "Bac pro", "Contrat pro", "Bac professionnel". */
const AFTER_NOISE = new Set(['pro', 'professionnel']);

/**
 * Abbreviations, diploma specialities and English titles, spelled as ROME words. Keys are
 * folded words or phrases of a title; applied before gender folding.
 */
const EXPANSIONS: ReadonlyArray<readonly [string, string]> = [
  ['account manager', 'commercial grands comptes'],
  ['key account manager', 'commercial grands comptes'],
  ['sales development representative', 'commercial'],
  ['growth marketing', 'marketing digital'],
  ['b to b', 'entreprises'],
  ['b to c', 'particuliers'],
  ['rh', 'ressources humaines'],
  ['grh', 'ressources humaines'],
  ['drh', 'directeur ressources humaines'],
  ['adv', 'administration des ventes'],
  ['dev', 'developpeur'],
  ['engineer', 'ingenieur'],
  ['software', 'logiciel'],
  ['sales', 'commercial'],
  ['sdr', 'commercial'],
  ['webmarketing', 'marketing digital'],
  ['btob', 'entreprises'],
  ['b2b', 'entreprises'],
  ['b2c', 'particuliers'],
  ['qse', 'qualite securite environnement'],
  ['qhse', 'qualite hygiene securite environnement'],
  ['hse', 'hygiene securite environnement'],
  ['qsse', 'qualite securite environnement'],
  ['cvc', 'chauffage ventilation climatisation'],
  ['btp', 'batiment travaux publics'],
  ['tp', 'travaux publics'],
  ['bi', 'business intelligence'],
  ['sav', 'apres vente'],
  ['ndrc', 'commercial'],
  ['advf', 'assistant de vie aux familles'],
  ['aepe', 'accompagnant educatif petite enfance'],
];

/** Inclusive-writing suffixes: "Assistant(e)", "Équipier·ère", "Assistant.e", "cuisinier(ère)". */
const INCLUSIVE = /(\p{L})\s*(?:\(\s*(?:e|es|ne|nes|le|les|se|sse|esse|ère|ere|ères|euse|euses|rice|trice|ice|ive|ienne|enne|fe|ffe|s)\s*\)|[·•‧.](?:e|es|ne|le|se|ère|ere|euse|rice|trice|fe|ffe)(?!\p{L}))/giu;
/** "H/F", "F/H", "(H/F)", "H-F", "M/F". */
const GENDER_TAG = /\(?\b[hfm]\s*[/\\-]\s*[hfm]\b\)?/giu;
/** Brackets holding a digit: "(75)", "(38 - Grenoble)". */
const PLACE_IN_BRACKETS = /[([][^)\]]*\d[^)\]]*[)\]]/gu;
/** "VIE - " (international volunteer contract) at the start: not "assistant de vie". */
const VIE_PREFIX = /^\s*v\.?i\.?e\.?\s*(?=[-–|:])/iu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Feminine and plural forms onto the masculine singular, on folded words: both titles and
 * labels go through it, so an approximate stem is fine as long as it is the same on both sides.
 */
export function foldGender(word: string): string {
  if (word.length < 4) return word;
  let w = word;
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 4) w = w.slice(0, -1);
  const rules: [string, string][] = [
    ['euse', 'eur'],
    ['trice', 'teur'],
    ['rice', 'eur'],
    ['iere', 'ier'],
    ['ere', 'er'],
    ['ienne', 'ien'],
    ['enne', 'en'],
    ['onne', 'on'],
    ['effe', 'ef'],
    ['ee', 'e'],
    ['ale', 'al'],
    ['ive', 'if'],
    ['ante', 'ant'],
    ['ente', 'ent'],
    ['inte', 'int'],
    ['rte', 'rt'],
    ['nde', 'nd'],
  ];
  for (const [from, to] of rules) {
    if (w.endsWith(from) && w.length - from.length >= 2) return w.slice(0, -from.length) + to;
  }
  return w;
}

/** Folded words of a text, hyphenated compounds both split and joined ("technico-commercial"). */
function words(text: string): string[] {
  const folded = foldText(text).replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
  const out: string[] = [];
  for (const chunk of folded.split(/[^a-z0-9-]+/)) {
    if (!chunk) continue;
    const parts = chunk.split('-').filter((p) => p !== '');
    for (const part of parts) out.push(part);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

export interface NormalisedTitle {
  /** Content words in title order, folded (gender, plural), duplicates removed. */
  tokens: string[];
  /** The title names a diploma ("CAP", "BTS", "Master"…). */
  diploma: boolean;
  /** Words of the synonym groups' long forms for the title's acronyms ("BTS NDRC", "CAP AEPE"). */
  fallback: string[];
}

interface Entry {
  code: number;
  label: string;
  head: string;
  weight: number;
  factor: number;
}

export class RomeInferrer {
  private readonly codes: string[] = [];
  private readonly codeLabels: string[] = [];
  private readonly codeFamily: number[] = [];
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly heads = new Set<string>();
  private readonly headsByPrefix = new Map<string, string[]>();
  private readonly expansions = new Map<string, string[]>();
  /** Acronyms from the synonym groups, mostly diploma specialities: read only when the title has no job noun. */
  private readonly acronyms = new Map<string, string[]>();
  private readonly phraseExpansions: { from: RegExp; to: string }[] = [];
  private readonly minConfidence: number;
  private readonly minMargin: number;
  private readonly alternativeCount: number;
  // Scratch space reused by infer(): one slot per label.
  private readonly matched: Float64Array;
  private readonly touched: Int32Array;
  private readonly codeBest: Float64Array;
  private readonly codeSecond: Float64Array;
  private readonly codeEntry: Int32Array;
  private readonly codesTouched: Int32Array;

  constructor(appellations: readonly RomeAppellation[], occupations: readonly RomeOccupation[], options: RomeInferrerOptions = {}) {
    this.minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    this.minMargin = options.minMargin ?? DEFAULT_MIN_MARGIN;
    this.alternativeCount = options.alternatives ?? 3;
    const codeIndex = new Map<string, number>();
    const family = new Map<string, string>();
    const codeOf = (code: string, label?: string): number => {
      let i = codeIndex.get(code);
      if (i === undefined) {
        i = this.codes.length;
        codeIndex.set(code, i);
        this.codes.push(code);
        this.codeLabels.push(label ?? code);
      } else if (label) this.codeLabels[i] = label;
      return i;
    };
    for (const o of occupations) {
      codeOf(o.romeCode, o.label);
      family.set(o.romeCode, o.parentCode || o.romeCode);
    }
    const tokenSets: string[][] = [];
    const add = (label: string, romeCode: string, factor: number) => {
      const tokens = this.labelTokens(label);
      if (tokens.length === 0) return;
      this.entries.push({ code: codeOf(romeCode), label, head: tokens[0], weight: 0, factor });
      tokenSets.push(tokens);
    };
    for (const o of occupations) add(o.label, o.romeCode, OCCUPATION_FACTOR);
    for (const a of appellations) add(a.label, a.romeCode, a.rare ? RARE_FACTOR : 1);
    const familyIndex = new Map<string, number>();
    for (const code of this.codes) {
      const f = family.get(code) ?? code;
      if (!familyIndex.has(f)) familyIndex.set(f, familyIndex.size);
      this.codeFamily.push(familyIndex.get(f)!);
    }
    // Document frequency per word over labels; IDF = ln(N / df) + 0.1, so that no word weighs nothing.
    const headCount = new Map<string, number>();
    tokenSets.forEach((tokens, i) => {
      headCount.set(tokens[0], (headCount.get(tokens[0]) ?? 0) + 1);
      for (const t of tokens) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    // Job nouns: words ROME starts its job titles with, rather than uses as complements
    // ("technicien", "commercial"; not "production", "art", "construction").
    for (const [t, count] of headCount) if (count >= 2 && count / this.postings.get(t)!.length >= HEAD_NOUN_SHARE) this.heads.add(t);
    for (const h of this.heads) {
      if (h.length < 5) continue;
      const key = h.slice(0, 4);
      const list = this.headsByPrefix.get(key);
      if (list) list.push(h);
      else this.headsByPrefix.set(key, [h]);
    }
    const n = this.entries.length;
    for (const [t, list] of this.postings) this.idf.set(t, Math.log(n / list.length) + 0.1);
    tokenSets.forEach((tokens, i) => {
      this.entries[i].weight = tokens.reduce((sum, t) => sum + this.idf.get(t)!, 0);
    });
    for (const [from, to] of EXPANSIONS) this.addExpansion(from, to);
    for (const group of options.synonyms ?? []) {
      const phrases = group.synonyms.filter((s) => /\s/.test(s.trim()));
      if (phrases.length !== 1) continue;
      for (const s of group.synonyms) {
        const acronym = foldText(s.trim());
        // Only acronyms no ROME label uses and no curated entry already spells out.
        if (/^[a-z]{2,6}$/.test(acronym) && !this.postings.has(acronym) && !this.expansions.has(acronym) && !this.acronyms.has(acronym)) this.acronyms.set(acronym, words(phrases[0]));
      }
    }
    this.matched = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.codeBest = new Float64Array(this.codes.length);
    this.codeSecond = new Float64Array(this.codes.length);
    this.codeEntry = new Int32Array(this.codes.length);
    this.codesTouched = new Int32Array(this.codes.length);
  }

  /** From the published CSVs (referentiel_appellation.csv, referentiel_code_rome.csv) and, optionally, synonyms.json. */
  static fromCsv(appellationCsv: string, occupationCsv: string, options: RomeInferrerOptions = {}): RomeInferrer {
    const appellations = [...parseCsv(appellationCsv)].map((row) => ({
      label: row.libelle_appellation_long,
      romeCode: row.code_rome,
      rare: row.peu_usite === 'O',
    }));
    const occupations = [...parseCsv(occupationCsv)].map((row) => ({ romeCode: row.code_rome, label: row.libelle_rome, parentCode: row.code_rome_parent }));
    return new RomeInferrer(appellations, occupations, options);
  }

  /**
   * The job noun whose trade a field word names: the job noun sharing the longest beginning with
   * it, at least 5 letters, leaving at most 5 letters of the field word and 3 of the job noun
   * ("menuiserie" / "menuisier", "comptabilite" / "comptable", "police" / "policier").
   */
  private practitioner(word: string): string | null {
    if (word.length < 5) return null;
    let best: string | null = null;
    let bestLength = 0;
    for (const noun of this.headsByPrefix.get(word.slice(0, 4)) ?? []) {
      let l = 4;
      while (l < word.length && l < noun.length && word.charCodeAt(l) === noun.charCodeAt(l)) l++;
      if (l >= 5 && word.length - l <= 5 && noun.length - l <= 3 && l > bestLength) {
        best = noun;
        bestLength = l;
      }
    }
    return best === word ? null : best;
  }

  private addExpansion(from: string, to: string): void {
    const key = words(from);
    if (key.length === 1) this.expansions.set(key[0], words(to));
    else this.phraseExpansions.push({ from: new RegExp(`(?<![a-z0-9])${key.join('[^a-z0-9]+')}(?![a-z0-9])`, 'g'), to: ` ${to} ` });
  }

  private labelTokens(label: string): string[] {
    const out: string[] = [];
    for (const w of words(label)) {
      if (STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
      const t = foldGender(w);
      if (!out.includes(t)) out.push(t);
    }
    return out;
  }

  /** The title's job words, as infer() sees them. */
  normalise(title: string): NormalisedTitle {
    let text = title.replace(VIE_PREFIX, ' ').replace(INCLUSIVE, '$1').replace(GENDER_TAG, ' ').replace(PLACE_IN_BRACKETS, ' ');
    text = foldText(text).replace(/[œæß]/g, (c) => LIGATURES[c] ?? c);
    for (const { from, to } of this.phraseExpansions) text = text.replace(from, to);
    const tokens: string[] = [];
    let previousNoise = false;
    let diploma = false;
    const fallback: string[] = [];
    for (const w of words(text)) {
      if (/^\d/.test(w) || STOP_WORDS.has(w)) continue;
      if (TITLE_NOISE.has(w) || (previousNoise && AFTER_NOISE.has(w))) {
        previousNoise = true;
        if (DIPLOMAS.has(w)) diploma = true;
        continue;
      }
      previousNoise = false;
      const acronym = this.acronyms.get(w);
      if (acronym) {
        for (const x of acronym) if (!STOP_WORDS.has(x)) fallback.push(foldGender(x));
        continue;
      }
      const expanded = this.expansions.get(w);
      for (const x of expanded ?? [w]) {
        if (STOP_WORDS.has(x)) continue;
        const t = foldGender(x);
        if (!tokens.includes(t)) tokens.push(t);
      }
    }
    return { tokens, diploma, fallback };
  }

  infer(title: string): RomeInference {
    const { tokens, diploma, fallback } = this.normalise(title);
    let head = tokens.find((t) => this.heads.has(t)) ?? null;
    // A diploma speciality's long form counts only when the title names no job itself.
    if (head === null && fallback.length > 0) {
      for (const t of fallback) if (!tokens.includes(t)) tokens.push(t);
      head = tokens.find((t) => this.heads.has(t)) ?? null;
    }
    // No job noun: the first field word that is a job noun's trade ("boulangerie" → "boulanger",
    // "plomberie" → "plombier", "coiffure" → "coiffeur") stands for that job noun.
    let derived = false;
    if (head === null) {
      for (let i = 0; i < tokens.length && head === null; i++) {
        const practitioner = this.practitioner(tokens[i]);
        if (practitioner !== null && !tokens.includes(practitioner)) {
          tokens[i] = practitioner;
          head = practitioner;
          derived = true;
        }
      }
    }
    const known = tokens.filter((t) => this.idf.has(t));
    const none: RomeInference = { romeCode: null, label: null, matchedTitle: null, confidence: 0, margin: 0, unsure: true, head: null, exact: false, derived: false, alternatives: [] };
    if (known.length === 0) return none;
    const titleWeight = known.reduce((sum, t) => sum + this.idf.get(t)!, 0);
    const { matched, touched } = this;
    let count = 0;
    for (const t of known) {
      const w = this.idf.get(t)!;
      for (const e of this.postings.get(t)!) {
        if (matched[e] === 0) touched[count++] = e;
        matched[e] += w;
      }
    }
    // Best and second best label per code, in typed arrays indexed by code.
    const { codeBest, codeSecond, codeEntry, codesTouched } = this;
    let codeCount = 0;
    // Family of the codes whose job titles are exactly the title: -1 none, -2 several families.
    let exactFamily = -1;
    const headPostings = head === null ? null : this.postings.get(head)!;
    for (let i = 0; i < count; i++) {
      const e = touched[i];
      const m = matched[e];
      matched[e] = 0;
      const entry = this.entries[e];
      const recall = m / titleWeight;
      const precision = m / entry.weight;
      let s = recall * Math.sqrt(precision) * entry.factor;
      if (head !== null && entry.head !== head) {
        // The label names another kind of job: one the title also names, one that does the
        // title's job ("Attaché commercial" for "Commercial"), or an unrelated one.
        if (known.includes(entry.head)) s *= HEAD_IN_TITLE;
        else s *= binaryHas(headPostings!, e) ? HEAD_ELSEWHERE : HEAD_ABSENT;
      }
      const c = entry.code;
      // A ROME job title with exactly the title's words (and its head noun first).
      if (m >= titleWeight - 1e-9 && m >= entry.weight - 1e-9 && (head === null || entry.head === head)) {
        const f = this.codeFamily[c];
        if (exactFamily === -1) exactFamily = f;
        else if (exactFamily !== f) exactFamily = -2;
      }
      if (codeBest[c] === 0) {
        codesTouched[codeCount++] = c;
        codeBest[c] = s;
        codeEntry[c] = e;
      } else if (s > codeBest[c]) {
        codeSecond[c] = codeBest[c];
        codeBest[c] = s;
        codeEntry[c] = e;
      } else if (s > codeSecond[c]) codeSecond[c] = s;
    }
    // The best few codes by insertion (no sort, no allocation per code), then the best code of
    // another family than the first.
    const keep = this.alternativeCount + 1;
    const topCodes: number[] = [];
    const topScores: number[] = [];
    for (let i = 0; i < codeCount; i++) {
      const c = codesTouched[i];
      const score = Math.min(1, (codeBest[c] + SECOND_LABEL_SHARE * codeSecond[c]) / (1 + SECOND_LABEL_SHARE * 0.5));
      codeBest[c] = score;
      codeSecond[c] = 0;
      let at = topCodes.length;
      while (at > 0 && (score > topScores[at - 1] || (score === topScores[at - 1] && c < topCodes[at - 1]))) at--;
      if (at < keep) {
        topCodes.splice(at, 0, c);
        topScores.splice(at, 0, score);
        if (topCodes.length > keep) {
          topCodes.pop();
          topScores.pop();
        }
      }
    }
    const first = topCodes[0];
    const family = this.codeFamily[first];
    let rivalScore = 0;
    for (let i = 0; i < codeCount; i++) {
      const c = codesTouched[i];
      if (this.codeFamily[c] !== family && codeBest[c] > rivalScore) rivalScore = codeBest[c];
    }
    for (let i = 0; i < codeCount; i++) codeBest[codesTouched[i]] = 0;
    const topScore = topScores[0];
    const exact = exactFamily === family;
    // Decided on the rounded figures the answer reports, so that a caller can re-apply thresholds.
    const confidence = round(topScore);
    const margin = round((topScore - rivalScore) / topScore);
    return {
      romeCode: this.codes[first],
      label: this.codeLabels[first],
      matchedTitle: this.entries[codeEntry[first]].label,
      confidence,
      margin,
      head,
      exact,
      derived,
      // A title ROME spells word for word, in one occupation family only, is sure. Otherwise a
      // title with no job noun ("marketing", "CAP Petite enfance") names a field or a diploma,
      // not a job; and a low score or a close rival family leaves the answer unsure. A job noun
      // read from a field word is a guess unless a diploma names the field ("CAP Boulangerie").
      unsure: (derived && !diploma) || (!exact && (head === null || confidence < this.minConfidence || margin < this.minMargin)),
      alternatives: topCodes.slice(1).map((c, i) => ({ romeCode: this.codes[c], label: this.codeLabels[c], score: round(topScores[i + 1]) })),
    };
  }
}

/** Postings are built in label order, so they are sorted. */
function binaryHas(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
