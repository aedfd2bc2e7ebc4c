import { SuggestionEntry, SuggestionIndex } from './suggestion-index';
import { LabelTerms, labelTerms, parseSuggestionQuery } from './suggestion-text';
import { acceptsTypos, hasDigit, maxTypos, typoDistance } from './suggestion-typos';

type Kind = 'JOB' | 'PLACE';
interface Item {
  label: string;
}

const KINDS: Kind[] = ['JOB', 'PLACE'];
const ALIASES = { PLACE: new Map([['st', 'saint']]) };

let keys = 0;
const job = (text: string): SuggestionEntry<Kind, Item> => ({ kind: 'JOB', text, key: String(keys++).padStart(6, '0'), item: { label: text } });
const place = (text: string, postcode: string, weight = 1): SuggestionEntry<Kind, Item> => ({
  kind: 'PLACE',
  text,
  extra: [postcode],
  weight,
  key: `${text}|${postcode}`,
  item: { label: `${text} (${postcode})` },
});

function index(entries: SuggestionEntry<Kind, Item>[]): SuggestionIndex<Kind, Item> {
  return SuggestionIndex.build(entries, { kinds: KINDS, aliases: ALIASES });
}

const labels = (idx: SuggestionIndex<Kind, Item>, text: string, first = 10, kinds?: Kind[]) =>
  idx.suggest(parseSuggestionQuery(text), { first, kinds }).map((h) => h.item.label);

const CATALOGUE = index([
  job('Boulanger / Boulangère'),
  job('Chef boulanger / Cheffe boulangère'),
  job('Boulanger-pâtissier-traiteur / Boulangère-pâtissière-traiteuse'),
  job('Développeur / Développeuse web'),
  job('Développeur / Développeuse mobile'),
  job('Webmaster développeur'),
  job("Aide d'élevage agricole"),
  job('Marin'),
  job('Marine marchande'),
  job('Matin'),
  place('Béziers', '34500', 1),
  place('Villeneuve-lès-Béziers', '34420', 1),
  place('Saint-Étienne', '42000', 2),
  place('St Etienne De Tulmont', '82410', 1),
  place("L'Isle-Adam", '95290', 1),
  place('Lisle', '24350', 1),
  place('Lyon 03', '69003', 1),
  place('Lyons-la-Forêt', '27480', 1),
  place('Beaumont', '63110', 1),
  place('Beaumont', '82500', 1),
  place('Beaumont', '07110', 3),
]);

describe('SuggestionIndex: matching', () => {
  it('folds case and accents both ways', () => {
    expect(labels(CATALOGUE, 'beziers')).toEqual(['Béziers (34500)', 'Villeneuve-lès-Béziers (34420)']);
    expect(labels(CATALOGUE, 'BÉZIERS')).toEqual(['Béziers (34500)', 'Villeneuve-lès-Béziers (34420)']);
    expect(labels(CATALOGUE, 'eleva')).toEqual(["Aide d'élevage agricole"]);
  });

  it('matches every typed word to a word of the label, each by its start', () => {
    expect(labels(CATALOGUE, 'dev web')).toEqual(['Développeur / Développeuse web', 'Webmaster développeur']);
    // the same two: an exact word (web) beats a second start of a word, even at the label's start
    expect(labels(CATALOGUE, 'web dev')).toEqual(['Développeur / Développeuse web', 'Webmaster développeur']);
    expect(labels(CATALOGUE, 'dev web mobile')).toEqual([]);
  });

  it('tolerates typos on whole words by the typed word’s length', () => {
    expect(labels(CATALOGUE, 'boulangre', 1)).toEqual(['Boulanger / Boulangère']);
    // 4 letters: no typo
    expect(labels(CATALOGUE, 'lyin')).toEqual([]);
    // 8 letters: one typo, not two
    expect(labels(CATALOGUE, 'bezeirs')).toEqual(['Béziers (34500)', 'Villeneuve-lès-Béziers (34420)']);
    expect(labels(CATALOGUE, 'bziers')).toEqual(['Béziers (34500)', 'Villeneuve-lès-Béziers (34420)']);
    expect(labels(CATALOGUE, 'bzeires')).toEqual([]);
    // a word still being typed, with a typo in what is typed so far
    expect(labels(CATALOGUE, 'boulnag', 1)).toEqual(['Boulanger / Boulangère']);
    expect(labels(CATALOGUE, 'eleve')).toEqual(["Aide d'élevage agricole"]);
    expect(labels(CATALOGUE, 'eleve ')).toEqual([]);
  });

  it('treats hyphens and apostrophes as separators, and finds an elision typed without its apostrophe', () => {
    expect(labels(CATALOGUE, 'saint etienne')).toEqual(['Saint-Étienne (42000)', 'St Etienne De Tulmont (82410)']);
    expect(labels(CATALOGUE, 'st-étienne')).toEqual(['St Etienne De Tulmont (82410)']);
    expect(labels(CATALOGUE, "l'isle")).toEqual(["L'Isle-Adam (95290)"]);
    expect(labels(CATALOGUE, 'lisle')).toEqual(['Lisle (24350)', "L'Isle-Adam (95290)"]);
  });

  it('finds a place by its postcode', () => {
    expect(labels(CATALOGUE, '6900')).toEqual(['Lyon 03 (69003)']);
  });

  it('asks for the whole last word when the text ends with a separator', () => {
    expect(labels(CATALOGUE, 'lyon')).toEqual(['Lyon 03 (69003)', 'Lyons-la-Forêt (27480)']);
    expect(labels(CATALOGUE, 'lyon ')).toEqual(['Lyon 03 (69003)']);
  });

  it('answers nothing for text without a letter or digit', () => {
    expect(labels(CATALOGUE, " -' ")).toEqual([]);
  });
});

