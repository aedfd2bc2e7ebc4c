import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { CLOCK, Clock, Country } from '@alternance/platform/domain';
import { AggregateType, OUTBOX_LISTENER, OutboxListener, recordChange } from '@alternance/platform/data-access';
import { APP_CONFIG, AppConfig } from '@alternance/platform/nest';
import { OfferEntity } from '@alternance/offers/data-access';
import { ContractType, OfferStatus, RemotePolicy, defaultExpiry } from '@alternance/offers/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { CommuneEntity, JobTitleEntity, OccupationEntity } from '@alternance/taxonomy/data-access';
import { ImportRunEntity, ImportRunStatus, OfferSourceEntity } from '@alternance/imports/data-access';
import {
  ClosingPolicy,
  DedupFacts,
  Gazetteer,
  GazetteerCommune,
  PartnerFeedReader,
  PartnerOffer,
  PartnerRecord,
  PartnerRejection,
  closingVerdict,
  communeKey,
  contentDigest,
  dedupKey,
  isFatalRecord,
  isSkippedRecord,
  sameOffer,
} from '@alternance/imports/domain';
import { OccupationGuesser, buildOccupationGuesser } from './occupation-guesser';
import { offerHtmlToText } from './offer-text';
import { IMPORT_CONFIG, ImportConfig } from './import-config';

/** Records written per transaction: large enough to amortise a flush, small enough to keep memory flat. */
const BATCH = 500;
/** Rejections kept on the run for staff to read (all are counted). */
const KEPT_REJECTIONS = 100;
const DAY_MS = 86_400_000;

export interface ImportProgress {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  merged: number;
}

export interface ImportRequest {
  reader: PartnerFeedReader;
  input: AsyncIterable<Uint8Array | string>;
  /** File path or URL, kept on the run. */
  location: string;
  /** The feed lists every offer of the source: absences count toward closing. Default true. */
  complete?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** The feed really shrank (a partner dropped many offers): close what it no longer lists anyway. */
  acceptShrink?: boolean;
}

/** Offers a run closed because their source stopped listing them; hooks tell their applicants. */
export type ImportClosedHook = (em: EntityManager, closed: readonly { offerId: string; title: string }[], at: Date) => Promise<void>;

interface Placed {
  record: number;
  offer: PartnerOffer;
  commune: GazetteerCommune;
  romeCode: string;
  unsure: boolean;
  contractType: ContractType;
}

/**
 * Imports one partner feed into offers: streamed in batches, each batch one transaction, so a
 * bad record or a feed cut short loses nothing already imported. Every offer keeps where it
 * came from; the same feed imported twice writes no offer and no outbox event; a changed one
 * is updated; a repost of another partner's offer becomes one more source of that offer; an
 * offer missing from complete feeds for `missedRuns` runs is closed and its applicants told.
 */
@Injectable()
export class OfferImporter {
  private readonly closedHooks: ImportClosedHook[] = [];

  constructor(
    private readonly orm: MikroORM,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'offerTtlDays'>,
    @Inject(IMPORT_CONFIG) private readonly importConfig: ImportConfig,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly outbox?: OutboxListener,
  ) {}

  onClosed(hook: ImportClosedHook): void {
    this.closedHooks.push(hook);
  }

  async run(request: ImportRequest): Promise<ImportRunEntity> {
    const source = request.reader.source;
    const startedAt = this.clock.now();
    const em = this.orm.em.fork();
    const run = Object.assign(new ImportRunEntity(), { source, location: request.location.slice(0, 2000), complete: request.complete ?? true, startedAt });
    await em.persistAndFlush(run);
    const lookups = await this.lookups(em);
    let failed = false;
    let batch: PartnerRecord[] = [];
    const progress = (): void => request.onProgress?.({ read: run.read, created: run.created, updated: run.updated, unchanged: run.unchanged, skipped: run.skipped, rejected: run.rejected, merged: run.merged });
    try {
      for await (const record of request.reader.read(request.input)) {
        batch.push(record);
        if (batch.length >= BATCH) {
          failed = (await this.importBatch(run, batch, lookups, startedAt)) || failed;
          batch = [];
          progress();
        }
      }
    } catch (error) {
      // A reader that throws (a stream that broke): what was read stays imported.
      failed = true;
      run.error = (error as Error).message;
    }
    if (batch.length) failed = (await this.importBatch(run, batch, lookups, startedAt)) || failed;
    progress();

    // The size to compare with: the last run that was allowed to close. A shrunken run is not one,
    // so a feed cut short twice in a row still closes nothing (`acceptShrink` takes a new size).
    const previous = request.acceptShrink
      ? null
      : await em.findOne(
          ImportRunEntity,
          { source, complete: true, status: ImportRunStatus.SUCCEEDED, closingSkipped: null, id: { $ne: run.id } },
          { orderBy: { startedAt: 'desc' }, fields: ['read'] },
        );
    const verdict = closingVerdict({ complete: run.complete, failed, read: run.read, previousRead: previous?.read ?? null }, this.policy());
    if (verdict.close) run.closed = await this.closeMissing(source, startedAt);
    else run.closingSkipped = verdict.reason;
    run.status = failed ? ImportRunStatus.FAILED : ImportRunStatus.SUCCEEDED;
    run.finishedAt = this.clock.now();
    await em.flush();
    return run;
  }

