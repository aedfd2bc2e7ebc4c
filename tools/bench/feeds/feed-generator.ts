import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../search-engine-corpus';

/**
 * Partner feeds for the import benchmark, in three of the formats partners really publish
 * (HelloWork XML, Leboncoin CSV, Decathlon / Digital Recruiters JSON), generated from the real
 * corpus with one seed: titles and keywords of real offers (keywords-cache.jsonl.gz, the first
 * keyword being about the title), La Poste communes (most offers in big cities), employers on a
 * long tail (a few chains with thousands of offers, many with one or two; most with a SIRET that
 * passes the Luhn check, the others by name only), mostly apprenticeships, some
 * professionalisation contracts and a few CDI the importer skips, a share of offers posted on
 * two boards (dedup), and a few broken records. Written as a stream: the feed is never in memory.
 */

export interface FeedSpec {
  /** Records over all files, duplicates included. */
  offers: number;
  seed: number;
  /** Folder the feeds are written to. */
  dir: string;
  /** The shared data folder (keywords cache, communes). */
  dataDir: string;
  /** Share of offers posted on a second board (default 5%). */
  duplicateShare?: number;
  /** Share of broken records (default 0.1%). */
  badShare?: number;
}

export interface GeneratedFeed {
  source: 'hellowork' | 'leboncoin' | 'decathlon';
  file: string;
  records: number;
  bytes: number;
}

/** Bumped when the generator changes: cached feeds of another version are written again. */
const GENERATOR_VERSION = 2;

export interface FeedStats {
  version: number;
  offers: number;
  seed: number;
  feeds: GeneratedFeed[];
  employers: number;
  employersWithSiret: number;
  duplicates: number;
  bad: number;
  cdi: number;
  professionalisation: number;
  seconds: number;
}

interface Place {
  name: string;
  postcode: string;
  lat: number;
  lng: number;
}

interface Employer {
  name: string;
  siret: string | null;
  /** Name-only employers publish on Leboncoin or Decathlon; those with a SIRET on HelloWork. */
  board: GeneratedFeed['source'];
}

/** Approximate populations (thousands) of the biggest cities: 45% of offers go there, in proportion. */
const BIG_CITIES: [string, number][] = [
  ['PARIS', 2100], ['MARSEILLE', 870], ['LYON', 520], ['TOULOUSE', 500], ['NICE', 340], ['NANTES', 320], ['MONTPELLIER', 300],
  ['STRASBOURG', 290], ['BORDEAUX', 260], ['LILLE', 235], ['RENNES', 225], ['TOULON', 180], ['REIMS', 180], ['SAINT ETIENNE', 175],
  ['LE HAVRE', 165], ['VILLEURBANNE', 155], ['DIJON', 160], ['GRENOBLE', 158], ['ANGERS', 157], ['NIMES', 150], ['CLERMONT FERRAND', 147],
  ['AIX EN PROVENCE', 145], ['LE MANS', 145], ['BREST', 140], ['TOURS', 137], ['AMIENS', 134], ['LIMOGES', 130], ['ANNECY', 130],
  ['PERPIGNAN', 120], ['BOULOGNE BILLANCOURT', 120], ['METZ', 118], ['BESANCON', 117], ['ORLEANS', 116], ['ROUEN', 114], ['MULHOUSE', 108],
  ['CAEN', 106], ['NANCY', 104], ['ARGENTEUIL', 110], ['MONTREUIL', 111], ['SAINT DENIS', 113],
];
const BIG_CITY_SHARE = 0.45;