describe('SuggestionIndex: ranking', () => {
  it('puts exact words before starts of words, and those before typos, whatever the lengths', () => {
    expect(labels(CATALOGUE, 'marine', 10, ['JOB'])).toEqual(['Marine marchande', 'Marin']);
    expect(labels(CATALOGUE, 'marin', 10, ['JOB'])).toEqual(['Marin', 'Marine marchande', 'Matin']);
    const hits = CATALOGUE.suggest(parseSuggestionQuery('marin'), { first: 3, kinds: ['JOB'] });
    expect(hits.map((h) => h.match)).toEqual([
      { typos: 0, prefixes: 0, starts: true },
      { typos: 0, prefixes: 1, starts: true },
      { typos: 1, prefixes: 0, starts: true },
    ]);
  });

  it('puts labels starting with the typed text first, then shorter labels', () => {
    expect(labels(CATALOGUE, 'boulanger')).toEqual([
      'Boulanger / Boulangère',
      'Boulanger-pâtissier-traiteur / Boulangère-pâtissière-traiteuse',
      'Chef boulanger / Cheffe boulangère',
    ]);
  });

  it('puts bigger places first among labels of one length, then keeps one stable order', () => {
    expect(labels(CATALOGUE, 'beaumont')).toEqual(['Beaumont (07110)', 'Beaumont (63110)', 'Beaumont (82500)']);
  });
});

describe('SuggestionIndex: kinds and interleaving', () => {
  const mixed = index([
    job('Lyonnaise de banque'),
    job('Lyonnais agent'),
    job('Lyonnais chef'),
    job('Lyonnais a'),
    place('Lyon 01', '69001'),
    place('Lyon 02', '69002'),
  ]);

  it('serves only the kinds asked for', () => {
    expect(labels(mixed, 'lyon', 10, ['PLACE'])).toEqual(['Lyon 01 (69001)', 'Lyon 02 (69002)']);
  });

  it('orders kinds together by match then length, each within a cap while others have more to show', () => {
    expect(labels(mixed, 'lyonnais', 3)).toEqual(['Lyonnais a', 'Lyonnais chef', 'Lyonnais agent']);
    // first 4: at most 2 of a kind while the other kind still has suggestions
    expect(labels(mixed, 'lyon', 4)).toEqual(['Lyon 01 (69001)', 'Lyon 02 (69002)', 'Lyonnais a', 'Lyonnais chef']);
    // the cap gives way when the other kinds run out
    expect(labels(mixed, 'lyon', 5)).toEqual(['Lyon 01 (69001)', 'Lyon 02 (69002)', 'Lyonnais a', 'Lyonnais chef', 'Lyonnais agent']);
    expect(mixed.suggest(parseSuggestionQuery('lyon'), { first: 4, perKindCap: 1 }).map((h) => h.kind)).toEqual(['PLACE', 'JOB', 'PLACE', 'JOB']);
  });
});

/** Mulberry32, for reproducible random catalogues and queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ranking as specified, computed the slow way: every entry scored against every typed word. */
function reference(entries: SuggestionEntry<Kind, Item>[], termsOf: Map<SuggestionEntry<Kind, Item>, LabelTerms>, text: string, kind: Kind, first: number): string[] {
  const query = parseSuggestionQuery(text);
  const scored = entries.flatMap((entry) => {
    if (entry.kind !== kind || !query.words.length) return [];
    const terms = termsOf.get(entry)!;
    const costOf = (word: string, prefix: boolean, typosOnStart: boolean, candidates: string[]) => {
      let best = -1;
      const allowed = hasDigit(word) ? 0 : maxTypos(word.length);
      for (const term of candidates) {
        let cost = -1;
        if (term === word) cost = 0;
        else if (prefix && term.startsWith(word)) cost = 1;
        else if (allowed) {
          for (let d = 1; d <= allowed && cost < 0; d++) {
            if (acceptsTypos(term) && typoDistance(word, term, allowed) === d) cost = 64 * d;
            else if (typosOnStart && [...term].some((_, at) => typoDistance(word, term.slice(0, at + 1), allowed) === d)) cost = 64 * d + 1;
          }
        }
        if (cost >= 0 && (best < 0 || cost < best)) best = cost;
      }
      return best;
    };
    let total = 0;
    const last = query.words.length - 1;
    for (let i = 0; i <= last; i++) {
      const cost = costOf(query.words[i], i < last || query.lastIsPrefix, i === last && query.lastIsPrefix, terms.terms);
      if (cost < 0) return [];
      total += cost;
    }
    const starts = costOf(query.words[0], last > 0 || query.lastIsPrefix, last === 0 && query.lastIsPrefix, terms.lead) >= 0;
    const folded = terms.words.join(' ');
    return [{ entry, rank: [total, starts ? 0 : 1, folded.length, -(entry.weight ?? 0)], folded }];
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0;
  });
  return scored.slice(0, first).map((s) => s.entry.key);
}

