import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DEFAULT_MINIMUM_COUNT, InvalidInputException } from '@alternance/platform/domain';
import { ExposureEntity, findPlain } from '@alternance/platform/data-access';
import { ApplicationEntity, ApplicationEventEntity, InvitationEntity, OutcomeEntity } from '@alternance/applications/data-access';
import { ApplicationStatus } from '@alternance/applications/domain';
import { ImpactFacts, ImpactTableData, impactCsv, impactReport } from '@alternance/impact/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { OfferEntity } from '@alternance/offers/data-access';

const MAX_PERIOD_DAYS = 3_660;

function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/**
 * Loads the facts of the impact report (ids, dates, statuses and consented declarations: no
 * name, email or free text) and computes its tables. Mentor assignments are read from the
 * mentoring tables by name: applications do not depend on the mentoring context.
 */
@Injectable()
export class ImpactReportService {
  constructor(private readonly em: EntityManager) {}

  async report(from: Date, to: Date): Promise<{ from: Date; to: Date; minimumCount: number; tables: ImpactTableData[]; csv: string }> {
    if (!(from.getTime() < to.getTime())) throw InvalidInputException.field('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw InvalidInputException.field('to', `the period is at most ${MAX_PERIOD_DAYS} days`);
    const tables = impactReport(await this.facts(from, to));
    return { from, to, minimumCount: DEFAULT_MINIMUM_COUNT, tables, csv: impactCsv(tables) };
  }

  private async facts(from: Date, to: Date): Promise<ImpactFacts> {
    const em = this.em.fork();
    const [candidates, applications, hiredEvents, offers, invitations, exposures, outcomes, trainedMentoring] = await Promise.all([
      findPlain(em, CandidateEntity, { createdAt: { $lt: to } }),
      findPlain(em, ApplicationEntity, { createdAt: { $lt: to } }),
      findPlain(em, ApplicationEventEntity, { status: ApplicationStatus.HIRED, at: { $lt: to } }),
      findPlain(em, OfferEntity, {}),
      findPlain(em, InvitationEntity, { createdAt: { $gte: from, $lt: to } }),
      findPlain(em, ExposureEntity, { shownAt: { $gte: from, $lt: to } }),
      findPlain(em, OutcomeEntity, { answeredAt: { $gte: from, $lt: to } }),
      this.trainedMentoring(em),
    ]);
    const id = (ref: unknown): string | null => (ref == null ? null : String((ref as { id: unknown }).id ?? ref));
    const hiredAt = new Map(hiredEvents.map((e) => [id(e.application)!, date(e.at)]));
    const json = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? JSON.parse(v) : []);
    const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 1 || v === '1');
    return {
      from,
      to,
      candidates: candidates.map((c) => ({
        id: c.id,
        createdAt: date(c.createdAt),
        consent: bool(c.sensitiveDataConsent) === true,
        visibility: String(c.visibility),
        desiredRomeCodes: json(c.desiredRomeCodes),
        jobSeeker: bool(c.jobSeeker) === true,
        disabilityRecognised: bool(c.disabilityRecognised),
        gender: c.gender ?? null,
        highestQualification: c.highestQualification ?? null,
        livesInQpv: bool(c.livesInQpv),
        internationalProtection: bool(c.internationalProtection),
        situationBefore: c.situationBefore ?? null,
      })),
      applications: applications.map((a) => ({
        id: a.id,
        candidateId: id(a.candidate),
        offerId: id(a.offer)!,
        createdAt: date(a.createdAt),
        hiredAt: a.status === ApplicationStatus.HIRED ? (hiredAt.get(a.id) ?? null) : null,
      })),
      offers: offers.map((o) => ({ id: o.id, romeCode: o.romeCode, contractType: o.contractType })),
      invitations: invitations.map((i) => ({ candidateId: id(i.candidate)!, createdAt: date(i.createdAt) })),
      exposures: exposures.map((e) => ({ candidateId: e.candidateId, shownAt: date(e.shownAt) })),
      outcomes: outcomes.map((o) => ({ applicationId: id(o.application)!, answeredAt: o.answeredAt ? date(o.answeredAt) : null, employed: bool(o.employed), kind: o.kind ?? null })),
      trainedMentoring,
    };
  }

  /**
   * Hired applications whose apprentice has a mentor trained in disability management and a
   * referent trained as a disability referent; null when the mentoring tables are absent.
   */
  private async trainedMentoring(em: EntityManager): Promise<Set<string> | null> {
    try {
      const rows: { application_id: string }[] = await em.getConnection().execute(
        `select ma.application_id from mentor_assignments ma
           join mentor_profiles mp on mp.user_id = ma.mentor_id
           join users r on r.id = ma.referent_id
          where mp.disability_trained_at is not null and r.disability_referent_trained_at is not null`,
      );
      return new Set(rows.map((r: { application_id: string }) => String(r.application_id)));
    } catch {
      return null;
    }
  }
}
