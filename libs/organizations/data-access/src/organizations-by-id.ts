import { EntityManager } from '@mikro-orm/core';
import { isUuid } from '@alternance/platform/domain';
import { PlainEntity, findPlainByKeys } from '@alternance/platform/data-access';
import { OrganizationEntity } from './organization.entity';

/** Organizations by id, read for display: plain data, one bound statement for them all. */
export async function organizationsById(em: EntityManager, ids: readonly string[]): Promise<Map<string, PlainEntity<OrganizationEntity>>> {
  const rows = await findPlainByKeys(em, OrganizationEntity, ids.filter(isUuid));
  return new Map(rows.map((o) => [o.id, o]));
}
