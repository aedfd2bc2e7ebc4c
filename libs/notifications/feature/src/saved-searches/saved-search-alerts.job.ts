import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM, RequestContext } from '@mikro-orm/core';
import { MAX_PAGE_SIZE, NoticeKind, Role } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { Offer } from '@alternance/offers/graphql';
import { NotificationEntity, SavedSearchEntity, SavedSearchMatchEntity } from '@alternance/notifications/data-access';
import { DAY_MS, DigestSearch, buildDigest, startOfUtcDay } from '@alternance/notifications/domain';
import { OFFER_SEARCH, OfferSearch, OfferSearchInput, OfferSortOrder } from '@alternance/search/graphql';
import { JOB_LOG, JobLog } from '../log';

/**
 * Each run looks this far before the last one too, for offers that were published just
 * before it but indexed just after; the matches table keeps them from being told twice.
 */
const OVERLAP_MS = 3_600_000;

interface Found {
  search: SavedSearchEntity;
  offers: Offer[];
  moreCount: number;
}

/**
 * The daily saved-search alert: once a UTC day, each candidate's alerting searches run
 * through the job board search for offers published since their last run, and the new ones
 * (never an offer already told to that search) make at most one digest for the candidate.
 */
@Injectable()
export class SavedSearchAlertsJob {
  constructor(
    private readonly orm: MikroORM,
    @Inject(OFFER_SEARCH) private readonly search: OfferSearch,
    @Inject(NOTICE_BOARD) private readonly board: NoticeBoard,
    @Inject(JOB_LOG) private readonly log: JobLog,
  ) {}

  async run(now: Date): Promise<{ candidates: number; digests: number }> {
    const today = startOfUtcDay(now);
    const due = await this.orm.em
      .fork()
      .find(SavedSearchEntity, { alert: true, alertedUpTo: { $lt: today } }, { orderBy: { user: 'asc', createdAt: 'asc', id: 'asc' }, populate: ['user'] });
    const byUser = new Map<string, SavedSearchEntity[]>();
    for (const search of due) byUser.set(search.user.id, [...(byUser.get(search.user.id) ?? []), search]);
    let digests = 0;
    for (const searches of byUser.values()) {
      try {
        if (await this.runFor(searches[0].user.getEntity(), searches, now, today)) digests++;
      } catch (error) {
        this.log.warn(`saved-search alerts for user ${searches[0].user.id} failed: ${(error as Error).message}`);
      }
    }
    return { candidates: byUser.size, digests };
  }

  private async runFor(user: UserEntity, searches: SavedSearchEntity[], now: Date, today: Date): Promise<boolean> {
    const em = this.orm.em.fork();
    if (user.role !== Role.CANDIDATE) return false;
    if (await em.count(NotificationEntity, { recipient: user.id, kind: NoticeKind.SAVED_SEARCH_DIGEST, createdAt: { $gte: today } })) return false;
    const found: Found[] = [];
    for (const search of searches) {
      const result = await this.newMatches(em, user, search);
      if (result) found.push(result);
    }
    const names = await this.organizationNames(em, found);
    const digest = buildDigest(
      found.map<DigestSearch>((f) => ({
        name: f.search.name,
        offers: f.offers.map((o) => ({ id: o.id, title: o.title, organizationName: names.get(o.organizationId) ?? null })),
        moreCount: f.moreCount,
      })),
    );
    const about = found.find((f) => f.offers.length || f.moreCount)?.search;
    await em.transactional(async (tx) => {
      for (const f of found) {
        for (const offer of f.offers) {
          tx.persist(Object.assign(new SavedSearchMatchEntity(), { savedSearch: tx.getReference(SavedSearchEntity, f.search.id, { wrapped: true }), offerId: offer.id, notifiedAt: now }));
        }
        // Offers told before this horizon are older than any future run looks: forget them.
        await tx.nativeDelete(SavedSearchMatchEntity, { savedSearch: f.search.id, notifiedAt: { $lt: new Date(f.search.alertedUpTo.getTime() - OVERLAP_MS - DAY_MS) } });
        await tx.nativeUpdate(SavedSearchEntity, { id: f.search.id }, { alertedUpTo: now });
      }
      if (digest && about) {
        this.board.post(tx, [
          { recipientUserId: user.id, kind: NoticeKind.SAVED_SEARCH_DIGEST, title: digest.title, body: digest.body, subjectType: 'SAVED_SEARCH', subjectId: about.id },
        ]);
      }
    });
    if (!digest) return false;
    await this.board.noticesCommitted();
    return true;
  }

  /** The offers the search finds since its last run and has not told yet; null when the search no longer runs. */
  private async newMatches(em: EntityManager, user: UserEntity, search: SavedSearchEntity): Promise<Found | null> {
    try {
      const input = { ...search.search, sort: OfferSortOrder.NEWEST, first: MAX_PAGE_SIZE } as OfferSearchInput;
      // The search service reads through the request-scoped entity manager, as in a request.
      const result = await RequestContext.create(this.orm.em, () =>
        this.search.searchOffers({ userId: user.id, role: user.role }, input, { publishedAfter: new Date(search.alertedUpTo.getTime() - OVERLAP_MS) }),
      );
      const offers = result.edges.map((e) => e.node);
      const ids = offers.map((o) => o.id);
      const told = ids.length ? await em.find(SavedSearchMatchEntity, { savedSearch: search.id, offerId: { $in: ids } }) : [];
      const toldIds = new Set(told.map((m) => m.offerId));
      return { search, offers: offers.filter((o) => !toldIds.has(o.id)), moreCount: Math.max(0, result.totalCount - offers.length) };
    } catch (error) {
      // Left as it is: it is tried again tomorrow, and the candidate's other searches still run.
      this.log.warn(`saved search ${search.id} could not run: ${(error as Error).message}`);
      return null;
    }
  }

  private async organizationNames(em: EntityManager, found: Found[]): Promise<Map<string, string>> {
    const ids = [...new Set(found.flatMap((f) => f.offers.map((o) => o.organizationId)))];
    const rows = ids.length ? await em.find(OrganizationEntity, { id: { $in: ids } }, { fields: ['id', 'name'] }) : [];
    return new Map(rows.map((o) => [o.id, o.name]));
  }
}
