import { EntityManager } from '@mikro-orm/core';
import { COUNTED_STATUSES, InvitationStatus } from '@alternance/applications/domain';
import { InvitationEntity } from './invitation.entity';

/**
 * Counted applications (see COUNTED_STATUSES) of many offers in one grouped query, so a page
 * of offers costs one count however long it is. Offers without any are absent from the map.
 */
export async function countApplications(em: EntityManager, offerIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!offerIds.length) return counts;
  const rows = await em
    .getConnection()
    .execute<{ offer_id: string; n: number | string }[]>(
      `select offer_id, count(*) as n from applications where offer_id in (${offerIds.map(() => '?').join(', ')}) and status in (${COUNTED_STATUSES.map(() => '?').join(', ')}) group by offer_id`,
      [...offerIds, ...COUNTED_STATUSES],
    );
  for (const row of rows) counts.set(row.offer_id, Number(row.n));
  return counts;
}

export interface RevealedIdentity {
  displayName: string;
  email: string;
}

/**
 * Who, among these candidates, accepted an invitation from this organization, with the
 * identity accepting revealed to it: one query for a whole page of candidates.
 */
export async function identitiesRevealedTo(em: EntityManager, organizationId: string, candidateIds: readonly string[]): Promise<Map<string, RevealedIdentity>> {
  const revealed = new Map<string, RevealedIdentity>();
  if (!candidateIds.length) return revealed;
  const accepted = await em.find(
    InvitationEntity,
    { organization: organizationId, candidate: { $in: [...candidateIds] }, status: InvitationStatus.ACCEPTED },
    { populate: ['candidate.user'], strategy: 'joined' },
  );
  for (const invitation of accepted) {
    const user = invitation.candidate.getEntity().user.getEntity();
    revealed.set(invitation.candidate.id, { displayName: user.displayName, email: user.email });
  }
  return revealed;
}
