import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { CLOCK, Clock, ConflictException, InvalidInputException, Notice, NoticeKind, NotFoundException, Role, STAFF_ROLES, Viewer, isUuid } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { ApplicationEntity } from '@alternance/applications/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { HiredApprentice, MentorAssignmentEntity, MentorProfileEntity, loadHiredApprentices } from '@alternance/mentoring/data-access';
import {
  AssignedPair,
  FitReason,
  MentoringApprentice,
  MentoringMentor,
  PinnedPair,
  assignMentors,
  mentorNotices,
  pairFit,
  regionOfPostcode,
} from '@alternance/mentoring/domain';
import { Mentee, MentorAssignmentResult, MentorFitReasonCode, MentorPair, MentorPinInput, MissingTrainedPlaces, MyMentor } from '@alternance/mentoring/graphql';

interface LoadedMentor {
  user: UserEntity;
  profile: MentorProfileEntity;
  core: MentoringMentor;
}

/**
 * The mentor assignment for every hired apprentice at once (the exact core of
 * `@alternance/mentoring/domain`), trained referents for apprentices who need one, pins and moves
 * by hand, and what mentors and apprentices see of it.
 */
@Injectable()
export class MentorAssignmentService {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(NOTICE_BOARD) private readonly board?: NoticeBoard,
  ) {}

  /** Computes the assignment; with `dryRun` false, writes it (pinned pairs are kept) and tells whoever's mentor changed. */
  async run(dryRun: boolean): Promise<MentorAssignmentResult> {
    const apprentices = await loadHiredApprentices(this.em);
    const mentors = await this.loadMentors();
    const stored = await this.em.find(MentorAssignmentEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const storedByApplication = new Map(stored.map((s) => [s.application.id, s]));
    const byApplication = new Map(apprentices.map((a) => [a.applicationId, a]));

    // Pins that still hold (the apprentice still hired, the mentor still a mentor with a place and a language in common).
    const left = new Map([...mentors.values()].map((m) => [m.user.id, m.core.capacity]));
    const pins: PinnedPair[] = [];
    for (const s of stored) {
      const a = byApplication.get(s.application.id);
      const m = mentors.get(s.mentor.id);
      if (!s.pinned || !a || !m || (left.get(m.user.id) ?? 0) <= 0 || !pairFit(toCore(a), m.core)) continue;
      left.set(m.user.id, left.get(m.user.id)! - 1);
      pins.push({ apprenticeId: a.applicationId, mentorId: m.user.id });
    }
    const result = assignMentors(
      apprentices.map(toCore),
      [...mentors.values()].map((m) => m.core),
      pins,
    );
    const referents = await this.referentsFor(apprentices, storedByApplication);
    const pairs = result.pairs.map((p) => this.toPair(p, byApplication.get(p.apprenticeId)!, mentors.get(p.mentorId)!.user, referents.get(p.apprenticeId) ?? null));

    if (!dryRun) {
      const now = this.clock.now();
      const notices: Notice[] = [];
      const assigned = new Set(result.pairs.map((p) => p.apprenticeId));
      for (const s of stored) if (!assigned.has(s.application.id)) this.em.remove(s);
      for (const p of result.pairs) {
        const a = byApplication.get(p.apprenticeId)!;
        const mentor = mentors.get(p.mentorId)!.user;
        const existing = storedByApplication.get(p.apprenticeId);
        const row = existing ?? Object.assign(new MentorAssignmentEntity(), { createdAt: now });
        if (!existing) {
          row.application = this.em.getReference(ApplicationEntity, a.applicationId, { wrapped: true });
          row.apprentice = this.em.getReference(UserEntity, a.userId, { wrapped: true });
        }
        const changed = !existing || existing.mentor.id !== mentor.id;
        row.mentor = this.em.getReference(UserEntity, mentor.id, { wrapped: true });
        const referentId = referents.get(a.applicationId) ?? null;
        row.referent = referentId ? this.em.getReference(UserEntity, referentId, { wrapped: true }) : null;
        row.fit = p.fit;
        row.reasons = p.reasons;
        row.pinned = p.pinned;
        row.updatedAt = now;
        this.em.persist(row);
        if (changed) notices.push(...this.notices(a, mentor));
      }
      if (notices.length) this.board?.post(this.em, notices);
      await this.em.flush();
      if (notices.length) await this.board?.noticesCommitted();
    }

    return {
      dryRun,
      pairs,
      unassignedApplicationIds: result.unassigned,
      totalFit: result.totalFit,
      trainedNeeded: result.guarantee.needed,
      trainedMentorsMet: result.guarantee.met,
      trainedReferentsMet: apprentices.filter((a) => a.needsTrainedMentor && referents.has(a.applicationId)).length,
      missingTrainedPlaces: this.missing(apprentices, new Set(result.pairs.filter((p) => p.disabilityGuaranteeMet).map((p) => p.apprenticeId)), referents),
    };
  }

  /** Staff: pin a hired apprentice to a mentor (moving them when they had another); the assignment keeps it. */
  async pin(input: MentorPinInput): Promise<MentorPair> {
    const [a] = isUuid(input.applicationId) ? await loadHiredApprentices(this.em, [input.applicationId]) : [];
    if (!a) throw new NotFoundException('Hired application', input.applicationId);
    const mentors = await this.loadMentors(input.mentorUserId);
    const m = mentors.get(input.mentorUserId);
    if (!m) throw new NotFoundException('Mentor profile', input.mentorUserId);
    const fit = pairFit(toCore(a), m.core);
    if (!fit) throw InvalidInputException.field('mentorUserId', 'shares no language with the apprentice', 'NO_SHARED_LANGUAGE');
    const existing = await this.em.findOne(MentorAssignmentEntity, { application: a.applicationId });
    const taken = await this.em.count(MentorAssignmentEntity, { mentor: m.user.id, application: { $ne: a.applicationId } });
    if (taken >= m.core.capacity) throw new ConflictException(`This mentor has no place left (${m.core.capacity} taken).`, 'MENTOR_FULL');
    const now = this.clock.now();
    const row = existing ?? Object.assign(new MentorAssignmentEntity(), { createdAt: now });
    if (!existing) {
      row.application = this.em.getReference(ApplicationEntity, a.applicationId, { wrapped: true });
      row.apprentice = this.em.getReference(UserEntity, a.userId, { wrapped: true });
    }
    const changed = !existing || existing.mentor.id !== m.user.id;
    const guaranteed = a.needsTrainedMentor && m.core.trainedInDisability;
    const reasons: FitReason[] = [{ code: 'PINNED', text: 'Pinned by staff' }, ...fit.reasons];
    if (guaranteed) reasons.push({ code: 'TRAINED_IN_DISABILITY', text: 'Trained in disability management' });
    row.mentor = this.em.getReference(UserEntity, m.user.id, { wrapped: true });
    if (a.needsTrainedMentor && !row.referent) {
      const referent = (await this.referentsFor([a], new Map())).get(a.applicationId);
      if (referent) row.referent = this.em.getReference(UserEntity, referent, { wrapped: true });
    }
    row.fit = fit.fit;
    row.reasons = reasons;
    row.pinned = true;
    row.updatedAt = now;
    this.em.persist(row);
    const notices = changed ? this.notices(a, m.user) : [];
    if (notices.length) this.board?.post(this.em, notices);
    await this.em.flush();
    if (notices.length) await this.board?.noticesCommitted();
    return this.toPair(
      { apprenticeId: a.applicationId, mentorId: m.user.id, fit: fit.fit, reasons, pinned: true, disabilityGuaranteeMet: guaranteed },
      a,
      m.user,
      row.referent?.id ?? null,
    );
  }

  /** Staff: release a pin (the pair stays until the next applied assignment). */
  async unpin(applicationId: string): Promise<boolean> {
    const row = isUuid(applicationId) ? await this.em.findOne(MentorAssignmentEntity, { application: applicationId }) : null;
    if (!row) throw new NotFoundException('Mentor assignment', applicationId);
    row.pinned = false;
    row.reasons = row.reasons.filter((r) => r.code !== 'PINNED');
    row.updatedAt = this.clock.now();
    await this.em.flush();
    return true;
  }

  /** A mentor's mentees: name, offer, training path, employer; the accommodation need only when shared with the mentor. */
  async menteesOf(viewer: Viewer): Promise<Mentee[]> {
    const rows = await this.em.find(MentorAssignmentEntity, { mentor: viewer.userId }, { fields: ['id', 'application'] });
    if (!rows.length) return [];
    const apprentices = await loadHiredApprentices(this.em, rows.map((r) => r.application.id));
    return apprentices
      .map((a) => ({
        applicationId: a.applicationId,
        name: a.name,
        offerId: a.offerId,
        offerTitle: a.offerTitle,
        contractType: a.contractType,
        trainingPaths: a.trainingPaths,
        employer: a.employer,
        accommodationNeed: a.shareAccommodationWithMentor ? a.accommodationNeed : null,
      }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.applicationId.localeCompare(y.applicationId));
  }

  /** An apprentice's mentors (one per hire). */
  async mentorsOf(viewer: Viewer): Promise<MyMentor[]> {
    const rows = await this.em.find(MentorAssignmentEntity, { apprentice: viewer.userId }, { populate: ['mentor'], orderBy: { createdAt: 'asc', id: 'asc' } });
    const profiles = new Map(
      (rows.length ? await this.em.find(MentorProfileEntity, { user: { $in: rows.map((r) => r.mentor.id) } }) : []).map((p) => [p.user.id, p]),
    );
    return rows.map((r) => ({ applicationId: r.application.id, name: r.mentor.getEntity().displayName, languages: profiles.get(r.mentor.id)?.languages ?? [] }));
  }

  private async loadMentors(onlyUserId?: string): Promise<Map<string, LoadedMentor>> {
    if (onlyUserId !== undefined && !isUuid(onlyUserId)) return new Map();
    const profiles = await this.em.find(
      MentorProfileEntity,
      { user: { role: Role.MENTOR, ...(onlyUserId ? { id: onlyUserId } : {}) } },
      { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return new Map(
      profiles.map((p): [string, LoadedMentor] => {
        const user = p.user.getEntity();
        return [
          user.id,
          {
            user,
            profile: p,
            core: { id: user.id, occupations: p.occupations, skills: p.skills, languages: p.languages, capacity: p.weeklyCapacity, trainedInDisability: p.disabilityTrainedAt !== null },
          },
        ];
      }),
    );
  }

  /**
   * Trained referents for the apprentices who need one: a referent has no fixed capacity, so
   * each apprentice keeps the one they had, and the others go to the least busy referent.
   */
  private async referentsFor(apprentices: readonly HiredApprentice[], stored: Map<string, MentorAssignmentEntity>): Promise<Map<string, string>> {
    const referents = await this.em.find(UserEntity, { role: { $in: [...STAFF_ROLES] }, disabilityReferentTrainedAt: { $ne: null } }, { fields: ['id'], orderBy: { id: 'asc' } });
    const out = new Map<string, string>();
    if (!referents.length) return out;
    const load = new Map(referents.map((r) => [r.id, 0]));
    const needing = apprentices.filter((a) => a.needsTrainedMentor);
    for (const a of needing) {
      const kept = stored.get(a.applicationId)?.referent?.id;
      if (kept && load.has(kept)) {
        out.set(a.applicationId, kept);
        load.set(kept, load.get(kept)! + 1);
      }
    }
    for (const a of needing) {
      if (out.has(a.applicationId)) continue;
      let best = referents[0].id;
      for (const r of referents) if (load.get(r.id)! < load.get(best)!) best = r.id;
      out.set(a.applicationId, best);
      load.set(best, load.get(best)! + 1);
    }
    return out;
  }

  private missing(apprentices: readonly HiredApprentice[], trainedMentor: Set<string>, referents: Map<string, string>): MissingTrainedPlaces[] {
    const places = new Map<string, MissingTrainedPlaces>();
    for (const a of apprentices) {
      if (!a.needsTrainedMentor) continue;
      const noMentor = !trainedMentor.has(a.applicationId);
      const noReferent = !referents.has(a.applicationId);
      if (!noMentor && !noReferent) continue;
      const region = regionOfPostcode(a.postcode);
      const key = `${region ?? ''}|${a.occupation}`;
      const place = places.get(key) ?? { region, occupation: a.occupation, missingMentorPlaces: 0, missingReferents: 0 };
      if (noMentor) place.missingMentorPlaces++;
      if (noReferent) place.missingReferents++;
      places.set(key, place);
    }
    return [...places.values()].sort(
      (x, y) => y.missingMentorPlaces + y.missingReferents - (x.missingMentorPlaces + x.missingReferents) || (x.region ?? '').localeCompare(y.region ?? '') || x.occupation.localeCompare(y.occupation),
    );
  }

  private notices(a: HiredApprentice, mentor: UserEntity): Notice[] {
    const toMentor = mentorNotices.toMentor(a.name, a.offerTitle);
    const toApprentice = mentorNotices.toApprentice(mentor.displayName);
    return [
      { recipientUserId: mentor.id, kind: NoticeKind.MENTOR_ASSIGNED, ...toMentor, subjectType: 'APPLICATION', subjectId: a.applicationId, aboutUserId: a.userId },
      { recipientUserId: a.userId, kind: NoticeKind.MENTOR_ASSIGNED, ...toApprentice, subjectType: 'APPLICATION', subjectId: a.applicationId, aboutUserId: mentor.id },
    ];
  }

  private toPair(p: AssignedPair, a: HiredApprentice, mentor: UserEntity, referentUserId: string | null): MentorPair {
    return {
      applicationId: a.applicationId,
      apprenticeUserId: a.userId,
      apprenticeName: a.name,
      mentorUserId: mentor.id,
      mentorName: mentor.displayName,
      referentUserId: a.needsTrainedMentor ? referentUserId : null,
      fit: p.fit,
      reasons: p.reasons.map((r) => ({ code: r.code as MentorFitReasonCode, text: r.text })),
      pinned: p.pinned,
      disabilityGuaranteeMet: p.disabilityGuaranteeMet,
    };
  }
}

function toCore(a: HiredApprentice): MentoringApprentice {
  return { id: a.applicationId, occupation: a.occupation, skills: a.skills, languages: a.languages, needsTrainedMentor: a.needsTrainedMentor };
}