const CHAINS = [
  'Carrefour', 'Auchan', 'Leclerc', 'Intermarché', 'Lidl', 'Decathlon', 'Leroy Merlin', 'Boulanger', 'Fnac Darty', 'Kiabi', 'La Poste',
  'SNCF Voyageurs', 'Orange', 'Enedis', 'Bouygues Construction', 'Vinci Energies', 'Eiffage', 'Veolia', 'Korian', 'Accor', 'McDonald\'s',
  'Crédit Agricole', 'BNP Paribas', 'Société Générale', 'Crédit Mutuel', 'Sephora', 'Picard', 'Norauto', 'Point S', 'Speedy',
];
const KINDS = ['Boulangerie', 'Garage', 'Cabinet', 'Atelier', 'Maison', 'Société', 'Agence', 'Clinique', 'Pharmacie', 'Transports', 'Menuiserie', 'Restaurant', 'Salon', 'Laboratoire', 'Électricité', 'Plomberie', 'Coiffure', 'Hôtel'];
const SURNAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia'];
const LEVELS = ['CAP', 'Bac pro', 'BTS', 'BUT', 'Licence professionnelle', 'Master', 'Titre professionnel', 'Diplôme d\'ingénieur'];
const MONTHS = ['septembre', 'octobre', 'novembre', 'janvier', 'février', 'mars'];
/** Keywords that name a contract: kept out of a CDI's text, where they would make it work-study. */
const CONTRACT_WORDS = /altern|apprenti|professionnalisation|contrat|stage|cdd|cdi|intérim|interim/i;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Cumulative weights, then a binary search per draw: fast enough for a million draws. */
function sampler<T>(items: readonly T[], weight: (item: T, index: number) => number): (random: () => number) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => (cumulative[i] = total += weight(item, i)));
  return (random) => {
    const r = random() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** A 14-digit SIRET whose Luhn sum is a multiple of 10 (what `siretOrNull` checks). */
export function luhnSiret(random: () => number): string {
  const digits = Array.from({ length: 13 }, (_, i) => (i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10)));
  // Positions from the right, the check digit being position 1: even positions are doubled.
  const sum = digits.reduce((acc, d, i) => {
    const fromRight = 14 - i;
    const v = fromRight % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return digits.join('') + String((10 - (sum % 10)) % 10);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) v *= 2;
    sum += v > 9 ? v - 9 : v;
  }
  return sum % 10 === 0;
}

function loadKeywords(dataDir: string): string[][] {
  const text = gunzipSync(readFileSync(path.join(dataDir, 'offers/keywords-cache.jsonl.gz'))).toString('utf8');
  const lists: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const { k } = JSON.parse(line) as { k?: unknown[] };
    if (!Array.isArray(k)) continue;
    // The first keyword stands for the title (a few words, not a sentence), once the contract's own words ("alternance") are passed.
    const words = k.map(String);
    while (words.length && CONTRACT_WORDS.test(words[0])) words.shift();
    if (words.length >= 4 && words[0].length >= 3 && words[0].length <= 80) lists.push(words);
  }
  return lists;
}

function loadPlaces(dataDir: string): { all: Place[]; big: Place[][] } {
  const lines = readFileSync(path.join(dataDir, 'communes/laposte_hexasmal.csv'), 'utf8').split(/\r?\n/);
  const header = lines[0].split(';');
  const nameAt = header.indexOf('Nom_commune');
  const postcodeAt = header.indexOf('Code_postal');
  const gpsAt = header.indexOf('coordonnees_gps');
  const all: Place[] = [];
  const byCity = new Map<string, Place[]>(BIG_CITIES.map(([name]) => [name, []]));
  for (const line of lines.slice(1)) {
    const cells = line.split(';');
    const [lat, lng] = (cells[gpsAt] ?? '').split(',').map((v) => Number.parseFloat(v));
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || !/^\d{5}$/.test(cells[postcodeAt] ?? '')) continue;
    const name = cells[nameAt];
    // "PARIS 01": the arrondissement's row, with its own postcode.
    const city = name.replace(/ \d{2}$/, '');
    const place = { name: titleCase(city === name ? name : city), postcode: cells[postcodeAt], lat, lng };
    all.push(place);
    byCity.get(city)?.push(place);
  }
  return { all, big: BIG_CITIES.map(([name]) => byCity.get(name)!).filter((p) => p.length > 0) };
}

