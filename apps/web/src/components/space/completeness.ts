import type { SpaceMessages } from '../../i18n/space-messages';

export interface ProfileFacts {
  headline?: string | null;
  educationLevel?: string | null;
  birthDate?: string | null;
  jobSeeker?: boolean | null;
  desiredRomeCodes: readonly string[];
  location?: { postcode?: string | null } | null;
  skills: readonly unknown[];
  programs: readonly unknown[];
}

export interface CompletenessItem {
  key: keyof SpaceMessages['dashboard']['items'];
  done: boolean;
  /** The profile page's section that fills it in. */
  anchor: string;
}

/**
 * What the profile has and lacks, in the order of the profile page. The availability date is
 * not counted: leaving it empty means "available now".
 */
export function completeness(profile: ProfileFacts): CompletenessItem[] {
  return [
    { key: 'headline', done: Boolean(profile.headline?.trim()), anchor: 'essentiel' },
    { key: 'education', done: Boolean(profile.educationLevel), anchor: 'essentiel' },
    { key: 'skills', done: profile.skills.length > 0, anchor: 'competences' },
    { key: 'occupations', done: profile.desiredRomeCodes.length > 0, anchor: 'metiers' },
    { key: 'programs', done: profile.programs.length > 0, anchor: 'formations' },
    { key: 'location', done: Boolean(profile.location?.postcode), anchor: 'mobilite' },
    { key: 'birthDate', done: Boolean(profile.birthDate), anchor: 'donnees-protegees' },
    { key: 'jobSeeker', done: profile.jobSeeker != null, anchor: 'donnees-protegees' },
  ];
}
