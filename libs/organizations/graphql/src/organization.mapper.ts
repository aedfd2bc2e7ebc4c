import { OrganizationEntity } from '@alternance/organizations/data-access';
import { PlainEntity } from '@alternance/platform/data-access';
import { Organization } from './organization.model';

export function toOrganization(o: PlainEntity<OrganizationEntity>): Organization {
  return {
    id: o.id,
    name: o.name,
    siret: o.siret,
    country: o.country,
    sector: o.sector,
    size: o.size,
    accessibility: { disabilityReferent: o.disabilityReferent, accommodations: o.accommodations },
    claimed: o.claimed,
  };
}