/** A buffered stream that waits for the disk when its buffer is full. */
class FeedWriter {
  private chunks: string[] = [];
  private size = 0;
  bytes = 0;
  private readonly stream;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(text);
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

interface Offer {
  id: number;
  title: string;
  keywords: string[];
  place: Place;
  employer: Employer;
  kind: 'APPRENTICESHIP' | 'PROFESSIONALISATION' | 'CDI';
  startDate: string;
  months: number;
  level: string;
  publishedAt: string;
  paragraphs: string[];
  bad: 'MISSING_TITLE' | 'UNKNOWN_PLACE' | 'MISSING_ID' | null;
}

/** A few sentences from the offer's own keywords, as employers write them. */
function paragraphs(random: () => number, o: Pick<Offer, 'title' | 'keywords' | 'place' | 'employer' | 'kind' | 'months' | 'level' | 'startDate'>): string[] {
  const words = o.kind === 'CDI' ? o.keywords.filter((k) => !CONTRACT_WORDS.test(k)) : o.keywords;
  const kw = (i: number) => words[i % Math.max(1, words.length)] ?? o.title;
  const month = MONTHS[Number(o.startDate.slice(5, 7)) % MONTHS.length];
  const contract =
    o.kind === 'CDI'
      ? `Poste à pourvoir à temps plein à partir de ${month}.`
      : o.kind === 'PROFESSIONALISATION'
        ? `Contrat de professionnalisation de ${o.months} mois, à partir de ${month}.`
        : pick(random, [`Contrat d'apprentissage de ${o.months} mois, rentrée en ${month}.`, `Alternance en contrat d'apprentissage sur ${o.months} mois, à partir de ${month}.`]);
  const intro = pick(random, [
    `Au sein de ${o.employer.name} à ${o.place.name}, vous rejoignez l'équipe en tant que ${o.title.toLowerCase()}.`,
    `${o.employer.name} recrute pour son site de ${o.place.name} un(e) ${o.title.toLowerCase()}.`,
    `Rejoignez ${o.employer.name} (${o.place.name}) : nous cherchons notre futur(e) ${o.title.toLowerCase()}.`,
  ]);
  const missions = `Vos missions : ${kw(1)}, ${kw(2)} et ${kw(3)}.`;
  const more = words.length > 6 ? `Vous participerez également à ${words.slice(4, 4 + 2 + Math.floor(random() * 4)).join(', ')}.` : '';
  const profile = pick(random, [
    `Profil : vous préparez un ${o.level} et vous êtes curieux(se) de ${kw(Math.floor(random() * words.length))}.`,
    `Vous préparez un ${o.level} ; ${kw(Math.floor(random() * words.length))} vous intéresse.`,
  ]);
  const skills = words.length > 10 ? `Compétences appréciées : ${words.slice(-Math.min(6, words.length - 8)).join(', ')}.` : '';
  return [intro, missions, more, profile, skills, contract].filter(Boolean);
}

const escapeCdata = (s: string) => s.replace(/]]>/g, ']]]]><![CDATA[>');
const cdata = (tag: string, value: string | null | undefined) => (value === null || value === undefined ? '' : `    <${tag}><![CDATA[${escapeCdata(value)}]]></${tag}>\n`);
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

function helloworkJob(o: Offer): string {
  const contract = o.kind === 'CDI' ? 'CDI' : o.kind === 'PROFESSIONALISATION' ? 'Contrat de professionnalisation' : ['Alternance', 'Apprentissage', 'Contrat d\'apprentissage'][o.id % 3];
  return (
    '  <job>\n' +
    (o.bad === 'MISSING_ID' ? '' : cdata('job_id', String(70_000_000 + o.id))) +
    cdata('title', o.bad === 'MISSING_TITLE' ? '' : `${o.title} H/F`) +
    cdata('url', `https://www.hellowork.com/fr-fr/emplois/${70_000_000 + o.id}.html`) +
    cdata('company_title', o.employer.name) +
    cdata('siret', o.employer.siret) +
    cdata('postal_code', o.bad === 'UNKNOWN_PLACE' ? '00000' : o.place.postcode) +
    cdata('city', o.bad === 'UNKNOWN_PLACE' ? 'Nulle-Part' : o.place.name) +
    cdata('geoloc', `${o.place.lat.toFixed(5)},${o.place.lng.toFixed(5)}`) +
    cdata('contract', contract) +
    cdata('contract_start_date', o.startDate) +
    cdata('contract_period_value', String(o.months)) +
    cdata('contract_period_unit', 'mois') +
    cdata('education', o.level) +
    cdata('description', o.paragraphs.slice(0, -2).map((p) => `<p>${p}</p>`).join('')) +
    cdata('profile', `<p>${o.paragraphs.slice(-2).join('</p><p>')}</p>`) +
    cdata('publication_date', o.publishedAt) +
    '  </job>\n'
  );
}

