import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { NoticeKind, Role } from '@alternance/platform/domain';
import { NOTICE_BOARD, NoticeBoard } from '@alternance/platform/data-access';
import { UserEntity } from '@alternance/identity/data-access';
import { NotificationEntity } from '@alternance/notifications/data-access';
import { retentionLookback, retentionStep, retentionWarningText } from '@alternance/notifications/domain';
import { JOB_LOG, JobLog } from '../log';
import { DataRightsService } from './data-rights.service';

/**
 * Candidate accounts unused for two years are erased, after a warning 30 days before (in the
 * inbox and by mail). Activity is the account's `lastActiveAt`: sign-ins and writes of the
 * candidate's own data. The warning notice itself records that the warning was given.
 */
@Injectable()
export class RetentionJob {
  constructor(
    private readonly orm: MikroORM,
    private readonly dataRights: DataRightsService,
    @Inject(NOTICE_BOARD) private readonly board: NoticeBoard,
    @Inject(JOB_LOG) private readonly log: JobLog,
  ) {}

  async run(now: Date): Promise<{ warned: number; erased: number }> {
    const em = this.orm.em.fork();
    const bound = retentionLookback(now);
    const users = await em.find(
      UserEntity,
      { role: Role.CANDIDATE, $or: [{ lastActiveAt: { $lte: bound } }, { lastActiveAt: null, createdAt: { $lte: bound } }] },
      { orderBy: { id: 'asc' } },
    );
    let warned = 0;
    let erased = 0;
    for (const user of users) {
      const warning = await em.findOne(
        NotificationEntity,
        { recipient: user.id, kind: NoticeKind.RETENTION_WARNING },
        { orderBy: { createdAt: 'desc' }, fields: ['createdAt'] },
      );
      const step = retentionStep(now, user.lastActiveAt ?? user.createdAt, warning?.createdAt ?? null);
      if (step.kind === 'WARN') {
        await em.fork().transactional(async (tx) => {
          this.board.post(tx, [
            { recipientUserId: user.id, kind: NoticeKind.RETENTION_WARNING, ...retentionWarningText(step.eraseOn), subjectType: 'ACCOUNT', subjectId: user.id },
          ]);
        });
        warned++;
      } else if (step.kind === 'ERASE') {
        const subject = await this.dataRights.subjectOf(em.fork(), user.id);
        if (subject) await this.dataRights.erase(subject);
        erased++;
      }
    }
    if (warned) await this.board.noticesCommitted();
    if (warned || erased) this.log.info(`retention: ${warned} warning(s), ${erased} erasure(s)`);
    return { warned, erased };
  }
}
