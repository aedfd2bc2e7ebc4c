/** Closed, filled or past its expiry: the page answers 410 and shows similar offers. */
export function isGone(offer: { status: string; expiresAt?: string | null }, now = Date.now()): boolean {
  if (offer.status === 'CLOSED' || offer.status === 'FILLED') return true;
  return Boolean(offer.expiresAt && Date.parse(offer.expiresAt) <= now);
}