  private policy(): ClosingPolicy {
    return { missedRuns: this.importConfig.closeAfterMissedRuns, maxShrink: this.importConfig.maxShrink };
  }

  /** Read once per run: communes, occupation codes, and the title guesser. */
  private async lookups(em: EntityManager): Promise<{ gazetteer: Gazetteer; occupations: Set<string>; guesser: OccupationGuesser }> {
    const communes = await em.find(CommuneEntity, { lat: { $ne: null }, lng: { $ne: null } }, { fields: ['inseeCode', 'name', 'postcode', 'lat', 'lng'], orderBy: { id: 'asc' } });
    const occupations = await em.find(OccupationEntity, {}, { fields: ['code', 'label', 'parentCode'] });
    const titles = await em.find(JobTitleEntity, {}, { fields: ['label', 'romeCode'] });
    return {
      gazetteer: new Gazetteer(communes.map((c) => ({ inseeCode: c.inseeCode, name: c.name, postcode: c.postcode, lat: c.lat!, lng: c.lng! }))),
      occupations: new Set(occupations.map((o) => o.code)),
      guesser: rememberGuesses(
        buildOccupationGuesser(
          titles.map((t) => ({ label: t.label, romeCode: t.romeCode })),
          occupations.map((o) => ({ romeCode: o.code, label: o.label, parentCode: o.parentCode ?? undefined })),
        ),
      ),
    };
  }

