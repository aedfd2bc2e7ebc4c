import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { CLOCK, Clock, ForbiddenException, UnauthenticatedException, Viewer } from '@alternance/platform/domain';
import { DataSubject, PersonalDataRegistry } from '@alternance/platform/nest';
import { UserEntity, verifyPassword } from '@alternance/identity/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { JOB_LOG, JobLog } from '../log';

const accountGone = () => new UnauthenticatedException('This account no longer exists.', 'ACCOUNT_GONE');

/**
 * Access and erasure (GDPR articles 15, 17 and 20) through every registered personal data
 * holder: one export section per holder; erasure through all of them in one transaction.
 */
@Injectable()
export class DataRightsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly registry: PersonalDataRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JOB_LOG) private readonly log: JobLog,
  ) {}

  async subjectOf(em: EntityManager, userId: string): Promise<DataSubject | null> {
    const user = await em.findOne(UserEntity, { id: userId });
    if (!user) return null;
    const candidate = await em.findOne(CandidateEntity, { user: userId }, { fields: ['id'] });
    return { userId, email: user.email, candidateId: candidate?.id ?? null, displayName: user.displayName };
  }

  async export(viewer: Viewer): Promise<Record<string, unknown>> {
    const em = this.orm.em.fork();
    const subject = await this.subjectOf(em, viewer.userId);
    if (!subject) throw accountGone();
    const sections: Record<string, unknown> = {};
    for (const holder of this.registry.holders()) sections[holder.section] = await holder.export(subject, em);
    return { exportedAt: this.clock.now().toISOString(), sections };
  }

  /** The account owner, password confirmed, erases everything about themselves. */
  async deleteAccount(viewer: Viewer, password: string): Promise<void> {
    const em = this.orm.em.fork();
    const user = await em.findOne(UserEntity, { id: viewer.userId }, { populate: ['passwordHash'] });
    if (!user) throw accountGone();
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw new ForbiddenException('The password is wrong: nothing was deleted.', 'WRONG_PASSWORD');
    }
    const subject = await this.subjectOf(em, user.id);
    if (!subject) throw accountGone();
    await this.erase(subject);
  }

  /**
   * Erases one person: every holder in one transaction (all or nothing), then each holder's
   * clean-up outside the database. A failed clean-up is logged and repaired by its own
   * mechanism (the search outbox); it never brings the erased rows back.
   */
  async erase(subject: DataSubject): Promise<void> {
    const holders = this.registry.holders();
    await this.orm.em.fork().transactional(async (tx) => {
      for (const holder of holders) await holder.erase(subject, tx);
    });
    for (const holder of holders) {
      if (!holder.afterErase) continue;
      try {
        await holder.afterErase(subject);
      } catch (error) {
        this.log.warn(`clean-up "${holder.section}" after an erasure failed: ${(error as Error).message}`);
      }
    }
    this.log.info(`an account was erased (${holders.length} holders)`);
  }
}
