import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { ApiError, call } from './api';
import { MeQuery } from './operations/account';
import type { ResultOf } from './graphql';
import { tokenLifetimeSeconds } from './token';

/** The API token lives in this httpOnly cookie only: never in scripts, URLs or storage. */
export const SESSION_COOKIE = 'alternance_session';

async function overHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE === 'true') return true;
  const h = await headers();
  return (h.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}

export async function sessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value || null;
}

/** Called from server actions only (a page cannot set cookies). */
export async function startSession(token: string, expiresAt: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await overHttps(),
    path: '/',
    maxAge: tokenLifetimeSeconds(token, expiresAt),
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

export type Viewer = ResultOf<typeof MeQuery>['me'] & { token: string };

/**
 * The signed-in account, asked of the API once per request. A token the API refuses (expired,
 * or its account erased) is no session at all.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const token = await sessionToken();
  if (!token) return null;
  try {
    const { me } = await call(MeQuery, {}, { token });
    return { ...me, token };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
});