  /** One transaction; returns whether the feed reported it could not be read to its end. */
  private async importBatch(
    run: ImportRunEntity,
    records: PartnerRecord[],
    lookups: { gazetteer: Gazetteer; occupations: Set<string>; guesser: OccupationGuesser },
    now: Date,
  ): Promise<boolean> {
    let failed = false;
    const placed: Placed[] = [];
    const reject = (rejection: PartnerRejection): void => {
      run.rejected++;
      if (run.rejections.length < KEPT_REJECTIONS) run.rejections = [...run.rejections, rejection];
    };
    for (const record of records) {
      if (!record.ok) {
        if (isSkippedRecord(record)) {
          run.read++;
          run.skipped++;
          continue;
        }
        // The feed broke here: the records before it stay imported, absences count for nothing.
        if (isFatalRecord(record)) failed = true;
        else run.read++;
        reject(record.rejection);
        continue;
      }
      run.read++;
      const { offer } = record;
      const where = { record: record.record, location: `record ${record.record}` };
      if (offer.contractKind === 'OTHER') {
        run.skipped++;
        continue;
      }
      const commune = lookups.gazetteer.locate(offer.location);
      if (!commune) {
        reject({ ...where, reason: 'UNKNOWN_PLACE', detail: `no commune for ${JSON.stringify([offer.location.postcode, offer.location.inseeCode, offer.location.city].filter(Boolean).join(' ') || 'an empty place')}` });
        continue;
      }
      if (!offer.employer.siret && !offer.employer.name?.trim()) {
        reject({ ...where, reason: 'MISSING_EMPLOYER', detail: 'neither a SIRET nor an employer name' });
        continue;
      }
      let romeCode = offer.romeCode && lookups.occupations.has(offer.romeCode) ? offer.romeCode : null;
      let unsure = false;
      if (!romeCode) {
        const guess = lookups.guesser.guess(offer.title);
        if (!guess) {
          reject({ ...where, reason: 'UNKNOWN_OCCUPATION', detail: `no occupation found for the title "${offer.title}"` });
          continue;
        }
        romeCode = guess.romeCode;
        unsure = guess.unsure;
      }
      // Feeds of work-study offers that do not say which contract: apprenticeship, by far the most common.
      const contractType = offer.contractKind === 'PROFESSIONALISATION' ? ContractType.PROFESSIONALISATION : ContractType.APPRENTICESHIP;
      placed.push({ record: record.record, offer, commune, romeCode, unsure, contractType });
    }
    if (!placed.length) return failed;

    const em = this.orm.em.fork();
    const changed = await em.transactional(async (tx) => {
      const organizations = await this.organizationsFor(tx, placed.map((p) => p.offer), now);
      const existing = await tx.find(
        OfferSourceEntity,
        { source: run.source, externalId: { $in: placed.map((p) => p.offer.externalId) } },
        { populate: ['offer'] },
      );
      const bySourceId = new Map(existing.map((s) => [s.externalId, s]));
      const keyed = placed.map((p) => {
        const organization = organizations.get(this.employerKey(p.offer))!;
        const key = dedupKey({ organizationId: organization.id, title: p.offer.title, inseeCode: p.commune.inseeCode, postcode: p.commune.postcode });
        return { p, organization, key };
      });
      // Other sources' live offers under the keys of the offers new to this source: one query per batch.
      const newKeys = keyed.filter(({ p }) => {
        const known = bySourceId.get(p.offer.externalId);
        return !known || known.offer.getEntity().status === OfferStatus.CLOSED;
      });
      const twins = await this.twinCandidates(tx, run.source, [...new Set(newKeys.map((k) => k.key))]);
      const touched: string[] = [];
      const seenInBatch = new Set<string>();
      for (const { p, organization, key } of keyed) {
        if (seenInBatch.has(p.offer.externalId)) {
          reject({ record: p.record, location: `record ${p.record}`, reason: 'DUPLICATE_ID', detail: `the id ${p.offer.externalId} appears twice in the feed` });
          continue;
        }
        seenInBatch.add(p.offer.externalId);
        const fields = this.offerFields(p);
        // What the partner published and what the import made of it; not the dates derived from today.
        const digest = contentDigest({ offer: p.offer, organization: organization.id, romeCode: p.romeCode, unsure: p.unsure, contractType: p.contractType, insee: p.commune.inseeCode });
        const known = bySourceId.get(p.offer.externalId);
        if (known && known.offer.getEntity().status !== OfferStatus.CLOSED) {
          known.lastSeenAt = now;
          known.missedRuns = 0;
          known.gone = false;
          const offer = known.offer.getEntity();
          if (known.digest === digest) {
            run.unchanged++;
            // Still listed: keep it on the board past its expiry, refreshed when half its time is gone.
            if (offer.status === OfferStatus.PUBLISHED && offer.expiresAt && offer.expiresAt.getTime() - now.getTime() < (this.config.offerTtlDays * DAY_MS) / 2) {
              offer.expiresAt = defaultExpiry(now, this.config.offerTtlDays);
              offer.updatedAt = now;
              touched.push(offer.id);
            }
            continue;
          }
          // Without a start date from the partner, the window set when the offer was created stays.
          const window = p.offer.startDate ? {} : { startEarliest: offer.startEarliest, startLatest: offer.startLatest };
          // An unsure guess never replaces an occupation staff (or an earlier sure guess) settled.
          const settled = p.unsure && !offer.occupationToReview ? { romeCode: offer.romeCode, occupationToReview: false } : {};
          Object.assign(offer, fields, window, settled, { organization: tx.getReference(OrganizationEntity, organization.id, { wrapped: true }), updatedAt: now });
          if (offer.status === OfferStatus.DRAFT && !offer.occupationToReview) this.publish(offer, now);
          known.digest = digest;
          known.dedupKey = key;
          run.updated++;
          if (offer.occupationToReview) run.flagged++;
          touched.push(offer.id);
          continue;
        }
        // New to this source (or listed again after being closed): another partner's offer, or a new one.
        const twin = this.findTwin(twins.get(key) ?? [], { organizationId: organization.id, title: p.offer.title, inseeCode: p.commune.inseeCode, postcode: p.commune.postcode, startDate: p.offer.startDate, descriptionHtml: p.offer.descriptionHtml });
        let offer: OfferEntity;
        if (twin) {
          offer = twin;
          run.merged++;
        } else {
          offer = Object.assign(new OfferEntity(), fields, {
            organization: tx.getReference(OrganizationEntity, organization.id, { wrapped: true }),
            country: Country.FR,
            remotePolicy: RemotePolicy.ONSITE,
            positions: 1,
            createdAt: now,
            updatedAt: now,
          });
          if (!p.unsure) this.publish(offer, now);
          tx.persist(offer);
          run.created++;
          if (p.unsure) run.flagged++;
          touched.push(offer.id);
        }
        if (known) {
          Object.assign(known, { offer: tx.getReference(OfferEntity, offer.id, { wrapped: true }), digest, dedupKey: key, lastSeenAt: now, missedRuns: 0, gone: false });
        } else {
          tx.persist(
            Object.assign(new OfferSourceEntity(), {
              offer: tx.getReference(OfferEntity, offer.id, { wrapped: true }),
              source: run.source,
              externalId: p.offer.externalId.slice(0, 200),
              digest,
              dedupKey: key,
              firstSeenAt: now,
              lastSeenAt: now,
            }),
          );
        }
      }
      for (const id of touched) recordChange(tx, AggregateType.OFFER, id, now);
      return touched.length;
    });
    if (changed) await this.outbox?.changesCommitted();
    return failed;
  }