describe('SuggestionIndex against the specified ranking computed the slow way', () => {
  it('gives the same suggestions in the same order for random catalogues and queries', () => {
    const next = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const lexicon = ['agent', 'agente', 'aide', 'boulanger', 'boulangère', 'chef', 'cheffe', 'de', 'des', 'd', 'l', 'élevage', 'éleveur', 'marin', 'marine', 'mairie', 'saint', 'st', 'étienne', 'isle', 'île', 'développeur', 'développeuse', 'web', 'mobile', 'technicien', 'technique', 'maintenance', 'logistique', 'transport', 'sur', 'mer', 'lès', 'béziers', 'lyon', 'lyonnais'];
    const entries: SuggestionEntry<Kind, Item>[] = [];
    for (let i = 0; i < 1000; i++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(lexicon));
      const separators = [' ', '-', "'", ' / '];
      const text = words.map((w, j) => (j ? pick(separators) : '') + (next() < 0.2 ? w.toUpperCase() : w)).join('');
      entries.push(
        next() < 0.5
          ? { kind: 'JOB', text, key: `j${i}`, item: { label: text } }
          : { kind: 'PLACE', text, extra: [String(10000 + Math.floor(next() * 90000))], weight: Math.floor(next() * 3), key: `p${i}`, item: { label: text } },
      );
    }
    const idx = SuggestionIndex.build(entries, { kinds: KINDS, aliases: ALIASES });
    const termsOf = new Map(entries.map((e) => [e, labelTerms(e.text, e.kind === 'PLACE' ? ALIASES.PLACE : undefined, e.extra)]));
    const keyOf = new Map(entries.map((e) => [e.item, e.key]));
    const typo = (word: string) => {
      const at = Math.floor(next() * word.length);
      return word.slice(0, at) + pick(['a', 'e', 'r', '']) + word.slice(at + 1);
    };
    let compared = 0;
    for (let q = 0; q < 250; q++) {
      const source = pick(entries).text.split(/[\s'/-]+/).filter(Boolean);
      const words = source.slice(Math.floor(next() * source.length)).slice(0, 1 + Math.floor(next() * 3));
      if (next() < 0.3) words[0] = typo(words[0]);
      const last = words.length - 1;
      if (next() < 0.6) words[last] = words[last].slice(0, 1 + Math.floor(next() * words[last].length));
      const text = words.join(pick([' ', '-', "'"])) + (next() < 0.15 ? ' ' : '');
      for (const kind of KINDS) {
        const first = 1 + Math.floor(next() * 12);
        const got = idx.suggest(parseSuggestionQuery(text), { first, kinds: [kind] }).map((h) => keyOf.get(h.item));
        expect({ text, kind, keys: got }).toEqual({ text, kind, keys: reference(entries, termsOf, text, kind, first) });
        compared += got.length;
      }
    }
    // the queries must have found things, or the comparison proves nothing
    expect(compared).toBeGreaterThan(1500);
  });

  it('builds the same index in slices, pausing between them', async () => {
    const entries: SuggestionEntry<Kind, Item>[] = [];
    for (let i = 0; i < 20_000; i++) entries.push(i % 2 ? job(`Agent ${i} de maintenance`) : place(`Saint-Lieu ${i}`, String(10000 + i)));
    let pauses = 0;
    const sliced = await SuggestionIndex.buildInSlices(entries, { kinds: KINDS, aliases: ALIASES }, async () => {
      pauses++;
    });
    const whole = index(entries);
    // several pauses while preparing the entries, then between the layout's steps
    expect(pauses).toBeGreaterThan(4);
    expect(sliced.stats).toEqual(whole.stats);
    expect(whole.suggest(parseSuggestionQuery('agent 1234'), { first: 10 }).length).toBeGreaterThan(0);
    for (const text of ['agent 1234', 'st lieu 77', 'maintenanse', '1001']) {
      expect(sliced.suggest(parseSuggestionQuery(text), { first: 10 })).toEqual(whole.suggest(parseSuggestionQuery(text), { first: 10 }));
    }
  });
});
