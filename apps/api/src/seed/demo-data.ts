import { Country, addMonths } from '@alternance/platform/domain';
import { EducationLevel, Gender, RemotePreference, Visibility } from '@alternance/candidates/domain';
import { ContractType, HireContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { OrganizationSize, siretWithCheckDigit } from '@alternance/organizations/domain';
import { RomeMatcher } from '@alternance/programs/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';
import { SeededRandom } from './random';

/**
 * The demo catalogue: employers, offers and candidates generated from the real reference
 * data with a fixed seed. Offer titles and keywords come from real apprenticeship offers
 * (the keyword corpus); the people and companies are invented.
 */
export interface DemoCatalogue {
  /** Keyword lists of real offers, the first keyword usually the job title. */
  offerKeywords: string[][];
  romeMatcher: RomeMatcher;
  skillsByRome: Map<string, { code: string; label: string; core: boolean }[]>;
  programsByRome: Map<string, string[]>;
  places: DemoPlace[];
}

export interface DemoPlace {
  city: string;
  postcode: string;
  inseeCode: string;
  lat: number;
  lng: number;
  weight: number;
}

export interface DemoOrganization {
  key: string;
  name: string;
  siret: string;
  sector: string;
  size: OrganizationSize;
  disabilityReferent: boolean;
  accommodations: string | null;
}

export interface DemoOffer {
  organizationKey: string;
  title: string;
  description: string;
  contractType: ContractType;
  hireContract: { type: HireContractType; durationMonths: number | null } | null;
  romeCode: string;
  skills: { code: string; label: string; level: SkillLevel; required: boolean }[];
  programIds: string[];
  place: DemoPlace;
  remotePolicy: RemotePolicy;
  startEarliest: string;
  startLatest: string;
  positions: number;
  salary: { min: number; max: number } | null;
  status: OfferStatus;
  publishedAt: Date | null;
}

export interface DemoCandidate {
  displayName: string;
  headline: string;
  romeCode: string;
  skills: { code: string; label: string; level: SkillLevel }[];
  programIds: string[];
  place: DemoPlace;
  mobilityRadiusKm: number;
  remotePreference: RemotePreference;
  availableFrom: string;
  educationLevel: EducationLevel;
  visibility: Visibility;
  birthDate: string;
  jobSeeker: boolean;
  sensitiveDataConsent: boolean;
  disabilityRecognised: boolean | null;
  gender: Gender | null;
}

export interface DemoSet {
  organizations: DemoOrganization[];
  offers: DemoOffer[];
  candidates: DemoCandidate[];
}

const COMPANY_STEMS = ['Atelier', 'Groupe', 'Maison', 'Studio', 'Cabinet', 'Compagnie', 'Société', 'Réseau', 'Agence', 'Coopérative'];
const COMPANY_NAMES = ['Lumière', 'Horizon', 'Garonne', 'Rhône', 'Cévennes', 'Armor', 'Vauban', 'Colbert', 'Mistral', 'Alizé', 'Belledonne', 'Loire', 'Vosges', 'Iroise', 'Camargue', 'Sologne'];
const SECTORS = ['Numérique', 'Santé et action sociale', 'Commerce', 'Industrie', 'Bâtiment', 'Hôtellerie-restauration', 'Transport et logistique', 'Banque et assurance', 'Services aux entreprises', 'Services à la personne'];
const FIRST_NAMES = ['Camille', 'Léa', 'Manon', 'Inès', 'Chloé', 'Sarah', 'Aya', 'Yasmine', 'Lucas', 'Hugo', 'Adam', 'Mohamed', 'Nathan', 'Théo', 'Moussa', 'Enzo', 'Lina', 'Jade', 'Noah', 'Rayan', 'Maëlys', 'Fatou', 'Kevin', 'Anaïs'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Diallo', 'Nguyen', 'Benali', 'Traoré', 'Garcia', 'Fontaine', 'Rousseau', 'Mercier'];
const ACCOMMODATIONS = [
  'Poste de travail adapté et horaires aménagés sur demande.',
  'Locaux accessibles en fauteuil, référent handicap dédié aux alternants.',
  'Télétravail partiel possible et logiciels de lecture d’écran fournis.',
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Contract types in the proportions of the demo (and benchmark) offers. */
export const CONTRACT_MIX = [
  [ContractType.APPRENTICESHIP, 70],
  [ContractType.PROFESSIONALISATION, 18],
  [ContractType.POEI, 8],
  [ContractType.POEC, 4],
] as const;

export const REMOTE_MIX = [
  [RemotePolicy.ONSITE, 60],
  [RemotePolicy.HYBRID, 32],
  [RemotePolicy.REMOTE, 8],
] as const;

/** Real offers whose title maps to a ROME occupation with skills. */
export function usableOfferTitles(catalogue: DemoCatalogue): { keywords: string[]; title: string; romeCode: string }[] {
  return catalogue.offerKeywords.flatMap((keywords) => {
    const title = keywords[0]?.trim();
    if (!title || title.length < 4 || title.length > 120) return [];
    const romeCode = catalogue.romeMatcher.romeCodesFor(title)[0];
    return romeCode && catalogue.skillsByRome.get(romeCode)?.length ? [{ keywords, title, romeCode }] : [];
  });
}

/** 3 to 7 of an occupation's skills, its core ones first in the draw. */
export function pickOfferSkills<S extends { core: boolean }>(rng: SeededRandom, skills: readonly S[]): S[] {
  return rng.sample([...skills.filter((s) => s.core), ...rng.sample(skills.filter((s) => !s.core), 4)], rng.int(3, 7));
}

/** The job a POEI promises: a CDI, or a fixed-term contract of 6 to 12 months; none for other contracts. */
export function pickHireContract(rng: SeededRandom, contractType: ContractType): { type: HireContractType; durationMonths: number | null } | null {
  if (contractType !== ContractType.POEI) return null;
  return rng.chance(0.6) ? { type: HireContractType.CDI, durationMonths: null } : { type: HireContractType.CDD, durationMonths: rng.pick([6, 9, 12]) };
}

export function generateDemoSet(catalogue: DemoCatalogue, now: Date, seed = 2026, sizes = { organizations: 12, offers: 240, candidates: 80 }): DemoSet {
  const rng = new SeededRandom(seed);
  const pickPlace = () => rng.weighted(catalogue.places.map((p) => [p, p.weight] as const));

  const organizations: DemoOrganization[] = [];
  for (let i = 0; i < sizes.organizations; i++) {
    const referent = rng.chance(0.5);
    organizations.push({
      key: `org-${i + 1}`,
      name: `${rng.pick(COMPANY_STEMS)} ${COMPANY_NAMES[i % COMPANY_NAMES.length]}${i >= COMPANY_NAMES.length ? ` ${i}` : ''}`,
      siret: siretWithCheckDigit(`${rng.int(100000000, 999999999)}${String(rng.int(1, 9999)).padStart(4, '0')}`),
      sector: rng.pick(SECTORS),
      size: rng.pick(Object.values(OrganizationSize)),
      disabilityReferent: referent,
      accommodations: referent ? rng.pick(ACCOMMODATIONS) : null,
    });
  }

  const usable = usableOfferTitles(catalogue);

  const offers: DemoOffer[] = rng.sample(usable, sizes.offers).map(({ keywords, title, romeCode }, i) => {
    const contractType = rng.weighted(CONTRACT_MIX);
    const chosen = pickOfferSkills(rng, catalogue.skillsByRome.get(romeCode)!);
    const start = addMonths(now, rng.int(1, 8));
    const status = rng.weighted([
      [OfferStatus.PUBLISHED, 85],
      [OfferStatus.DRAFT, 10],
      [OfferStatus.CLOSED, 5],
    ] as const);
    const min = rng.int(8, 14) * 100;
    return {
      organizationKey: organizations[i % organizations.length].key,
      title: capitalise(title),
      description: `${capitalise(title)} en ${contractType === ContractType.APPRENTICESHIP ? 'alternance' : 'contrat ' + contractType.toLowerCase()}. ${keywords
        .slice(1, 16)
        .map(capitalise)
        .join(' · ')}.`,
      contractType,
      hireContract: pickHireContract(rng, contractType),
      romeCode,
      skills: chosen.map((s, k) => ({ code: s.code, label: s.label, level: rng.pick(Object.values(SkillLevel).slice(0, 3)), required: k < 3 })),
      programIds: rng.sample(catalogue.programsByRome.get(romeCode) ?? [], rng.int(0, 3)),
      place: pickPlace(),
      remotePolicy: rng.weighted(REMOTE_MIX),
      startEarliest: isoDate(start),
      startLatest: isoDate(addMonths(start, rng.int(1, 3))),
      positions: rng.weighted([
        [1, 80],
        [2, 15],
        [5, 5],
      ] as const),
      salary: rng.chance(0.7) ? { min, max: min + rng.int(1, 6) * 100 } : null,
      status,
      publishedAt: status === OfferStatus.DRAFT ? null : new Date(now.getTime() - rng.int(1, 40) * 86_400_000),
    };
  });

  const romeCodes = [...new Set(offers.map((o) => o.romeCode))];
  const candidates: DemoCandidate[] = [];
  for (let i = 0; i < sizes.candidates; i++) {
    const romeCode = rng.pick(romeCodes);
    const skills = rng.sample(catalogue.skillsByRome.get(romeCode)!, rng.int(2, 6));
    const age = rng.weighted([
      [rng.int(16, 20), 40],
      [rng.int(21, 25), 35],
      [rng.int(26, 29), 15],
      [rng.int(30, 50), 10],
    ] as const);
    const birth = new Date(Date.UTC(now.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
    const consent = rng.chance(0.4);
    candidates.push({
      displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      headline: `En recherche d’alternance : ${offers.find((o) => o.romeCode === romeCode)!.title.toLowerCase()}`,
      romeCode,
      skills: skills.map((s) => ({ code: s.code, label: s.label, level: rng.pick([SkillLevel.BEGINNER, SkillLevel.INTERMEDIATE]) })),
      programIds: rng.sample(catalogue.programsByRome.get(romeCode) ?? [], rng.int(0, 1)),
      place: pickPlace(),
      mobilityRadiusKm: rng.pick([10, 20, 30, 50, 100]),
      remotePreference: rng.pick(Object.values(RemotePreference)),
      availableFrom: isoDate(addMonths(now, rng.int(0, 4))),
      educationLevel: rng.pick([EducationLevel.LOWER_SECONDARY, EducationLevel.LEVEL_3, EducationLevel.LEVEL_4, EducationLevel.LEVEL_5, EducationLevel.LEVEL_6]),
      visibility: rng.weighted([
        [Visibility.PUBLIC, 55],
        [Visibility.ANONYMOUS, 30],
        [Visibility.HIDDEN, 15],
      ] as const),
      birthDate: isoDate(birth),
      jobSeeker: rng.chance(0.3),
      sensitiveDataConsent: consent,
      disabilityRecognised: consent ? rng.chance(0.12) : null,
      gender: consent ? rng.pick(Object.values(Gender)) : null,
    });
  }
  return { organizations, offers, candidates };
}

/** Big cities weigh more: where apprenticeship offers actually are. */
export const DEMO_POSTCODES: [string, number][] = [
  ['75011', 10],
  ['69003', 6],
  ['13001', 5],
  ['31000', 4],
  ['44000', 4],
  ['33000', 4],
  ['59000', 4],
  ['67000', 3],
  ['35000', 3],
  ['34000', 3],
  ['06000', 2],
  ['38000', 2],
  ['21000', 1],
  ['63000', 1],
  ['97400', 1],
];

export const DEMO_COUNTRY = Country.FR;
