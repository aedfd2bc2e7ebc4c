/** An offer a saved search found since its last run. */
export interface DigestOffer {
  id: string;
  title: string;
  organizationName?: string | null;
}

export interface DigestSearch {
  name: string;
  /** New offers, not told before, newest first. */
  offers: DigestOffer[];
  /** Further new matches beyond those fetched (a very broad search). */
  moreCount: number;
}

export interface Digest {
  title: string;
  body: string;
  /** How many new offers in all. */
  count: number;
}

/** Offers listed by title in one digest; the rest are counted. */
export const DIGEST_MAX_TITLES = 10;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One digest for one candidate's saved searches: the new offers (an offer found by two
 * searches counts once), up to ten titles, and how many more. Null when nothing is new.
 */
export function buildDigest(searches: readonly DigestSearch[]): Digest | null {
  const seen = new Map<string, { offer: DigestOffer; search: string }>();
  for (const search of searches) {
    for (const offer of search.offers) if (!seen.has(offer.id)) seen.set(offer.id, { offer, search: search.name });
  }
  const count = seen.size + searches.reduce((sum, s) => sum + s.moreCount, 0);
  if (count === 0) return null;
  const withNew = searches.filter((s) => s.offers.length || s.moreCount);
  const title =
    withNew.length === 1
      ? `${plural(count, 'new offer', 'new offers')} for your saved search “${withNew[0].name}”`
      : `${plural(count, 'new offer', 'new offers')} for your saved searches`;
  const listed = [...seen.values()].slice(0, DIGEST_MAX_TITLES);
  const lines = listed.map(({ offer, search }) => {
    const by = offer.organizationName ? ` (${offer.organizationName})` : '';
    return withNew.length > 1 ? `- ${offer.title}${by}, for “${search}”` : `- ${offer.title}${by}`;
  });
  const rest = count - listed.length;
  if (rest > 0) lines.push(`…and ${plural(rest, 'more offer', 'more offers')}: run your saved searches to see them all.`);
  return { title, body: [`New on the job board:`, ...lines].join('\n'), count };
}
