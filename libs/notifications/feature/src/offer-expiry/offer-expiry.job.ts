import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Notice, NoticeKind, Role } from '@alternance/platform/domain';
import { AggregateType, NOTICE_BOARD, NoticeBoard, OUTBOX_LISTENER, OutboxListener, recordChange } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { OfferExpiryNoticeEntity } from '@alternance/notifications/data-access';
import {
  EXPIRY_WARNING_HORIZON_DAYS,
  ExpiryStage,
  addDays,
  dueExpiryWarning,
  expiryWarningText,
  offerExpiredText,
  startOfUtcDay,
} from '@alternance/notifications/domain';
import { JOB_LOG, JobLog } from '../log';

export interface ExpiredOffer {
  offerId: string;
  title: string;
  organizationId: string;
  expiresAt: Date;
}

/**
 * Called inside the transaction that closes expired offers, before it commits: post notices
 * (e.g. to the offers' applicants) or write rows through `em` and they commit with the closing.
 */
export type OfferExpiryHook = (em: EntityManager, expired: readonly ExpiredOffer[], at: Date) => Promise<void>;

const BATCH = 100;

/**
 * Offers leave the board on their expiry date: the job closes them (with an outbox change, so
 * search drops them), tells the organization's employers, and warns them 7 days and 1 day
 * before. Each notice is recorded per offer and stage, so re-running the job sends nothing twice.
 */
@Injectable()
export class OfferExpiryJob {
  private readonly hooks: OfferExpiryHook[] = [];

  constructor(
    private readonly orm: MikroORM,
    @Inject(NOTICE_BOARD) private readonly board: NoticeBoard,
    @Inject(JOB_LOG) private readonly log: JobLog,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  /** Adds work to do when offers expire, in the same transaction. */
  onExpired(hook: OfferExpiryHook): void {
    this.hooks.push(hook);
  }

  async run(now: Date): Promise<{ expired: number; warned: number }> {
    return { expired: await this.closeExpired(now), warned: await this.warnExpiring(now) };
  }

  private async closeExpired(now: Date): Promise<number> {
    let closed = 0;
    for (;;) {
      const expired = await this.orm.em.fork().transactional(async (tx) => {
        const offers = await tx.find(OfferEntity, { status: OfferStatus.PUBLISHED, expiresAt: { $lte: now } }, { orderBy: { expiresAt: 'asc', id: 'asc' }, limit: BATCH });
        const employers = await this.employersOf(tx, offers);
        const notices: Notice[] = [];
        for (const offer of offers) {
          offer.status = OfferStatus.CLOSED;
          offer.updatedAt = now;
          recordChange(tx, AggregateType.OFFER, offer.id, now);
          tx.persist(this.stageRecord(tx, offer.id, ExpiryStage.EXPIRED, now));
          const text = offerExpiredText(offer.title, offer.expiresAt!);
          for (const userId of employers.get(offer.organization.id) ?? []) {
            notices.push({ recipientUserId: userId, kind: NoticeKind.OFFER_EXPIRED, ...text, subjectType: 'OFFER', subjectId: offer.id });
          }
        }
        this.board.post(tx, notices);
        const expiredOffers = offers.map<ExpiredOffer>((o) => ({ offerId: o.id, title: o.title, organizationId: o.organization.id, expiresAt: o.expiresAt! }));
        if (expiredOffers.length) for (const hook of this.hooks) await hook(tx, expiredOffers, now);
        return expiredOffers;
      });
      if (!expired.length) break;
      closed += expired.length;
      await this.outbox?.changesCommitted();
      await this.board.noticesCommitted();
      this.log.info(`offer expiry: closed ${expired.length} offer(s)`);
      if (expired.length < BATCH) break;
    }
    return closed;
  }

  private async warnExpiring(now: Date): Promise<number> {
    const em = this.orm.em.fork();
    const horizon = addDays(startOfUtcDay(now), EXPIRY_WARNING_HORIZON_DAYS + 1);
    const offers = await em.find(OfferEntity, { status: OfferStatus.PUBLISHED, expiresAt: { $gt: now, $lt: horizon } }, { orderBy: { expiresAt: 'asc', id: 'asc' } });
    if (!offers.length) return 0;
    const records = await em.find(OfferExpiryNoticeEntity, { offer: { $in: offers.map((o) => o.id) } });
    const done = new Map<string, Set<ExpiryStage>>();
    for (const r of records) done.set(r.offer.id, new Set([...(done.get(r.offer.id) ?? []), r.stage]));
    let warned = 0;
    await em.transactional(async (tx) => {
      const employers = await this.employersOf(tx, offers);
      const notices: Notice[] = [];
      for (const offer of offers) {
        const { send, settle } = dueExpiryWarning(now, offer.expiresAt!, done.get(offer.id) ?? new Set());
        for (const stage of settle) tx.persist(this.stageRecord(tx, offer.id, stage, now));
        if (!send) continue;
        warned++;
        const text = expiryWarningText(offer.title, now, offer.expiresAt!);
        for (const userId of employers.get(offer.organization.id) ?? []) {
          notices.push({ recipientUserId: userId, kind: NoticeKind.OFFER_EXPIRING, ...text, subjectType: 'OFFER', subjectId: offer.id });
        }
      }
      this.board.post(tx, notices);
    });
    if (warned) await this.board.noticesCommitted();
    return warned;
  }

  private stageRecord(em: EntityManager, offerId: string, stage: ExpiryStage, at: Date): OfferExpiryNoticeEntity {
    return Object.assign(new OfferExpiryNoticeEntity(), { offer: em.getReference(OfferEntity, offerId, { wrapped: true }), stage, sentAt: at });
  }

  /** Employer accounts by organization. */
  private async employersOf(em: EntityManager, offers: OfferEntity[]): Promise<Map<string, string[]>> {
    const orgIds = [...new Set(offers.map((o) => o.organization.id))];
    const users = await em.find(UserEntity, { role: Role.EMPLOYER, organization: { $in: orgIds } }, { fields: ['id', 'organization'], orderBy: { id: 'asc' } });
    const byOrg = new Map<string, string[]>();
    for (const u of users) byOrg.set(u.organization!.id, [...(byOrg.get(u.organization!.id) ?? []), u.id]);
    return byOrg;
  }
}
