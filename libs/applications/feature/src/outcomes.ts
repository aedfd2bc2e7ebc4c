import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import jwt from 'jsonwebtoken';
import { CLOCK, Clock, InvalidInputException } from '@alternance/platform/domain';
import { APP_CONFIG, AppConfig } from '@alternance/platform/nest';
import { ApplicationEntity, ApplicationEventEntity, OutcomeEntity } from '@alternance/applications/data-access';
import { ApplicationStatus, OUTCOME_LINK_DAYS, OutcomeKind, checkOutcomeAnswer, outcomeQuestionDay, outcomeQuestionNotice, plannedEnd } from '@alternance/applications/domain';
import { ProgramEntity } from '@alternance/programs/data-access';
import { ApplicationNotices } from './application-notices';

/** Signed links are for this purpose only: an access token is refused, and the reverse. */
const AUDIENCE = 'alternance:outcome';
/** Hires asked per run and transaction; the next run takes the rest. */
const BATCH = 500;

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The outcome follow-up: the scheduled question six months after a hire's planned end, and its
 * answer through the signed link (no sign-in). A link is bound to one outcome and expires
 * `OUTCOME_LINK_DAYS` after the question; answering again through it replaces the answer (a
 * wrong click can be corrected), `answeredAt` being the latest.
 */
@Injectable()
export class OutcomeFollowUp {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'jwtSecret' | 'publicUrl'>,
    private readonly notices: ApplicationNotices,
  ) {}

  /** The link's token for one outcome, valid `OUTCOME_LINK_DAYS` from `askedAt`. */
  token(outcomeId: string, askedAt: Date): string {
    const iat = Math.floor(askedAt.getTime() / 1000);
    return jwt.sign({ sub: outcomeId, iat, exp: iat + OUTCOME_LINK_DAYS * 86_400 }, this.config.jwtSecret, { algorithm: 'HS256', audience: AUDIENCE, issuer: 'alternance' });
  }

  private outcomeId(token: string): string {
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: 'alternance',
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as { sub?: unknown };
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims.sub;
    } catch (error) {
      // Expired, and signed for this purpose (an old access token is not a link that expired).
      const expired = error instanceof jwt.TokenExpiredError && (jwt.decode(token, { json: true })?.aud ?? null) === AUDIENCE;
      throw new InvalidInputException(
        [{ path: 'token', message: expired ? 'this link has expired' : 'is not a valid outcome link' }],
        expired ? 'OUTCOME_LINK_EXPIRED' : 'OUTCOME_LINK_INVALID',
      );
    }
  }

  private link(token: string, employed: boolean, kind: OutcomeKind | null): string {
    const base = this.config.publicUrl ?? 'http://127.0.0.1:3000';
    const query = new URLSearchParams({ employed: String(employed), ...(kind ? { kind } : {}) });
    return `${base}/suivi/${token}?${query}`;
  }

  /** Asks every hire whose question day has come and who was not asked yet; returns how many were asked. */
  async run(now: Date): Promise<{ asked: number }> {
    const today = day(now);
    let asked = 0;
    let after = '';
    for (;;) {
      const em = this.em.fork();
      const hires = await em.find(
        ApplicationEntity,
        { status: ApplicationStatus.HIRED, candidate: { $ne: null }, ...(after ? { id: { $gt: after } } : {}) },
        { populate: ['offer', 'candidate'], orderBy: { id: 'asc' }, limit: BATCH },
      );
      if (!hires.length) break;
      after = hires[hires.length - 1].id;
      const ids = hires.map((h) => h.id);
      const [done, events] = await Promise.all([
        em.find(OutcomeEntity, { application: { $in: ids } }, { fields: ['id', 'application'] }),
        em.find(ApplicationEventEntity, { application: { $in: ids }, status: ApplicationStatus.HIRED }, { fields: ['application', 'at'] }),
      ]);
      const askedAlready = new Set(done.map((o) => o.application.id));
      const hiredAt = new Map(events.map((e) => [e.application.id, e.at]));
      const programIds = [...new Set(hires.flatMap((h) => h.offer.getEntity().programIds))];
      const programs = programIds.length ? await em.find(ProgramEntity, { id: { $in: programIds } }, { fields: ['id', 'durationMonths'] }) : [];
      const months = new Map(programs.map((p) => [p.id, p.durationMonths]));
      for (const hire of hires) {
        if (askedAlready.has(hire.id)) continue;
        const offer = hire.offer.getEntity();
        const hired = hiredAt.get(hire.id) ?? hire.updatedAt;
        const end = plannedEnd(day(hired), offer.startEarliest, offer.programIds.flatMap((id) => (months.has(id) ? [months.get(id)!] : [])));
        if (outcomeQuestionDay(end) > today) continue;
        const outcome = em.create(OutcomeEntity, { application: hire, plannedEnd: end, askedAt: now });
        const token = this.token(outcome.id, now);
        this.notices.post(em, [
          outcomeQuestionNotice({
            recipientUserId: hire.candidate!.getEntity().user.id,
            applicationId: hire.id,
            offerTitle: offer.title,
            link: (employed, kind) => this.link(token, employed, kind),
          }),
        ]);
        asked++;
      }
      await em.flush();
      await this.notices.committed();
      if (hires.length < BATCH) break;
    }
    return { asked };
  }

  /** Records the answer the link's holder gives. */
  async record(token: string, employed: boolean, kind: OutcomeKind | null): Promise<OutcomeEntity> {
    const id = this.outcomeId(token);
    const problems = checkOutcomeAnswer(employed, kind);
    if (problems.length) throw new InvalidInputException(problems);
    const em = this.em.fork();
    const outcome = await em.findOne(OutcomeEntity, { id });
    // The hire's candidate erased their data meanwhile: the question went with it.
    if (!outcome) throw new InvalidInputException([{ path: 'token', message: 'is not a valid outcome link' }], 'OUTCOME_LINK_INVALID');
    outcome.employed = employed;
    outcome.kind = kind;
    outcome.answeredAt = this.clock.now();
    await em.flush();
    return outcome;
  }
}
