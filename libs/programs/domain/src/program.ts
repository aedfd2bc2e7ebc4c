/**
 * Training paths come from the RNCP certifications open to apprenticeship (France
 * compétences' "kit apprentissage"). The kit gives the level and RNCP record; the length and
 * rhythm of the path are not published there, so they are derived from the level with the
 * usual figures for online apprenticeship paths (see README: "Program catalogue").
 */
export interface CertificationRow {
  diplomaCode: string;
  title: string;
  rncpCode: string | null;
  level: number | null;
  openToApprenticeship: boolean;
  active: boolean;
  expiresOn: string | null;
  replacedBy: string | null;
}

export function parseLevel(raw: string): number | null {
  const m = /(\d)/.exec(raw);
  if (!m) return null;
  const level = Number(m[1]);
  return level >= 3 && level <= 8 ? level : null;
}

/** dd/mm/yyyy → yyyy-mm-dd */
export function parseFrenchDate(raw: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

export function certificationFromKitRow(row: Record<string, string>): CertificationRow {
  const rncp = (row['FicheRNCP'] ?? '').trim();
  return {
    diplomaCode: (row['Code Diplôme'] ?? '').trim(),
    title: (row['Intitulé certification (RNCP)'] || row['Intitulé diplôme (DEPP)'] || '').trim(),
    rncpCode: /^RNCP\d+$/.test(rncp) ? rncp : null,
    level: parseLevel(row['Niveau fiche RNCP'] ?? ''),
    openToApprenticeship: /^oui$/i.test((row["Accès à l'apprentissage de la fiche RNCP (oui/non)"] ?? '').trim()),
    active: (row['Fiche ACTIVE/INACTIVE'] ?? '').trim().toUpperCase() === 'ACTIVE',
    expiresOn: parseFrenchDate(row["Date d'échéance de la fiche RNCP"] ?? ''),
    replacedBy: (row['Nouvelle Certification rempla (RNCP)'] ?? '').trim() || null,
  };
}

export interface PathShape {
  durationMonths: number;
  trainingDaysPerWeek: number;
  trainingHours: number;
}

/**
 * Path length by certification level: short vocational certificates (3-4) take 6 to 12
 * months, higher ones 12 to 18, within the product's 6-18 month range; about 7 hours a
 * training day over roughly 4.3 weeks a month.
 */
export function pathShapeForLevel(level: number | null): PathShape {
  const durationMonths = level == null ? 12 : level <= 3 ? 6 : level === 4 ? 9 : level === 5 ? 12 : level === 6 ? 12 : 18;
  const trainingDaysPerWeek = level != null && level >= 6 ? 2 : 1;
  const trainingHours = Math.round(durationMonths * 4.3 * trainingDaysPerWeek * 7);
  return { durationMonths, trainingDaysPerWeek, trainingHours };
}

/** The legal POEI caps go up to 600 hours: shorter paths can serve as POE training. */
export const POE_MAX_TRAINING_HOURS = 600;

export function isPoeEligible(trainingHours: number): boolean {
  return trainingHours <= POE_MAX_TRAINING_HOURS;
}
