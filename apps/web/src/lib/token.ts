/**
 * How long the token lives, from its own claims (`exp - iat`), so the cookie's lifetime does not
 * depend on this server's clock agreeing with the API's.
 */
export function tokenLifetimeSeconds(token: string, expiresAt: string, now = Date.now()): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown; exp?: unknown };
    if (typeof claims.iat === 'number' && typeof claims.exp === 'number' && claims.exp > claims.iat) return claims.exp - claims.iat;
  } catch {
    // not a JWT: fall back on the answer's expiry
  }
  const left = Math.floor((Date.parse(expiresAt) - now) / 1000);
  return Number.isFinite(left) && left > 0 ? left : undefined;
}
