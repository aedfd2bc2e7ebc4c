import { InvalidInputException } from './errors';

/** The hard ceiling on any page: a client asking for more gets an error, not a slow query. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  limit: number;
  offset: number;
}

/** Cursors are opaque to clients; inside they are an offset into a stable ordering. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw InvalidInputException.field('after', 'is not a cursor this API returned');
  return Number(match[1]);
}

export function pageRequest(first: number | undefined | null, after: string | undefined | null): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw InvalidInputException.field('first', `must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  return { limit, offset: after ? decodeCursor(after) + 1 : 0 };
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}
