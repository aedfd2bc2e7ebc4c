import { tokenLifetimeSeconds } from './token';

function jwt(claims: Record<string, unknown>): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
}

describe('the session cookie lifetime', () => {
  it('comes from the token claims, whatever this server’s clock says', () => {
    expect(tokenLifetimeSeconds(jwt({ iat: 1000, exp: 4600 }), '2020-01-01T00:00:00Z', Date.parse('2030-01-01'))).toBe(3600);
  });

  it('falls back on the answer’s expiry for a token without claims', () => {
    expect(tokenLifetimeSeconds('opaque', '2026-12-05T10:00:00Z', Date.parse('2026-12-05T09:00:00Z'))).toBe(3600);
    expect(tokenLifetimeSeconds('opaque', '2026-12-05T08:00:00Z', Date.parse('2026-12-05T09:00:00Z'))).toBeUndefined();
  });
});
