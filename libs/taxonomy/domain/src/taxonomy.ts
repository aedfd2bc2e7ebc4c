/** ROME 4.0 codes: a domain letter and four digits, e.g. M1805. */
export const ROME_CODE = /^[A-N]\d{4}$/;

export function romeDomain(code: string): string {
  return code.charAt(0);
}

/** How well a person masters a skill, or how well an offer needs it. */
export enum SkillLevel {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  EXPERT = 'EXPERT',
}

export const SKILL_LEVEL_RANK: Record<SkillLevel, number> = {
  [SkillLevel.BEGINNER]: 1,
  [SkillLevel.INTERMEDIATE]: 2,
  [SkillLevel.ADVANCED]: 3,
  [SkillLevel.EXPERT]: 4,
};

/** The ROME's three kinds of items: know-how, soft skills and knowledge. */
export enum SkillKind {
  KNOW_HOW = 'KNOW_HOW',
  SOFT_SKILL = 'SOFT_SKILL',
  KNOWLEDGE = 'KNOWLEDGE',
}

export const ROME_DOMAINS: Record<string, string> = {
  A: 'Agriculture et pêche, espaces naturels et espaces verts, soins aux animaux',
  B: "Arts et façonnage d'ouvrages d'art",
  C: 'Banque, assurance, immobilier',
  D: 'Commerce, vente et grande distribution',
  E: 'Communication, média et multimédia',
  F: 'Construction, bâtiment et travaux publics',
  G: 'Hôtellerie-restauration, tourisme, loisirs et animation',
  H: 'Industrie',
  I: 'Installation et maintenance',
  J: 'Santé',
  K: 'Services à la personne et à la collectivité',
  L: 'Spectacle',
  M: "Support à l'entreprise",
  N: 'Transport et logistique',
};

/** "47.7237763721, 7.00757336099" as La Poste publishes it; null where the row has none. */
export function parseGpsPair(raw: string): { lat: number; lng: number } | null {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return null;
  const lat = Number(parts[0]);
  const lng = Number(parts[1]);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/** Title case for La Poste's upper-case commune names: "ROUGEMONT LE CHATEAU" → "Rougemont Le Chateau". */
export function communeDisplayName(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A skill listed twice in one input is a mistake worth naming, not a merge to guess. */
export function repeatedSkillErrors(skills: readonly { code: string }[], path = 'skills'): { path: string; message: string }[] {
  const seen = new Set<string>();
  const errors: { path: string; message: string }[] = [];
  skills.forEach((s, i) => {
    if (seen.has(s.code)) errors.push({ path: `${path}[${i}].code`, message: `${s.code} is listed twice` });
    seen.add(s.code);
  });
  return errors;
}
