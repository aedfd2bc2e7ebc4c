import { Country, FieldError } from '@alternance/platform/domain';

export { Country };
import { isValidSiret, normaliseSiret } from './siret';

export enum OrganizationSize {
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

/**
 * A French employer is identified by its SIRET (checked with its key); UK and US employers
 * have none, so giving one is a mistake worth reporting rather than storing.
 */
export function checkRegistration(country: Country, siret: string | null | undefined, path = 'siret'): FieldError[] {
  if (country === Country.FR) {
    if (!siret) return [{ path, message: 'is required for an organization in France' }];
    if (!isValidSiret(siret)) return [{ path, message: 'is not a valid SIRET (14 digits with a valid check key)' }];
    return [];
  }
  if (siret) return [{ path, message: `applies to French organizations only, not ${country}` }];
  return [];
}

export function canonicalSiret(country: Country, siret: string | null | undefined): string | null {
  return country === Country.FR && siret ? normaliseSiret(siret) : null;
}