const LEBONCOIN_HEADER = ['redirection', 'ville', 'entreprise', 'description', 'titre', 'identifiant', 'région', 'code postal'];

function leboncoinRow(o: Offer, id: string): string {
  const prefix = o.kind === 'CDI' ? 'CDI - ' : 'ALTERNANCE - ';
  const cells = [
    `https://www.leboncoin.fr/offres_d_emploi/${id}.htm`,
    o.bad === 'UNKNOWN_PLACE' ? 'Nulle-Part' : o.place.name,
    o.employer.name,
    o.paragraphs.join('\n\n'),
    o.bad === 'MISSING_TITLE' ? '' : `${prefix}${o.title} F/H`,
    o.bad === 'MISSING_ID' ? '' : id,
    '',
    o.bad === 'UNKNOWN_PLACE' ? '00000' : o.place.postcode,
  ];
  return `${cells.map(csvCell).join(',')}\n`;
}

function decathlonAd(o: Offer, id: string): string {
  const contract = o.kind === 'CDI' ? 'CDI' : o.kind === 'PROFESSIONALISATION' ? 'Contrat de professionnalisation' : 'Contrat d\'alternance (pro, apprentissage)';
  return JSON.stringify({
    locale: 'fr_FR',
    ...(o.bad === 'MISSING_ID' ? {} : { reference: id }),
    published_at: o.publishedAt,
    contract_type: contract,
    contract_duration: { min: Math.min(12, o.months), max: o.months },
    contract_work_period: 'Temps plein',
    education_level: o.level,
    title: o.bad === 'MISSING_TITLE' ? '' : `ALTERNANCE ${o.title} (H/F)`,
    description: o.paragraphs.slice(0, -2).map((p) => `<p>${p}</p>`).join('\n'),
    profile: `<p>${o.paragraphs.slice(-2).join('<br>')}</p>`,
    brand: { name: o.employer.name },
    address: {
      parts: { zip: o.bad === 'UNKNOWN_PLACE' ? '00000' : o.place.postcode, city: o.bad === 'UNKNOWN_PLACE' ? 'Nulle-Part' : o.place.name, country: 'France' },
      position: { lat: o.place.lat, lon: o.place.lng },
    },
    apply_url: `https://recrutement.example.fr/offres/${id}/postuler`,
  });
}

