import type { Metadata } from 'next';
import Link from 'next/link';
import { OfferCard } from '../../../components/offer-card';
import { SearchForm } from '../../../components/search-form';
import { Choice, Fieldset } from '../../../components/fields';
import { formatKm, formatNumber } from '../../../i18n/format';
import { localePath, type Locale } from '../../../i18n/locales';
import type { Messages } from '../../../i18n/messages';
import { call } from '../../../lib/api';
import {
  CONTRACT_TYPES,
  RADII,
  REMOTE_POLICIES,
  SORTS,
  hasFilters,
  parseSearch,
  searchInput,
  searchQuery,
  withChange,
  type SearchState,
} from '../../../lib/offer-search';
import { SuggestQuery } from '../../../lib/operations/catalogue';
import { SearchOffersQuery } from '../../../lib/operations/offers';
import { routeLocale, type SearchParams } from '../../../lib/page';
import { resolvePlace, type Place } from '../../../lib/places';
import { currentViewer } from '../../../lib/session';
import { SaveSearchForm } from './save-search-form';
import styles from './search.module.css';

export async function generateMetadata({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }): Promise<Metadata> {
  const { locale, t } = await routeLocale(params);
  const state = parseSearch(await searchParams);
  return {
    title: state.q ? t.search.titleFor(state.q) : t.search.title,
    alternates: { canonical: localePath(locale, `/offres${searchQuery(state)}`), languages: { fr: `/offres${searchQuery(state)}`, en: `/en/offres${searchQuery(state)}` } },
    // Result pages with filters are endless variations of one list: keep them out of indexes.
    robots: hasFilters(state) || state.after ? { index: false, follow: true } : undefined,
  };
}

function href(locale: Locale, state: SearchState, keepPage = false): string {
  return localePath(locale, `/offres${searchQuery(state, keepPage)}`);
}

function facetCounts(facets: readonly { field: string; values: readonly { value: string; count: number }[] }[], field: string): Map<string, number> {
  return new Map((facets.find((f) => f.field === field)?.values ?? []).map((v) => [v.value, v.count]));
}

/** Ways out of an empty result: each a search that differs by one thing. */
function suggestions(locale: Locale, t: Messages, state: SearchState, place: Place | null): { href: string; label: string }[] {
  const out: { href: string; label: string }[] = [];
  for (const c of state.contracts) out.push({ href: href(locale, withChange(state, { contracts: state.contracts.filter((x) => x !== c) })), label: t.search.dropFilter(t.enums.contractType[c] ?? c) });
  for (const r of state.remote) out.push({ href: href(locale, withChange(state, { remote: state.remote.filter((x) => x !== r) })), label: t.search.dropFilter(t.enums.remotePolicy[r] ?? r) });
  if (state.startAfter || state.startBefore) out.push({ href: href(locale, withChange(state, { startAfter: '', startBefore: '' })), label: t.search.dropFilter(t.search.startWindow) });
  if (state.disabilityFriendly) out.push({ href: href(locale, withChange(state, { disabilityFriendly: false })), label: t.search.dropFilter(t.search.disabilityFriendly) });
  if (state.occupations.length) out.push({ href: href(locale, withChange(state, { occupations: [], neighbours: false })), label: t.search.dropFilter(t.search.occupation) });
  if (state.programs.length) out.push({ href: href(locale, withChange(state, { programs: [] })), label: t.search.dropFilter(t.search.program) });
  if (place) {
    const wider = RADII.find((r) => r > state.radius);
    if (wider) out.push({ href: href(locale, withChange(state, { radius: wider })), label: t.search.widenRadius(wider) });
    out.push({ href: href(locale, withChange(state, { place: '', lat: null, lng: null })), label: t.search.withoutPlace });
  }
  if (state.q && place) out.push({ href: href(locale, withChange(state, { q: '' })), label: t.search.withoutWords });
  return out;
}

/** The nearest known job title or occupation to words that found nothing ("did you mean"). */
async function correctedQuery(q: string): Promise<string | null> {
  const { suggest } = await call(SuggestQuery, { prefix: q.slice(0, 100), kinds: ['JOB_TITLE', 'OCCUPATION'], first: 1 });
  const best = suggest[0]?.label.split(' / ')[0]?.trim();
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return best && fold(best) !== fold(q) ? best : null;
}