  private publish(offer: OfferEntity, now: Date): void {
    offer.status = OfferStatus.PUBLISHED;
    offer.publishedAt = now;
    offer.expiresAt = defaultExpiry(now, this.config.offerTtlDays);
  }

  /** What an import writes of an offer from one partner's version; its digest tells a change. */
  private offerFields(p: Placed): Partial<OfferEntity> {
    const { offer, commune } = p;
    const today = this.clock.now().toISOString().slice(0, 10);
    const start = offer.startDate && offer.startDate >= today ? offer.startDate : today;
    const latest = new Date(Date.parse(start) + (offer.startDate ? 60 : 180) * DAY_MS).toISOString().slice(0, 10);
    return {
      title: offer.title.trim().slice(0, 200),
      description: offerHtmlToText(offer.descriptionHtml) || offer.title.trim(),
      contractType: p.contractType,
      romeCode: p.romeCode,
      occupationToReview: p.unsure,
      city: commune.name,
      postcode: commune.postcode,
      inseeCode: commune.inseeCode,
      // A partner's coordinates are kept when they fall in the commune's area (some feeds send placeholders).
      ...(nearCommune(offer.location, commune) ? { lat: offer.location.lat!, lng: offer.location.lng! } : { lat: commune.lat, lng: commune.lng }),
      startEarliest: offer.startDate ? start : today,
      startLatest: latest,
      applyUrl: offer.apply.kind === 'URL' ? offer.apply.url.slice(0, 2000) : null,
      applyEmail: offer.apply.kind === 'EMAIL' ? offer.apply.email.slice(0, 320) : null,
      diploma: offer.level?.trim().slice(0, 200) || null,
    };
  }

  private employerKey(offer: PartnerOffer): string {
    return offer.employer.siret ? `siret:${offer.employer.siret}` : `name:${communeKey(offer.employer.name ?? '')}`;
  }

  /**
   * The organizations of a batch's employers: by SIRET (claimed or not), else by name among
   * the organizations imports created (a name never attaches an offer to an employer's own
   * account). Missing ones are created unclaimed.
   */
  private async organizationsFor(em: EntityManager, offers: PartnerOffer[], now: Date): Promise<Map<string, OrganizationEntity>> {
    const sirets = [...new Set(offers.map((o) => o.employer.siret).filter((s): s is string => !!s))];
    const names = [...new Set(offers.filter((o) => !o.employer.siret).map((o) => communeKey(o.employer.name ?? '')))];
    const found = new Map<string, OrganizationEntity>();
    if (sirets.length) for (const org of await em.find(OrganizationEntity, { siret: { $in: sirets } })) found.set(`siret:${org.siret}`, org);
    if (names.length) {
      for (const org of await em.find(OrganizationEntity, { nameKey: { $in: names }, claimed: false, siret: null }, { orderBy: { createdAt: 'asc', id: 'asc' } })) {
        if (!found.has(`name:${org.nameKey}`)) found.set(`name:${org.nameKey}`, org);
      }
    }
    for (const offer of offers) {
      const key = this.employerKey(offer);
      if (found.has(key)) continue;
      const name = (offer.employer.name?.trim() || `Établissement ${offer.employer.siret}`).slice(0, 200);
      const org = Object.assign(new OrganizationEntity(), { name, siret: offer.employer.siret, country: Country.FR, claimed: false, nameKey: communeKey(name).slice(0, 200), createdAt: now, updatedAt: now });
      em.persist(org);
      found.set(key, org);
    }
    return found;
  }

