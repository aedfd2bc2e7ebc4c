import { EntityManager } from '@mikro-orm/core';
import { Notice } from '@alternance/platform/domain';

/**
 * Where contexts post notices. `post` only persists rows in the given unit of work: call it
 * before the flush that writes the event, so both commit or roll back together (like
 * `recordChange`). The notifications context provides it; mail goes out after commit.
 */
export interface NoticeBoard {
  post(em: EntityManager, notices: readonly Notice[]): void;
  /** Called after a transaction that posted notices has committed (sends mail soon after). */
  noticesCommitted(): Promise<void>;
}

export const NOTICE_BOARD = Symbol('NOTICE_BOARD');
