import { EntityManager } from '@mikro-orm/core';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { JobTitleEntity, OccupationEntity } from '@alternance/taxonomy/data-access';
import { IndexableCandidate, IndexableOffer } from '@alternance/search/domain';

/** The offers as the index must show them now (absent ids were deleted). */
export async function loadIndexableOffers(em: EntityManager, ids: string[]): Promise<Map<string, IndexableOffer>> {
  if (!ids.length) return new Map();
  const offers = await em.find(OfferEntity, { id: { $in: ids } }, { populate: ['organization'] });
  const programIds = [...new Set(offers.flatMap((o) => o.programIds))];
  const programs = programIds.length ? await em.find(ProgramEntity, { id: { $in: programIds } }, { fields: ['id', 'level'] }) : [];
  const levels = new Map(programs.map((p) => [p.id, p.level]));
  const labels = await occupationLabels(em, [...new Set(offers.map((o) => o.romeCode))]);
  return new Map(
    offers.map((o) => {
      const org = o.organization.getEntity();
      return [
        o.id,
        {
          id: o.id,
          title: o.title,
          description: o.description,
          organizationId: org.id,
          organizationName: org.name,
          disabilityFriendly: org.disabilityReferent,
          contractType: o.contractType,
          remotePolicy: o.remotePolicy,
          romeCode: o.romeCode,
          occupationLabels: labels.get(o.romeCode) ?? [],
          skillLabels: o.skills.map((s) => s.label),
          programIds: o.programIds,
          programLevels: o.programIds.flatMap((id) => (levels.get(id) != null ? [levels.get(id) as number] : [])),
          country: o.country,
          lat: o.lat,
          lng: o.lng,
          startEarliest: o.startEarliest,
          startLatest: o.startLatest,
          status: o.status,
          publishedAt: o.publishedAt,
        } satisfies IndexableOffer,
      ];
    }),
  );
}

/** Per ROME code, the occupation's name then its job titles (indexed with each offer of the occupation). */
async function occupationLabels(em: EntityManager, romeCodes: string[]): Promise<Map<string, string[]>> {
  if (!romeCodes.length) return new Map();
  const [occupations, titles] = await Promise.all([
    em.find(OccupationEntity, { code: { $in: romeCodes } }, { fields: ['code', 'label'] }),
    em.find(JobTitleEntity, { romeCode: { $in: romeCodes } }, { fields: ['romeCode', 'label'], orderBy: { code: 'asc' } }),
  ]);
  const labels = new Map(occupations.map((o) => [o.code, [o.label]]));
  for (const t of titles) labels.get(t.romeCode)?.push(t.label);
  return labels;
}

export async function offerIdsOfOrganizations(em: EntityManager, organizationIds: string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await em.find(OfferEntity, { organization: { $in: organizationIds } }, { fields: ['id'] });
  return rows.map((r) => r.id);
}

export async function loadIndexableCandidates(em: EntityManager, ids: string[]): Promise<Map<string, IndexableCandidate>> {
  if (!ids.length) return new Map();
  const rows = await em.find(CandidateEntity, { id: { $in: ids } }, { populate: ['user'] });
  return new Map(
    rows.map((c) => [
      c.id,
      {
        id: c.id,
        displayName: c.user.getEntity().displayName,
        headline: c.headline,
        skills: c.skills.map((s) => ({ code: s.code, label: s.label })),
        desiredRomeCodes: c.desiredRomeCodes,
        programIds: c.programIds,
        lat: c.lat,
        lng: c.lng,
        remotePreference: c.remotePreference,
        availableFrom: c.availableFrom,
        educationLevel: c.educationLevel,
        visibility: c.visibility,
        updatedAt: c.updatedAt,
      } satisfies IndexableCandidate,
    ]),
  );
}

/** Every id of a table, in pages, for a rebuild. */
export async function* allIds(em: EntityManager, entity: typeof OfferEntity | typeof CandidateEntity, pageSize = 1000): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows: { id: string }[] = await em.find(entity as typeof OfferEntity, { id: { $gt: after } }, { fields: ['id'], orderBy: { id: 'asc' }, limit: pageSize });
    if (!rows.length) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1].id;
  }
}