  /**
   * What other sources list, still listed, under each of the keys (at most 20 per key), read
   * before the batch writes anything: one query instead of one per new offer, and no flush of
   * the batch's pending rows before each.
   */
  private async twinCandidates(em: EntityManager, source: string, keys: string[]): Promise<Map<string, OfferSourceEntity[]>> {
    const byKey = new Map<string, OfferSourceEntity[]>();
    if (!keys.length) return byKey;
    for (const row of await em.find(OfferSourceEntity, { dedupKey: { $in: keys }, source: { $ne: source }, gone: false }, { populate: ['offer'], orderBy: { id: 'asc' } })) {
      const list = byKey.get(row.dedupKey) ?? [];
      if (list.length < 20) list.push(row);
      byKey.set(row.dedupKey, list);
    }
    return byKey;
  }

  /** A live offer another source listed with the same key and which `sameOffer` takes for this one. */
  private findTwin(others: OfferSourceEntity[], facts: DedupFacts): OfferEntity | null {
    for (const other of others) {
      const offer = other.offer.getEntity();
      if (offer.status === OfferStatus.CLOSED || offer.status === OfferStatus.FILLED) continue;
      if (sameOffer(facts, { organizationId: offer.organization.id, title: offer.title, inseeCode: offer.inseeCode, postcode: offer.postcode, startDate: offer.startEarliest, descriptionHtml: offer.description })) return offer;
    }
    return null;
  }

  /**
   * After a complete run: each offer of the source it did not list has missed one more run;
   * at `missedRuns` it is gone from that source, and an offer no source lists any more closes.
   */
  private async closeMissing(source: string, runStart: Date): Promise<number> {
    let closed = 0;
    let after: string | null = null;
    for (;;) {
      const done = await this.orm.em.fork().transactional(async (tx) => {
        const missing = await tx.find(
          OfferSourceEntity,
          { source, gone: false, lastSeenAt: { $lt: runStart }, ...(after ? { id: { $gt: after } } : {}) },
          { populate: ['offer'], orderBy: { id: 'asc' }, limit: BATCH },
        );
        if (!missing.length) return null;
        after = missing[missing.length - 1].id;
        const goneOffers: OfferEntity[] = [];
        for (const row of missing) {
          row.missedRuns++;
          if (row.missedRuns >= this.importConfig.closeAfterMissedRuns) {
            row.gone = true;
            goneOffers.push(row.offer.getEntity());
          }
        }
        const stillListed = goneOffers.length
          ? new Set((await tx.find(OfferSourceEntity, { offer: { $in: goneOffers.map((o) => o.id) }, gone: false, id: { $nin: missing.filter((m) => m.gone).map((m) => m.id) } }, { fields: ['offer'] })).map((s) => s.offer.id))
          : new Set<string>();
        const now = this.clock.now();
        const closing = goneOffers.filter((o) => !stillListed.has(o.id) && (o.status === OfferStatus.PUBLISHED || o.status === OfferStatus.DRAFT));
        for (const offer of closing) {
          offer.status = OfferStatus.CLOSED;
          offer.updatedAt = now;
          recordChange(tx, AggregateType.OFFER, offer.id, now);
        }
        const told = closing.map((o) => ({ offerId: o.id, title: o.title }));
        if (told.length) for (const hook of this.closedHooks) await hook(tx, told, now);
        return { closed: closing.length, more: missing.length === BATCH };
      });
      if (!done) break;
      closed += done.closed;
      if (done.closed) await this.outbox?.changesCommitted();
      if (!done.more) break;
    }
    return closed;
  }
}

/** Titles guessed during one run: a large feed repeats the same titles many times. */
const REMEMBERED_TITLES = 200_000;

/** The guesser with its answers kept by title (a pure function of the title within a run), up to a bound. */
function rememberGuesses(guesser: OccupationGuesser): OccupationGuesser {
  const known = new Map<string, ReturnType<OccupationGuesser['guess']>>();
  return {
    guess(title) {
      if (known.has(title)) return known.get(title)!;
      const guess = guesser.guess(title);
      if (known.size < REMEMBERED_TITLES) known.set(title, guess);
      return guess;
    },
  };
}

/** Within 20 km of the commune's centre (an equirectangular distance is enough at this scale). */
function nearCommune(place: { lat: number | null; lng: number | null }, commune: GazetteerCommune): boolean {
  if (place.lat === null || place.lng === null || !Number.isFinite(place.lat) || !Number.isFinite(place.lng)) return false;
  const rad = Math.PI / 180;
  const x = (place.lng - commune.lng) * rad * Math.cos(((place.lat + commune.lat) / 2) * rad);
  const y = (place.lat - commune.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371 <= 20;
}
