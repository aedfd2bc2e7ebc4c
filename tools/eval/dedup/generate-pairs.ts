/**
 * Builds the labelled pairs of the deduplication evaluation (tools/eval/dedup/pairs.jsonl and
 * heldout.jsonl) from real material, with a fixed seed so that the draw can be repeated:
 *
 *   node tools/build.mjs && node dist/tools/eval/dedup/generate-pairs.js [--data <dir>] [--seed 18] [--heldout-seed 1018] [--count 440]
 *
 * Material: the real offers of the partner-feed samples (read through their readers), the real
 * offers of the keyword corpus (title = first keyword that is not a contract word, mission =
 * its other keywords), the communes of laposte_hexasmal.csv. The corpus and the communes are
 * split in two halves by a hash of their text: the main set draws from one half, the held-out
 * set from the other, so that no title, mission or commune of one appears in the other (the
 * sample offers, too few to split, are in both, rendered differently). Every pair is two
 * offers as two partners would publish them; how each kind is built and why it is labelled so
 * is in the README.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '@alternance/taxonomy/domain';
import { Gazetteer, PartnerOffer, normaliseTitle, readerFor, sourceOfFileName } from '@alternance/imports/domain';
import { repositoryRoot } from '../evaluate';
import { offerTitle, seededRandom } from '../rome/sample-titles';
import { DedupPair, PublishedOffer } from './dedup-metrics';
import { loadGazetteer } from './dedup-eval';

type Random = () => number;

/** A commune as a partner may name it: INSEE code, one of its postcodes, its name as written. */
export interface CommuneRow {
  inseeCode: string;
  postcode: string;
  /** As a person writes it: "Saint-Étienne" is not in the file, "SAINT ETIENNE" → "Saint Etienne". */
  name: string;
}

export interface CorpusOffer {
  title: string;
  keywords: string[];
}

export interface Material {
  samples: { source: string; offer: PartnerOffer }[];
  gazetteer: Gazetteer;
  corpus: CorpusOffer[];
  communes: CommuneRow[];
}

