import { EntityManager } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';

/**
 * A write by the person counts as activity for the retention clock. The account is changed
 * in the unit of work, so the time commits with the write (a direct update would be undone
 * by the flush of the copy the request already holds).
 */
export async function touchActivity(em: EntityManager, userId: string, at: Date): Promise<void> {
  const user = await em.findOne(UserEntity, { id: userId });
  if (user) user.lastActiveAt = at;
}
