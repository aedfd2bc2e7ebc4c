/**
 * The playground's Headers pane holds JSON text. These functions put the signed-in token in it
 * and take it out again, keeping whatever else the person wrote there. Pure: unit-tested.
 */

function parseObject(text: string): Record<string, unknown> | null {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isAuthorization = (key: string) => key.toLowerCase() === 'authorization';

/** The headers with `Authorization: Bearer <token>` (any other Authorization replaced). Text that is not a JSON object is replaced. */
export function withToken(text: string, token: string): string {
  const headers = parseObject(text) ?? {};
  const kept = Object.fromEntries(Object.entries(headers).filter(([key]) => !isAuthorization(key)));
  return JSON.stringify({ ...kept, Authorization: `Bearer ${token}` }, null, 2);
}

/**
 * The headers without the Authorization that carries `token` (another one, pasted by hand, is
 * kept). Text that is not a JSON object but holds the token loses the token itself.
 */
export function withoutToken(text: string, token: string): string {
  if (!token || !text.includes(token)) return text;
  const headers = parseObject(text);
  if (!headers) return text.split(token).join('');
  const kept = Object.entries(headers).filter(([key, value]) => !(isAuthorization(key) && typeof value === 'string' && value.includes(token)));
  const rest = Object.fromEntries(kept.map(([key, value]) => [key, typeof value === 'string' ? value.split(token).join('') : value]));
  return Object.keys(rest).length ? JSON.stringify(rest, null, 2) : '{}';
}

function scrub(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.includes(token) ? withoutToken(value, token) : value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, token));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, token)]));
  return value;
}

/**
 * A stored value (GraphiQL keeps JSON: its tabs, its history with each run's headers) with
 * every trace of `token` removed: headers objects lose that Authorization, other text the token.
 */
export function scrubStoredValue(stored: string, token: string): string {
  if (!token || !stored.includes(token)) return stored;
  try {
    return JSON.stringify(scrub(JSON.parse(stored) as unknown, token));
  } catch {
    return withoutToken(stored, token);
  }
}