/** Writes the three feeds under `spec.dir` (reused when already there for the same spec). */
export async function generateFeeds(spec: FeedSpec): Promise<FeedStats> {
  const statsFile = path.join(spec.dir, 'feeds.json');
  if (existsSync(statsFile)) {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as FeedStats;
    if (stats.version === GENERATOR_VERSION && stats.offers === spec.offers && stats.seed === spec.seed && stats.feeds.every((f) => existsSync(f.file))) return stats;
  }
  const started = Date.now();
  mkdirSync(spec.dir, { recursive: true });
  const random = seededRandom(spec.seed);
  const keywords = loadKeywords(spec.dataDir);
  const places = loadPlaces(spec.dataDir);
  const bigCity = sampler(places.big, (_, i) => BIG_CITIES[i][1]);
  const duplicateShare = spec.duplicateShare ?? 0.05;
  const badShare = spec.badShare ?? 0.001;

  // Employers: one per ~6 offers; Zipf-like weights give the chains thousands of offers and most employers one or two.
  const employerCount = Math.max(50, Math.round(spec.offers / 6));
  const employers: Employer[] = [];
  for (let i = 0; i < employerCount; i++) {
    const chain = i < CHAINS.length;
    const name = chain ? CHAINS[i] : `${pick(random, KINDS)} ${pick(random, SURNAMES)}${random() < 0.5 ? ` ${titleCase(pick(random, places.all).name)}` : ''}${random() < 0.3 ? ` ${i}` : ''}`;
    const withSiret = chain ? i % 3 !== 2 : random() < 0.7;
    employers.push({ name, siret: withSiret ? luhnSiret(random) : null, board: withSiret ? 'hellowork' : random() < 0.6 ? 'leboncoin' : 'decathlon' });
  }
  const employer = sampler(employers, (_, i) => 1 / Math.pow(i + 1, 0.9));

  const out = {
    hellowork: new FeedWriter(path.join(spec.dir, 'hellowork.xml.part')),
    leboncoin: new FeedWriter(path.join(spec.dir, 'leboncoin.csv.part')),
    decathlon: new FeedWriter(path.join(spec.dir, 'decathlon.json.part')),
  };
  const records = { hellowork: 0, leboncoin: 0, decathlon: 0 };
  await out.hellowork.write('<?xml version="1.0" encoding="utf-8"?>\n<root>\n');
  await out.leboncoin.write(`${LEBONCOIN_HEADER.map(csvCell).join(',')}\n`);
  await out.decathlon.write(`{\n  "count": null,\n  "version": "1.0.1",\n  "fetched_at": "2026-09-01T06:00:00+00:00",\n  "ads": [\n`);

  const counts = { duplicates: 0, bad: 0, cdi: 0, professionalisation: 0 };
  const publishedFrom = Date.UTC(2026, 5, 1);
  let written = 0;
  const emit = async (board: GeneratedFeed['source'], o: Offer, id: string) => {
    if (board === 'hellowork') await out.hellowork.write(helloworkJob(o));
    else if (board === 'leboncoin') await out.leboncoin.write(leboncoinRow(o, id));
    else await out.decathlon.write(`${records.decathlon ? ',\n' : ''}    ${decathlonAd(o, id)}`);
    records[board]++;
    written++;
  };
  for (let i = 0; written < spec.offers; i++) {
    const k = keywords[Math.floor(random() * keywords.length)];
    const e = employer(random);
    const place = random() < BIG_CITY_SHARE ? pick(random, bigCity(random)) : pick(random, places.all);
    const r = random();
    const kind = r < 0.02 ? 'CDI' : r < 0.2 ? 'PROFESSIONALISATION' : 'APPRENTICESHIP';
    const startDay = Date.UTC(2026, 8, 1) + Math.floor((random() - 0.3) * 150) * 86_400_000;
    const b = random();
    const offer: Omit<Offer, 'paragraphs'> = {
      id: i,
      title: k[0].replace(/\s+/g, ' ').trim(),
      keywords: k.slice(1),
      place,
      employer: e,
      kind,
      startDate: new Date(startDay).toISOString().slice(0, 10),
      months: pick(random, [12, 12, 24, 24, 24, 36, 6]),
      level: pick(random, LEVELS),
      publishedAt: new Date(publishedFrom + Math.floor(random() * 90 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      bad: b < badShare ? pick(random, ['MISSING_TITLE', 'UNKNOWN_PLACE', 'MISSING_ID'] as const) : null,
    };
    const o: Offer = { ...offer, paragraphs: paragraphs(random, offer) };
    if (o.bad) counts.bad++;
    if (kind === 'CDI') counts.cdi++;
    if (kind === 'PROFESSIONALISATION') counts.professionalisation++;
    await emit(e.board, o, `${e.board === 'leboncoin' ? 3_000_000_000 + i : `DR${(1_000_000 + i).toString(36).toUpperCase()}`}`);
    // The same offer on the other board of name-only employers (their chains post everywhere):
    // duplicates are drawn among those employers' offers so that 5% of all records are reposts.
    if (e.board !== 'hellowork' && !o.bad && kind !== 'CDI' && written < spec.offers && random() < duplicateShare / 0.3) {
      const other = e.board === 'leboncoin' ? 'decathlon' : 'leboncoin';
      await emit(other, o, other === 'leboncoin' ? String(3_000_000_000 + i) : `DR${(1_000_000 + i).toString(36).toUpperCase()}`);
      counts.duplicates++;
    }
  }
  await out.hellowork.write('</root>\n');
  await out.decathlon.write('\n  ]\n}\n');
  const feeds: GeneratedFeed[] = [];
  for (const source of ['hellowork', 'leboncoin', 'decathlon'] as const) {
    await out[source].close();
    const file = out[source].file.replace(/\.part$/, '');
    renameSync(out[source].file, file);
    feeds.push({ source, file, records: records[source], bytes: out[source].bytes });
  }
  const stats: FeedStats = {
    version: GENERATOR_VERSION,
    offers: spec.offers,
    seed: spec.seed,
    feeds,
    employers: employers.length,
    employersWithSiret: employers.filter((e) => e.siret).length,
    ...counts,
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
  return stats;
}