/** The offer behind its publications: what every partner copies, each in its own way. */
interface BaseOffer {
  employer: { name: string | null; siret: string | null };
  title: string;
  commune: CommuneRow;
  startDate: string | null;
  /** Blocks in order: a paragraph is a string, a list an array of items. */
  blocks: (string | string[])[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number) => random() < p;
const intBetween = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Half 0 or 1 of the material, by a hash of its text. */
export function halfOf(text: string): 0 | 1 {
  return (createHash('sha1').update(text).digest()[0] & 1) as 0 | 1;
}

/** A 14-digit SIRET with a valid Luhn key, from a 9-digit SIREN and an establishment number. */
export function makeSiret(siren: string, establishment: number): string {
  const body = `${siren}${String(establishment).padStart(4, '0')}`;
  for (let key = 0; key < 10; key++) {
    const candidate = `${body}${key}`;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Employers that hire in many shops or sites: one presentation, many offers. */
const CHAINS: { name: string; variants: string[]; sector: string }[] = [
  { name: 'Decathlon', variants: ['DECATHLON', 'Decathlon'], sector: 'la distribution d’articles de sport' },
  { name: 'La Poste', variants: ['LA POSTE', 'La Poste'], sector: 'le courrier, le colis et les services de proximité' },
  { name: 'Auchan', variants: ['AUCHAN', 'Auchan'], sector: 'la grande distribution alimentaire' },
  { name: 'Carrefour', variants: ['CARREFOUR', 'Carrefour'], sector: 'la grande distribution alimentaire' },
  { name: 'Leroy Merlin', variants: ['LEROY MERLIN', 'Leroy-Merlin'], sector: 'le bricolage et l’aménagement de la maison' },
  { name: 'Intermarché', variants: ['INTERMARCHE', 'Intermarche'], sector: 'la distribution alimentaire indépendante' },
  { name: 'Norauto', variants: ['NORAUTO', 'Norauto'], sector: 'l’entretien automobile' },
  { name: 'Crédit Agricole', variants: ['CREDIT AGRICOLE', 'Crédit agricole'], sector: 'la banque de proximité' },
  { name: 'Orange', variants: ['ORANGE', 'orange'], sector: 'les télécommunications' },
  { name: 'Kiabi', variants: ['KIABI', 'Kiabi'], sector: 'le prêt-à-porter' },
  { name: 'Boulanger', variants: ['BOULANGER', 'Boulanger'], sector: 'l’électroménager et le multimédia' },
  { name: 'Picard', variants: ['PICARD', 'Picard'], sector: 'les produits surgelés' },
  { name: 'Korian', variants: ['KORIAN', 'Korian'], sector: 'l’accompagnement des personnes âgées' },
  { name: 'Vinci Construction', variants: ['VINCI CONSTRUCTION', 'Vinci construction'], sector: 'le bâtiment et les travaux publics' },
  { name: 'Sodexo', variants: ['SODEXO', 'Sodexo'], sector: 'la restauration collective' },
  { name: 'Adecco', variants: ['ADECCO', 'Adecco'], sector: 'le travail temporaire et le recrutement' },
];

/** Small employers: a trade and a family name, as in the directories. */
const TRADES = ['Boulangerie', 'Garage', 'Pharmacie', 'Cabinet', 'Atelier', 'Menuiserie', 'Salon', 'Restaurant', 'Transports', 'Agence', 'Clinique', 'Hôtel', 'Boucherie', 'SARL', 'SAS'];
const NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand'];

const PRESENTATION = [
  '{name} est un acteur reconnu dans {sector} depuis plus de {n} ans.',
  'Avec {m} collaborateurs répartis sur {k} sites en France, {name} place l’humain au cœur de son projet.',
  'Rejoindre {name}, c’est intégrer une entreprise qui forme chaque année ses futurs talents par l’alternance.',
  'Nos équipes accompagnent chaque jour nos clients avec exigence, bienveillance et sens du service.',
  'Entreprise engagée, {name} agit pour l’inclusion, la diversité et l’égalité des chances : tous nos postes sont ouverts aux personnes en situation de handicap.',
  'Notre ambition : faire de chaque alternant un futur collaborateur, avec un tuteur dédié et un parcours d’intégration complet.',
  'Implantée dans {region}, {name} poursuit son développement et renforce ses équipes.',
  'Nous croyons à la transmission des savoir-faire et à la progression de chacun, quel que soit son parcours.',
];
const BENEFITS = [
  'Rémunération selon la grille légale de l’apprentissage, majorée selon votre âge et votre année de formation.',
  'Tickets restaurant, prise en charge de 50 % de l’abonnement de transport et mutuelle d’entreprise.',
  'Un tuteur vous accompagne tout au long de votre contrat, avec des points réguliers avec votre école.',
  'Possibilité d’embauche à l’issue de la formation.',
  'Rythme d’alternance défini avec votre établissement de formation.',
];
const MISSION_INTROS = [
  'Au sein de l’équipe {team}, vous aurez pour missions :',
  'Vos missions :',
  'Accompagné(e) de votre tuteur, vous participerez aux activités suivantes :',
  'Rattaché(e) au responsable {team}, vous prendrez en charge :',
  'Au quotidien, vous serez amené(e) à :',
];
const TEAMS = ['commerce', 'exploitation', 'administration', 'technique', 'production', 'clients', 'ressources humaines', 'logistique', 'marketing', 'support'];
const PROFILE_INTROS = ['Profil recherché :', 'Vous préparez un diplôme en alternance et vous avez :', 'Ce que nous attendons de vous :', 'Votre profil :'];

/** Paragraphs partners add around an offer they relay. */
const PARTNER_BLURBS = [
  'Offre diffusée sur {partner}, le site de l’emploi en alternance. Créez votre compte pour postuler en un clic et suivre vos candidatures.',
  'Cette annonce vous est proposée par {partner}. Retrouvez des milliers d’offres d’apprentissage et de contrats de professionnalisation près de chez vous.',
  'Postulez directement sur {partner} : votre CV est transmis au recruteur, qui vous répondra sous quinze jours.',
  'Référence de l’offre à rappeler dans votre candidature. Annonce relayée par {partner}.',
  'Vous n’avez pas encore trouvé votre école ? {partner} vous aide à trouver la formation qui correspond à cette offre.',
];

/** How each partner dresses a title, places an offer, dates it and writes its text. */
interface Style {
  source: string;
  label: string;
  title: (title: string, random: Random) => string;
  place: 'insee' | 'postcode-city' | 'city';
  startDate: 'kept' | 'none' | 'first-of-month';
  text: 'html' | 'text';
  bullets?: string;
  /** Characters kept of the text, if the partner publishes a snippet. */
  snippet?: [number, number];
}

const feminine = (title: string) =>
  title
    .replace(/\b(\p{L}+)eur\b/u, '$1eur·euse')
    .replace(/\b(\p{L}+)ier\b/u, '$1ier·ère')
    .replace(/\b(\p{L}+)ant\b/u, '$1ant·e');

const STYLES: Style[] = [
  { source: 'hellowork-buddi', label: 'Hellowork', title: (t) => `ALTERNANCE - ${t}`, place: 'postcode-city', startDate: 'none', text: 'html' },
  { source: 'apec', label: 'l’Apec', title: (t) => `${t} F/H`, place: 'insee', startDate: 'none', text: 'html' },
  { source: 'laposte', label: 'La Poste Recrute', title: (t) => `Alternance ${t} F/H`, place: 'insee', startDate: 'none', text: 'html' },
  { source: 'pass', label: 'la Place de l’emploi public', title: (t) => `APPRENTI(E) - ${t}`, place: 'city', startDate: 'first-of-month', text: 'html' },
  { source: 'engagement-jeunes', label: 'Engagement Jeunes', title: (t) => `${t} en alternance (F/H)`, place: 'postcode-city', startDate: 'none', text: 'text', bullets: '- ' },
  { source: 'leboncoin', label: 'leboncoin', title: (t) => `ALTERNANCE - ${t.toUpperCase()} F/H`, place: 'postcode-city', startDate: 'none', text: 'text', bullets: '• ' },
  { source: 'jobteaser', label: 'JobTeaser', title: (t) => `Alternance - ${t} - H/F`, place: 'city', startDate: 'none', text: 'html' },
  { source: 'kelio', label: 'Kelio', title: (t) => `Alternance | ${t} H/F`, place: 'postcode-city', startDate: 'kept', text: 'html' },
  { source: 'decathlon', label: 'Decathlon', title: (t, r) => (chance(r, 0.5) ? `ALTERNANCE ${t} (H/F)` : `${feminine(t)} H/F`), place: 'postcode-city', startDate: 'kept', text: 'html' },
  { source: 'clever-connect', label: 'Clever Connect', title: (t, r) => (chance(r, 0.5) ? `${t.toUpperCase()} H/F` : `${t} (H/F)`), place: 'postcode-city', startDate: 'kept', text: 'html' },
  { source: 'jooble', label: 'Jooble', title: (t) => t, place: 'city', startDate: 'none', text: 'text', snippet: [500, 900] },
  { source: 'edf', label: 'EDF', title: (t) => `Alternance - ${t} F/H`, place: 'city', startDate: 'kept', text: 'html' },
  { source: 'france-travail', label: 'France Travail', title: (t) => `${t} (H/F)`, place: 'postcode-city', startDate: 'kept', text: 'text', bullets: '* ' },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderBlocks(blocks: (string | string[])[], style: Style): string {
  if (style.text === 'html') {
    return blocks.map((b) => (typeof b === 'string' ? `<p>${escapeHtml(b)}</p>` : `<ul>${b.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`)).join('\n');
  }
  return blocks.map((b) => (typeof b === 'string' ? b : b.map((i) => `${style.bullets ?? '- '}${i}`).join('\n'))).join('\n\n');
}

/** A commune name as a partner writes it: "SAINT ETIENNE" → "Saint Etienne", arrondissements "Lyon 03" → "Lyon". */
function cityOf(commune: CommuneRow): string {
  return commune.name.replace(/ \d+$/, '');
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What changes between two publications of one offer, beyond each partner's own style. */
export interface Variation {
  blurb?: boolean;
  truncate?: boolean;
  dropPresentation?: boolean;
  dropBenefits?: boolean;
  dateShift?: number;
  noDate?: boolean;
  editSentence?: boolean;
}

function publish(base: BaseOffer, style: Style, random: Random, variation: Variation = {}): PublishedOffer {
  let blocks = [...base.blocks];
  if (variation.dropPresentation && typeof blocks[0] === 'string' && blocks.length > 3) blocks = blocks.slice(1);
  if (variation.dropBenefits && blocks.length > 3 && typeof blocks[blocks.length - 1] === 'string') blocks = blocks.slice(0, -1);
  if (variation.editSentence) {
    const at = blocks.findIndex((b) => typeof b === 'string');
    if (at >= 0) blocks[at] = `${blocks[at] as string} Démarrage : ${base.startDate ? base.startDate.slice(5, 7) + '/' + base.startDate.slice(0, 4) : 'dès que possible'}.`;
  }
  let description = renderBlocks(blocks, style);
  // A snippet reaches past the first paragraph (the company presentation, most often): a cut that
  // keeps only boilerplate leaves nothing to judge the pair by, for a person or for a rule.
  const head = renderBlocks(blocks.slice(0, 1), style).length + 150;
  const snippet = style.snippet ?? (variation.truncate ? ([Math.floor(description.length * 0.55), Math.floor(description.length * 0.8)] as [number, number]) : undefined);
  if (snippet) {
    const cut = Math.min(description.length, Math.max(head, intBetween(random, snippet[0], snippet[1])));
    const space = description.lastIndexOf(' ', cut);
    description = `${description.slice(0, space > 0 ? space : cut)}…`;
    // A snippet cut inside a tag keeps no half tag.
    description = description.replace(/<[^>]*…$/, '…');
  }
  if (variation.blurb) {
    const blurb = pick(random, PARTNER_BLURBS).replace('{partner}', style.label);
    const para = style.text === 'html' ? `<p>${escapeHtml(blurb)}</p>` : blurb;
    description = chance(random, 0.5) ? `${description}\n${para}` : `${para}\n${description}`;
  }
  let startDate = base.startDate;
  if (startDate && variation.dateShift) startDate = addDays(startDate, variation.dateShift);
  if (style.startDate === 'none' || variation.noDate) startDate = null;
  else if (style.startDate === 'first-of-month' && startDate) startDate = `${startDate.slice(0, 8)}01`;
  const c = base.commune;
  const location =
    style.place === 'insee'
      ? { inseeCode: c.inseeCode, postcode: null, city: cityOf(c) }
      : style.place === 'postcode-city'
        ? { inseeCode: null, postcode: c.postcode, city: cityOf(c) }
        : { inseeCode: null, postcode: null, city: cityOf(c) };
  return { source: style.source, employer: { ...base.employer }, title: style.title(base.title, random), location, startDate, description };
}

/** Turns a sample offer's sanitized HTML back into blocks. */
function blocksOfHtml(html: string): (string | string[])[] {
  const out: (string | string[])[] = [];
  const text = (s: string) =>
    s
      .replace(/<[^>]*>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  for (const m of html.matchAll(/<ul>([\s\S]*?)<\/ul>|<ol>([\s\S]*?)<\/ol>|<p>([\s\S]*?)<\/p>/g)) {
    const list = m[1] ?? m[2];
    if (list !== undefined) {
      const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((i) => text(i[1])).filter(Boolean);
      if (items.length) out.push(items);
    } else {
      const t = text(m[3]);
      if (t) out.push(t);
    }
  }
  return out.length ? out : [text(html)];
}

/** A sample title without its partner's dressing: "ALTERNANCE - Boucher F/H" → "Boucher". */
export function bareTitle(title: string): string {
  return title
    .replace(/^\s*(alternance|apprenti\(e\)|contrat d'apprentissage)\s*[-|:]?\s*/i, '')
    .replace(/\s*[-(]?\s*\b[HF]\s*\/\s*[HF]\b\)?\s*$/i, '')
    .replace(/\s+en alternance\b/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function randomDay(random: Random): string {
  const year = pick(random, [2026, 2027]);
  const month = pick(random, ['09', '09', '09', '10', '01', '03']);
  const day = pick(random, ['01', '01', '02', '15', '08']);
  return `${year}-${month}-${day}`;
}

interface Employer {
  name: string;
  variants: string[];
  siren: string;
  presentation: string;
  benefits: string;
  chain: boolean;
}

function makeEmployer(random: Random, communeRegion: string, chainIndex?: number): Employer {
  const chain = chainIndex === undefined ? null : CHAINS[chainIndex];
  const name = chain ? chain.name : `${pick(random, TRADES)} ${pick(random, NAMES)}`;
  const fill = (s: string) =>
    s
      .replace(/\{name\}/g, name)
      .replace('{sector}', chain?.sector ?? pick(random, ['l’artisanat', 'son métier', 'son secteur', 'la relation client']))
      .replace('{n}', String(intBetween(random, 5, 60)))
      .replace('{m}', String(intBetween(random, 12, 90000)))
      .replace('{k}', String(intBetween(random, 2, 900)))
      .replace('{region}', communeRegion);
  const presentation = shuffled(random, PRESENTATION).slice(0, intBetween(random, 3, 6)).map(fill).join(' ');
  const benefits = shuffled(random, BENEFITS).slice(0, intBetween(random, 2, 4)).join(' ');
  const siren = String(intBetween(random, 300000000, 999999999));
  return { name, variants: chain ? chain.variants : [name.toUpperCase(), name], siren, presentation, benefits, chain: !!chain };
}

function missionBlocks(random: Random, keywords: string[], count: [number, number]): (string | string[])[] {
  const kept = keywords.filter((k) => k.length > 2).slice(0, intBetween(random, count[0], count[1]));
  const profile = keywords.slice(kept.length, kept.length + intBetween(random, 2, 5));
  const blocks: (string | string[])[] = [pick(random, MISSION_INTROS).replace('{team}', pick(random, TEAMS)), kept.map((k) => k.charAt(0).toUpperCase() + k.slice(1))];
  if (profile.length) blocks.push(`${pick(random, PROFILE_INTROS)} ${profile.join(', ')}.`);
  return blocks;
}

interface Generator {
  random: Random;
  /** This half's corpus offers, by normalised title, and the titles with two offers or more. */
  corpus: CorpusOffer[];
  byTitle: Map<string, CorpusOffer[]>;
  sharedTitles: string[];
  /** This half's communes, and groups of communes sharing one postcode. */
  communes: CommuneRow[];
  sharedPostcodes: CommuneRow[][];
  /** Every commune, to place the sample offers. */
  allCommunes: CommuneRow[];
  samples: Material['samples'];
  /** Pairs of distinct sample offers of one employer, with why they are distinct. */
  sampleNegatives: [Material['samples'][number], Material['samples'][number], string][];
}

function baseOffer(g: Generator, options: { employer?: Employer; corpus?: CorpusOffer; commune?: CommuneRow; startDate?: string | null; establishment?: number; missions?: [number, number] } = {}): { base: BaseOffer; employer: Employer; corpus: CorpusOffer } {
  const r = g.random;
  const commune = options.commune ?? pick(r, g.communes);
  const employer = options.employer ?? makeEmployer(r, cityOf(commune), chance(r, 0.5) ? Math.floor(r() * CHAINS.length) : undefined);
  const corpus = options.corpus ?? pick(r, g.corpus);
  const withSiret = chance(r, 0.5);
  const base: BaseOffer = {
    employer: { name: pick(r, employer.variants), siret: withSiret ? makeSiret(employer.siren, options.establishment ?? intBetween(r, 1, 400)) : null },
    title: corpus.title,
    commune,
    startDate: options.startDate === undefined ? (chance(r, 0.8) ? randomDay(r) : null) : options.startDate,
    blocks: [employer.presentation, ...missionBlocks(r, corpus.keywords, options.missions ?? [5, 14]), employer.benefits],
  };
  return { base, employer, corpus };
}

/** Two partners' styles, different sources. */
function twoStyles(random: Random): [Style, Style] {
  const [a, b] = shuffled(random, STYLES);
  return [a, b];
}

/** The other publication's employer: the same SIRET, or the same name spelt otherwise (folding equal), never SIRET on one side and name only on the other. */
function employerAsOther(base: BaseOffer, employer: Employer, random: Random): BaseOffer['employer'] {
  if (base.employer.siret) return { name: chance(random, 0.3) ? null : pick(random, employer.variants), siret: base.employer.siret };
  return { name: pick(random, employer.variants), siret: null };
}

type PairDraft = Omit<DedupPair, 'id'>;

function positive(g: Generator, kind: string, variation: [Variation, Variation], note: string, options: Parameters<typeof baseOffer>[1] = {}): PairDraft {
  const r = g.random;
  const { base, employer } = baseOffer(g, options);
  const [sa, sb] = twoStyles(r);
  // A snippet beside a text without the company presentation would share a few words at most:
  // nothing to judge by. The partner drops the closing paragraph instead.
  for (const v of variation) {
    if (v.dropPresentation && (sa.snippet || sb.snippet)) {
      v.dropPresentation = false;
      v.dropBenefits = true;
    }
  }
  const a = publish(base, sa, r, variation[0]);
  const b = publish({ ...base, employer: employerAsOther(base, employer, r) }, sb, r, variation[1]);
  return { kind, same: true, a, b, note };
}

const POSITIVE_KINDS: { kind: string; weight: number; make: (g: Generator) => PairDraft }[] = [
  { kind: 'repost-title-format', weight: 3, make: (g) => positive(g, 'repost-title-format', [{}, {}], 'one offer, two partners: only titles, places and markup differ') },
  {
    kind: 'repost-partner-blurb',
    weight: 3,
    make: (g) => positive(g, 'repost-partner-blurb', [{ blurb: chance(g.random, 0.6) }, { blurb: true }], 'one offer; a partner adds its own paragraph'),
  },
  { kind: 'repost-truncated', weight: 2, make: (g) => positive(g, 'repost-truncated', [{}, { truncate: true }], 'one offer; a partner publishes a snippet of the text') },
  {
    kind: 'repost-section-dropped',
    weight: 2,
    make: (g) => positive(g, 'repost-section-dropped', [{}, chance(g.random, 0.5) ? { dropPresentation: true } : { dropBenefits: true }], 'one offer; a partner leaves out the company presentation or the benefits'),
  },
  {
    kind: 'repost-start-date',
    weight: 2,
    make: (g) => {
      const shift = intBetween(g.random, -21, 21) || 7;
      return positive(g, 'repost-start-date', [{}, chance(g.random, 0.4) ? { noDate: true } : { dateShift: shift }], 'one offer; start dates a few days apart, or missing on one side', { startDate: randomDay(g.random) });
    },
  },
  {
    kind: 'repost-edited',
    weight: 2,
    make: (g) => positive(g, 'repost-edited', [{ editSentence: true }, { blurb: true, dateShift: intBetween(g.random, 1, 14) }], 'one offer; a sentence added on one side, a partner paragraph on the other'),
  },
  {
    kind: 'repost-combined',
    weight: 3,
    make: (g) =>
      positive(g, 'repost-combined', [{ blurb: chance(g.random, 0.5), dropBenefits: chance(g.random, 0.3) }, { blurb: chance(g.random, 0.5), truncate: chance(g.random, 0.5), noDate: chance(g.random, 0.3) }], 'one offer; several changes at once'),
  },
  {
    kind: 'sample-repost',
    weight: 3,
    make: (g) => {
      const r = g.random;
      const { source, offer } = pick(r, g.samples);
      const other = pick(
        r,
        STYLES.filter((s) => s.source !== source),
      );
      const commune = sampleCommune(g, offer);
      const base: BaseOffer = { employer: { name: offer.employer.name, siret: offer.employer.siret }, title: bareTitle(offer.title), commune, startDate: offer.startDate, blocks: blocksOfHtml(offer.descriptionHtml) };
      const a = asPublished({ source, offer });
      const b = publish(base, other, r, { blurb: chance(r, 0.5), truncate: !other.snippet && chance(r, 0.2) });
      return { kind: 'sample-repost', same: true, a, b, note: `the ${source} sample offer, republished by ${other.source}` };
    },
  },
];

/** A sample offer as its feed publishes it. */
function asPublished(s: { source: string; offer: PartnerOffer }): PublishedOffer {
  const { offer } = s;
  return {
    source: s.source,
    employer: { name: offer.employer.name, siret: offer.employer.siret },
    title: offer.title,
    location: { inseeCode: offer.location.inseeCode, postcode: offer.location.postcode, city: offer.location.city },
    startDate: offer.startDate,
    description: offer.descriptionHtml,
  };
}

/** The commune of a sample offer, looked up in the material by INSEE code, postcode and name. */
function sampleCommune(g: Generator, offer: PartnerOffer): CommuneRow {
  const loc = offer.location;
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
  const city = loc.city ? fold(loc.city) : '';
  const found =
    (loc.inseeCode && g.allCommunes.find((c) => c.inseeCode === loc.inseeCode)) ||
    (loc.postcode && (g.allCommunes.find((c) => c.postcode === loc.postcode && fold(c.name) === city) ?? g.allCommunes.find((c) => c.postcode === loc.postcode))) ||
    g.allCommunes.find((c) => fold(c.name) === city);
  return found || { inseeCode: loc.inseeCode ?? '', postcode: loc.postcode ?? '', name: loc.city ?? '' };
}

const NEGATIVE_KINDS: { kind: string; weight: number; make: (g: Generator) => PairDraft | null }[] = [
  {
    kind: 'chain-other-commune',
    weight: 4,
    make: (g) => {
      const r = g.random;
      const commune = pick(r, g.communes);
      const employer = makeEmployer(r, cityOf(commune), Math.floor(r() * CHAINS.length));
      const corpus = pick(r, g.corpus);
      const startDate = randomDay(r);
      // The same text for both shops: only the commune tells them apart.
      const { base } = baseOffer(g, { employer, corpus, commune, startDate });
      const other = pick(r, g.communes.filter((c) => c.inseeCode !== commune.inseeCode && c.postcode.slice(0, 2) === commune.postcode.slice(0, 2))) ?? pick(r, g.communes);
      const [sa, sb] = twoStyles(r);
      const siretB = base.employer.siret ? makeSiret(employer.siren, intBetween(r, 401, 900)) : null;
      return { kind: 'chain-other-commune', same: false, a: publish(base, sa, r), b: publish({ ...base, commune: other, employer: { name: pick(r, employer.variants), siret: siretB } }, sb, r), note: `one employer hiring for the same job in ${cityOf(commune)} and in ${cityOf(other)}` };
    },
  },
  {
    kind: 'neighbouring-commune',
    weight: 2,
    make: (g) => {
      const r = g.random;
      // Two communes under one postcode, or two arrondissements of a city: next door, yet two shops.
      const groups = g.sharedPostcodes;
      const [c1, c2] = shuffled(r, pick(r, groups));
      const employer = makeEmployer(r, cityOf(c1), Math.floor(r() * CHAINS.length));
      const { base } = baseOffer(g, { employer, commune: c1, startDate: randomDay(r) });
      const [sa, sb] = twoStyles(r);
      const insee = STYLES.find((s) => s.place === 'insee')!;
      const byPostcode = STYLES.filter((s) => s.place === 'postcode-city');
      return { kind: 'neighbouring-commune', same: false, a: publish(base, chance(r, 0.5) ? insee : sa, r), b: publish({ ...base, commune: c2 }, chance(r, 0.7) ? pick(r, byPostcode) : sb, r), note: `same employer and job in ${c1.name} and ${c2.name}, which share a postcode` };
    },
  },
  {
    kind: 'employer-other-job',
    weight: 3,
    make: (g) => {
      const r = g.random;
      const { base, employer } = baseOffer(g, { startDate: randomDay(r) });
      const other = pick(r, g.corpus);
      if (normaliseTitle(other.title) === normaliseTitle(base.title)) return null;
      const { base: second } = baseOffer(g, { employer, corpus: other, commune: base.commune, startDate: base.startDate });
      second.employer = employerAsOther(base, employer, r);
      const [sa, sb] = twoStyles(r);
      return { kind: 'employer-other-job', same: false, a: publish(base, sa, r), b: publish(second, sb, r), note: `one employer, one commune, two jobs: ${base.title} / ${other.title}` };
    },
  },
  {
    kind: 'other-employer-same-job',
    weight: 3,
    make: (g) => {
      const r = g.random;
      const title = pick(r, g.sharedTitles);
      const [o1, o2] = shuffled(r, g.byTitle.get(title)!);
      const { base } = baseOffer(g, { corpus: o1, startDate: randomDay(r) });
      const { base: second } = baseOffer(g, { corpus: { ...o2, title: o1.title }, commune: base.commune, startDate: base.startDate });
      if (second.employer.name === base.employer.name) return null;
      const [sa, sb] = twoStyles(r);
      return { kind: 'other-employer-same-job', same: false, a: publish(base, sa, r), b: publish(second, sb, r), note: `${base.employer.name} and ${second.employer.name} both hire a ${o1.title} in ${cityOf(base.commune)}` };
    },
  },
  {
    kind: 'next-intake',
    weight: 3,
    make: (g) => {
      const r = g.random;
      const start = randomDay(r);
      const { base, employer } = baseOffer(g, { startDate: start });
      const later = addDays(start, intBetween(r, 183, 380));
      const kelio = STYLES.filter((s) => s.startDate === 'kept');
      const [sa, sb] = shuffled(r, kelio);
      const second = { ...base, startDate: later, employer: employerAsOther(base, employer, r) };
      return { kind: 'next-intake', same: false, a: publish(base, sa, r), b: publish(second, sb, r, { editSentence: chance(r, 0.5) }), note: `the same position for the intake of ${later.slice(0, 7)}, ${start.slice(0, 7)} for the other` };
    },
  },
  {
    kind: 'shared-boilerplate',
    weight: 4,
    make: (g) => {
      const r = g.random;
      // Two positions of one employer with one job title, one commune and one intake: the same long
      // presentation and benefits, short missions of their own (two corpus offers with that title).
      const title = pick(r, g.sharedTitles);
      const [o1, o2] = shuffled(r, g.byTitle.get(title)!);
      const start = randomDay(r);
      const missions: [number, number] = [3, 7];
      const { base, employer } = baseOffer(g, { corpus: o1, startDate: start, missions });
      const { base: second } = baseOffer(g, { employer, corpus: { ...o2, title: o1.title }, commune: base.commune, startDate: start, missions });
      second.employer = employerAsOther(base, employer, r);
      // The employer's full presentation, as companies paste it in every offer.
      const long = `${employer.presentation} ${pick(r, g.samples.map((s) => blocksOfHtml(s.offer.descriptionHtml)).flat().filter((b): b is string => typeof b === 'string' && b.length > 300))}`;
      base.blocks[0] = long;
      second.blocks[0] = long;
      const [sa, sb] = twoStyles(r);
      return { kind: 'shared-boilerplate', same: false, a: publish(base, sa, r), b: publish(second, sb, r), note: `two ${o1.title} positions of one employer in one commune, distinct missions under a shared presentation` };
    },
  },
  {
    kind: 'sample-distinct',
    weight: 1,
    make: (g) => {
      const r = g.random;
      // Distinct offers found in the samples themselves: same text in several shops, several units of one administration.
      const pairs = g.sampleNegatives;
      if (!pairs.length) return null;
      const [x, y, why] = pick(r, pairs);
      return { kind: 'sample-distinct', same: false, a: asPublished(x), b: asPublished(y), note: why };
    },
  },
];

/** `count` pairs, about 40 % duplicates, from one half of the material. */
export function generatePairs(material: Material, seed: number, count: number, half: 0 | 1, prefix: string): DedupPair[] {
  const random = seededRandom(seed);
  const corpus = material.corpus.filter((o) => halfOf(o.title + o.keywords.join('|')) === half);
  const communes = material.communes.filter((c) => halfOf(c.inseeCode) === half);
  const byTitle = new Map<string, CorpusOffer[]>();
  for (const o of corpus) {
    const key = normaliseTitle(o.title);
    if (!key) continue;
    const list = byTitle.get(key);
    if (list) list.push(o);
    else byTitle.set(key, [o]);
  }
  const sharedTitles = [...byTitle.entries()].filter(([, l]) => l.length >= 2).map(([k]) => k).sort();
  const byPostcode = new Map<string, CommuneRow[]>();
  for (const c of communes) {
    const list = byPostcode.get(c.postcode) ?? [];
    if (!list.some((x) => x.inseeCode === c.inseeCode)) list.push(c);
    byPostcode.set(c.postcode, list);
  }
  const sharedPostcodes = [...byPostcode.values()].filter((l) => l.length >= 2);
  // Sample offers the importer would take: work-study (or silent), placed by the gazetteer.
  const samples = material.samples.filter((s) => s.offer.contractKind !== 'OTHER' && material.gazetteer.locate(s.offer.location));
  const sampleNegatives: Generator['sampleNegatives'] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const x = samples[i].offer;
      const y = samples[j].offer;
      const sameEmployer = (x.employer.name ?? '').toLowerCase().slice(0, 12) === (y.employer.name ?? '').toLowerCase().slice(0, 12);
      if (sameEmployer) sampleNegatives.push([samples[i], samples[j], `two distinct sample offers of ${x.employer.name}: ${x.title} (${x.location.city}) / ${y.title} (${y.location.city})`]);
    }
  }
  const g: Generator = { random, corpus, byTitle, sharedTitles, communes, samples, allCommunes: material.communes, sharedPostcodes, sampleNegatives };
  const positives = Math.round(count * 0.4);
  const out: DedupPair[] = [];
  const draw = (kinds: typeof NEGATIVE_KINDS, n: number) => {
    const total = kinds.reduce((s, k) => s + k.weight, 0);
    const made: PairDraft[] = [];
    // Each kind its share (by weight), then whole pairs in kind order.
    for (const k of kinds) {
      const want = Math.round((n * k.weight) / total);
      for (let tries = 0, got = 0; got < want && tries < want * 20; tries++) {
        const pair = k.make(g);
        if (pair) {
          made.push(pair);
          got++;
        }
      }
    }
    return made.slice(0, n);
  };
  const drafts = shuffled(random, [...draw(POSITIVE_KINDS, positives), ...draw(NEGATIVE_KINDS, count - positives)]);
  drafts.forEach((d, i) => out.push({ id: `${prefix}${String(i + 1).padStart(4, '0')}`, ...d }));
  return out;
}

/** Title case of an upper-case commune name: "SAINT ETIENNE" → "Saint Etienne". */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

export async function loadMaterial(dataDir: string): Promise<Material> {
  const samples: Material['samples'] = [];
  const dir = path.join(dataDir, 'offers/partner-feeds');
  for (const file of readdirSync(dir).sort()) {
    const source = sourceOfFileName(file);
    const reader = source && readerFor(source);
    if (!source || !reader) continue;
    for await (const record of reader.read(createReadStream(path.join(dir, file)))) if (record.ok) samples.push({ source, offer: record.offer });
  }
  const corpus: CorpusOffer[] = [];
  for (const line of gunzipSync(readFileSync(path.join(dataDir, 'offers/keywords-cache.jsonl.gz'))).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const k = (JSON.parse(line) as { k: string[] }).k;
    const title = offerTitle(k);
    if (!title || title.length > 70) continue;
    const at = k.indexOf(title);
    corpus.push({ title, keywords: k.slice(at + 1).filter((w) => !/^(alternance|apprentissage|contrat)/i.test(w)) });
  }
  const communes: CommuneRow[] = [];
  const seen = new Set<string>();
  for (const row of parseCsv(readFileSync(path.join(dataDir, 'communes/laposte_hexasmal.csv'), 'utf8'), ';')) {
    const key = `${row.Code_commune_INSEE}|${row.Code_postal}`;
    if (seen.has(key) || !row.coordonnees_gps) continue;
    seen.add(key);
    communes.push({ inseeCode: row.Code_commune_INSEE, postcode: row.Code_postal, name: titleCase(row.Nom_commune) });
  }
  const gazetteer = loadGazetteer(readFileSync(path.join(dataDir, 'communes/laposte_hexasmal.csv'), 'utf8'));
  return { samples, gazetteer, corpus: corpus.filter((o) => o.keywords.length >= 8), communes };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const root = repositoryRoot();
  const dataDir = path.resolve(option('data') ?? process.env.CATALOGUE_DIR ?? path.join(root, '../shared/data'));
  const count = Number(option('count') ?? 440);
  void loadMaterial(dataDir).then((material) => {
    const write = (file: string, pairs: DedupPair[]) => writeFileSync(path.join(root, 'tools/eval/dedup', file), pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
    write('pairs.jsonl', generatePairs(material, Number(option('seed') ?? 18), count, 0, 'm'));
    write('heldout.jsonl', generatePairs(material, Number(option('heldout-seed') ?? 1018), count, 1, 'h'));
    console.log(`${material.samples.length} sample offers, ${material.corpus.length} corpus offers, ${material.communes.length} communes; ${count} pairs in each file`);
  });
}
