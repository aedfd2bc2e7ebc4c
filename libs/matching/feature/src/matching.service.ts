import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, ForbiddenException, InvalidInputException, MAX_PAGE_SIZE, NotFoundException, Role, Viewer, isStaff, isUuid } from '@alternance/platform/domain';
import { ExposureSource, recordExposure } from '@alternance/platform/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { toCandidate } from '@alternance/candidates/graphql';
import { OfferEntity } from '@alternance/offers/data-access';
import { OfferStatus } from '@alternance/offers/domain';
import { toOffer } from '@alternance/offers/graphql';
import { MatchReference, MatchResult, matchCandidatesForOffer, matchOffersForCandidate } from '@alternance/matching/domain';
import { MARKETPLACE_CANDIDATES, MatchReferences, MatchSnapshot, PUBLISHED_OFFERS, toMatchCandidate, toMatchOffer } from '@alternance/matching/data-access';
import { CandidateMatch, OfferMatch, TrainingGap } from './matching.model';

function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw InvalidInputException.field('first', `must be an integer from 0 to ${MAX_PAGE_SIZE}`);
}

/**
 * Loads what the matcher needs and calls its pure core. The referential (core skills,
 * neighbours, paths) is the process's `MatchReferences`, rebuilt when the catalogue changes;
 * published offers and marketplace people are kept between requests and brought up to date
 * from the outbox before each one.
 */
@Injectable()
export class MatchingService {
  private readonly offers = new MatchSnapshot(PUBLISHED_OFFERS);
  private readonly candidates = new MatchSnapshot(MARKETPLACE_CANDIDATES);

  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly references: MatchReferences,
  ) {}

  private async gap(result: MatchResult, reference: MatchReference): Promise<TrainingGap | null> {
    if (!result.trainingGap) return null;
    return {
      skills: result.trainingGap.skills,
      coveredBy: result.trainingGap.coveredBy.map((p) => ({ id: p.id, trainingHours: p.trainingHours, title: reference.programs.get(p.id)?.title ?? null })),
    };
  }

  /** For the candidate themselves, or staff. */
  async offersForCandidate(viewer: Viewer, candidateId: string, first: number, includeIneligible: boolean): Promise<OfferMatch[]> {
    checkFirst(first);
    const candidate = isUuid(candidateId) ? await this.em.findOne(CandidateEntity, { id: candidateId }, { populate: ['user'] }) : null;
    if (!candidate || (!isStaff(viewer) && candidate.user.id !== viewer.userId)) throw new NotFoundException('Candidate', candidateId);
    const reference = await this.references.current();
    const offers = await this.offers.current(this.em);
    const results = matchOffersForCandidate(toMatchCandidate(candidate, candidate.user.getEntity().displayName), offers, reference, this.clock.now(), {
      first,
      includeIneligible,
    });
    const found = results.length ? await this.em.find(OfferEntity, { id: { $in: results.map((r) => r.id) } }) : [];
    const byId = new Map(found.map((o) => [o.id, o]));
    // An offer deleted since the snapshot was read is left out rather than failing the query.
    return Promise.all(
      results.filter((r) => byId.has(r.id)).map(async (r) => ({
        offer: toOffer(byId.get(r.id)!),
        score: r.score,
        eligible: r.eligible,
        reasons: r.reasons,
        trainingGap: await this.gap(r, reference),
      })),
    );
  }

  /**
   * One published offer for the candidate themselves (or staff), with its eligibility and the
   * rule that fails if any: the offer page shows a person where they stand before they apply.
   * Null when the offer is not on the board.
   */
  async offerForCandidate(viewer: Viewer, candidateId: string, offerId: string): Promise<OfferMatch | null> {
    const candidate = isUuid(candidateId) ? await this.em.findOne(CandidateEntity, { id: candidateId }, { populate: ['user'] }) : null;
    if (!candidate || (!isStaff(viewer) && candidate.user.id !== viewer.userId)) throw new NotFoundException('Candidate', candidateId);
    const offer = isUuid(offerId) ? await this.em.findOne(OfferEntity, { id: offerId }) : null;
    if (!offer || offer.status !== OfferStatus.PUBLISHED) return null;
    const reference = await this.references.current();
    const [result] = matchOffersForCandidate(toMatchCandidate(candidate, candidate.user.getEntity().displayName), [toMatchOffer(offer)], reference, this.clock.now(), {
      first: 1,
      includeIneligible: true,
    });
    if (!result) return null;
    return { offer: toOffer(offer), score: result.score, eligible: result.eligible, reasons: result.reasons, trainingGap: await this.gap(result, reference) };
  }

  /**
   * For the offer's employer, or staff. Eligibility depends on private facts (age, job seeker
   * status, disability), so employers see eligible candidates only and never the rule that
   * failed; staff may list ineligible ones with their reasons.
   */
  async candidatesForOffer(viewer: Viewer, offerId: string, first: number, includeIneligible: boolean): Promise<CandidateMatch[]> {
    checkFirst(first);
    const offer = isUuid(offerId) ? await this.em.findOne(OfferEntity, { id: offerId }) : null;
    const manages = !!offer && (isStaff(viewer) || (viewer.role === Role.EMPLOYER && viewer.organizationId === offer.organization.id));
    if (!offer || (!manages && offer.status === OfferStatus.DRAFT)) throw new NotFoundException('Offer', offerId);
    if (!manages) throw new ForbiddenException('Only the offer’s organization and staff can match candidates to it.', 'NOT_YOUR_OFFER');
    if (includeIneligible && !isStaff(viewer)) {
      throw new ForbiddenException('Listing ineligible candidates would reveal private facts: staff only.', 'INELIGIBLE_FOR_STAFF_ONLY');
    }
    const reference = await this.references.current();
    const candidates = await this.candidates.current(this.em);
    const results = matchCandidatesForOffer(toMatchOffer(offer), candidates, reference, this.clock.now(), {
      first,
      includeIneligible,
    });
    const found = results.length ? await this.em.find(CandidateEntity, { id: { $in: results.map((r) => r.id) } }, { populate: ['user'] }) : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    const shown = results.filter((r) => byId.has(r.id));
    // An employer's top 20, for the impact report's fair-exposure rates (ids only).
    if (viewer.role === Role.EMPLOYER) {
      await recordExposure(this.em, { organizationId: offer.organization.id, source: ExposureSource.MATCH, candidateIds: shown.map((r) => r.id), at: this.clock.now() });
    }
    return Promise.all(
      shown.map(async (r) => {
        const c = byId.get(r.id)!;
        return { candidate: toCandidate(c, c.user.getEntity(), viewer), score: r.score, eligible: r.eligible, reasons: r.reasons, trainingGap: await this.gap(r, reference) };
      }),
    );
  }
}