export default async function SearchPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale, t } = await routeLocale(params);
  const state = parseSearch(await searchParams);
  const [place, viewer] = await Promise.all([resolvePlace(state), currentViewer().catch(() => null)]);
  const unknownPlace = Boolean(state.place) && !place;
  const { searchOffers: result } = await call(SearchOffersQuery, { input: searchInput(state, place) }, { token: viewer?.token });
  const correction = result.totalCount === 0 && state.q ? await correctedQuery(state.q) : null;
  const contracts = facetCounts(result.facets, 'contractType');
  const remote = facetCounts(result.facets, 'remotePolicy');
  const count = formatNumber(locale, result.totalCount);
  const heading = state.q ? t.search.titleFor(state.q) : t.search.title;
  const firstIndex = (state.page - 1) * 20;
  return (
    <div className={styles.page}>
      <h1 id="search-heading">{heading}</h1>
      <SearchForm locale={locale} t={t} state={state} headingId="search-heading" />
      {unknownPlace ? (
        <p className={styles.warning} role="status">
          {t.search.unknownPlace(state.place)}
        </p>
      ) : null}
      <div className={styles.layout}>
        <section className={styles.results} aria-labelledby="results-count">
          <h2 id="results-count" className={styles.count} aria-live="polite">
            {place ? t.search.resultsNear(count, place.label, formatKm(locale, state.radius)) : t.search.results(count)}
          </h2>
          {state.occupations.length || state.programs.length ? (
            <ul className={styles.active}>
              {state.occupations.length ? (
                <li>
                  {t.search.occupation} : {state.occupations.join(', ')} <Link href={href(locale, withChange(state, { occupations: [], neighbours: false }))}>{t.search.remove}</Link>
                </li>
              ) : null}
              {state.programs.length ? (
                <li>
                  {t.search.program} ({state.programs.length}) <Link href={href(locale, withChange(state, { programs: [] }))}>{t.search.remove}</Link>
                </li>
              ) : null}
            </ul>
          ) : null}
          <p className={styles.toFilters}>
            <a href="#filters-heading">{t.search.refine}</a>
          </p>
          {viewer?.role === 'CANDIDATE' && (state.q || place || hasFilters(state)) ? (
            <SaveSearchForm locale={locale} t={{ saveAlert: t.search.saveAlert, saveAlertName: t.search.saveAlertName }} query={searchQuery(state)} defaultName={[state.q, place?.label].filter(Boolean).join(' · ') || t.search.title} />
          ) : null}
          {result.edges.length ? (
            <ol className={styles.list} start={firstIndex + 1}>
              {result.edges.map((edge) => (
                <li key={edge.node.id}>
                  <OfferCard locale={locale} offer={edge.node} highlights={edge.highlights} distanceKm={edge.distanceKm} headingLevel={3} />
                </li>
              ))}
            </ol>
          ) : (
            <div className={styles.empty}>
              <p>{t.search.noResults}</p>
              {correction ? (
                <p>
                  {t.search.didYouMean}{' '}
                  <Link href={href(locale, withChange(state, { q: correction }))} lang="fr">
                    {correction}
                  </Link>
                </p>
              ) : null}
              {suggestions(locale, t, state, place).length ? (
                <>
                  <p>{t.search.tryThis}</p>
                  <ul>
                    {suggestions(locale, t, state, place).map((s) => (
                      <li key={s.href}>
                        <Link href={s.href}>{s.label}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          )}
          {result.pageInfo.hasNextPage || state.after ? (
            <nav aria-label={t.search.pagination} className={styles.pager}>
              <p>{t.search.pageN(state.page)}</p>
              <ul>
                {state.after ? (
                  <li>
                    <Link href={href(locale, withChange(state, {}))}>{t.search.firstPage}</Link>
                  </li>
                ) : null}
                {result.pageInfo.hasNextPage && result.pageInfo.endCursor ? (
                  <li>
                    <Link href={href(locale, { ...state, after: result.pageInfo.endCursor, page: state.page + 1 }, true)} rel="next">
                      {t.search.nextPage}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
        <aside className={styles.filters} aria-labelledby="filters-heading">
          <h2 id="filters-heading" tabIndex={-1}>
            {t.search.filters}
          </h2>
          <form action={localePath(locale, '/offres')} method="get">
            {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
            {state.place ? <input type="hidden" name="lieu" value={state.place} /> : null}
            {state.place ? <input type="hidden" name="rayon" value={state.radius} /> : null}
            {state.occupations.map((o) => (
              <input key={o} type="hidden" name="metier" value={o} />
            ))}
            {state.occupations.length && state.neighbours ? <input type="hidden" name="voisins" value="1" /> : null}
            {state.programs.map((f) => (
              <input key={f} type="hidden" name="formation" value={f} />
            ))}
            <Fieldset legend={t.search.contract} name="contrat">
              {CONTRACT_TYPES.map((c) => (
                <Choice key={c} type="checkbox" name="contrat" value={c} defaultChecked={state.contracts.includes(c)} label={`${t.enums.contractType[c]} (${formatNumber(locale, contracts.get(c) ?? 0)})`} />
              ))}
            </Fieldset>
            <Fieldset legend={t.search.remote} name="teletravail">
              {REMOTE_POLICIES.map((r) => (
                <Choice key={r} type="checkbox" name="teletravail" value={r} defaultChecked={state.remote.includes(r)} label={`${t.enums.remotePolicy[r]} (${formatNumber(locale, remote.get(r) ?? 0)})`} />
              ))}
            </Fieldset>
            <Fieldset legend={t.search.startWindow} name="debut">
              <div className={styles.dates}>
                <label htmlFor="debut-apres">{t.search.startAfter}</label>
                <input id="debut-apres" type="date" name="debut_apres" defaultValue={state.startAfter} />
                <label htmlFor="debut-avant">{t.search.startBefore}</label>
                <input id="debut-avant" type="date" name="debut_avant" defaultValue={state.startBefore} />
              </div>
            </Fieldset>
            <Choice type="checkbox" name="handi" value="1" defaultChecked={state.disabilityFriendly} label={t.search.disabilityFriendly} />
            <div className={styles.sort}>
              <label htmlFor="search-sort">{t.search.sort}</label>
              <select id="search-sort" name="tri" defaultValue={state.sort}>
                {SORTS.filter((s) => s !== 'DISTANCE' || place).map((s) => (
                  <option key={s} value={s}>
                    {t.search.sorts[s]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={styles.apply}>
              {t.search.applyFilters}
            </button>
            {hasFilters(state) ? (
              <p>
                <Link href={href(locale, withChange(state, { contracts: [], remote: [], startAfter: '', startBefore: '', disabilityFriendly: false, occupations: [], neighbours: false, programs: [] }))}>
                  {t.search.clearFilters}
                </Link>
              </p>
            ) : null}
          </form>
        </aside>
      </div>
    </div>
  );
}
