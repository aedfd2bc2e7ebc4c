import type { Metadata } from 'next';
import Link from 'next/link';
import employerStyles from '../../../../components/employer/employer.module.css';
import fieldStyles from '../../../../components/fields.module.css';
import { SpaceShell } from '../../../../components/space/space-shell';
import { employerPage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { Snippet } from '../../../../components/snippet';
import { employerMessages } from '../../../../i18n/employer-messages';
import { formatDate, formatNumber } from '../../../../i18n/format';
import { isLocale, localePath } from '../../../../i18n/locales';
import { call } from '../../../../lib/api';
import { SearchCandidatesQuery } from '../../../../lib/operations/employer';
import { param, type SearchParams } from '../../../../lib/page';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').talents.title, robots: { index: false } };
}

const CURSOR = /^[A-Za-z0-9_=-]{1,200}$/;
const REMOTE = ['ONSITE', 'HYBRID', 'REMOTE', 'ANY'] as const;

/** The marketplace's filters from the address: anything malformed is dropped, never an error. */
function filtersFrom(query: Record<string, string | string[] | undefined>) {
  const words = param(query.q).slice(0, 200);
  const rome = param(query.metier).toUpperCase();
  const postcode = param(query.cp);
  const radius = Number(param(query.rayon));
  const remote = REMOTE.find((r) => r === param(query.teletravail));
  const availableBy = /^\d{4}-\d{2}-\d{2}$/.test(param(query.dispo)) ? param(query.dispo) : '';
  const after = param(query.apres);
  return {
    words,
    rome: /^[A-Z]\d{4}$/.test(rome) ? rome : '',
    postcode: /^\d{5}$/.test(postcode) ? postcode : '',
    radius: Number.isFinite(radius) && radius >= 1 && radius <= 1000 ? Math.round(radius) : 30,
    remote: remote ?? '',
    availableBy,
    after: CURSOR.test(after) ? after : '',
  };
}

export default async function TalentsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, s, e, viewer } = await employerPage(params, '/espace/talents');
  const f = filtersFrom(await searchParams);
  const tl = e.talents;
  const { searchCandidates: result } = await call(
    SearchCandidatesQuery,
    {
      input: {
        query: f.words || null,
        first: 20,
        after: f.after || null,
        filters: {
          romeCodes: f.rome ? [f.rome] : null,
          near: f.postcode ? { postcode: f.postcode, radiusKm: f.radius } : null,
          remotePreferences: f.remote ? [f.remote as (typeof REMOTE)[number]] : null,
          availableBy: f.availableBy || null,
        },
      },
    },
    { token: viewer.token },
  );
  const base = new URLSearchParams(Object.entries({ q: f.words, metier: f.rome, cp: f.postcode, rayon: f.postcode ? String(f.radius) : '', teletravail: f.remote, dispo: f.availableBy }).filter(([, v]) => v));
  const here = localePath(locale, '/espace/talents');
  return (
    <SpaceShell locale={locale} role={viewer.role} current="talents">
      <h1>{tl.title}</h1>
      <p className="lead">{tl.lead}</p>
      <form method="get" action={here} role="search" className={styles.panel}>
        <div className={fieldStyles.field}>
          <label htmlFor="talent-q" className={fieldStyles.label}>
            {tl.words}
          </label>
          <p id="talent-q-hint" className={fieldStyles.hint}>
            {tl.wordsHint}
          </p>
          <input id="talent-q" name="q" type="search" defaultValue={f.words} maxLength={200} aria-describedby="talent-q-hint" className={fieldStyles.input} />
        </div>
        <fieldset className={employerStyles.group}>
          <legend>{tl.filters}</legend>
          <div className={fieldStyles.field}>
            <label htmlFor="talent-rome" className={fieldStyles.label}>
              {tl.occupation}
            </label>
            <input id="talent-rome" name="metier" defaultValue={f.rome} maxLength={5} className={fieldStyles.input} />
          </div>
          <div className={fieldStyles.field}>
            <label htmlFor="talent-cp" className={fieldStyles.label}>
              {tl.place}
            </label>
            <input id="talent-cp" name="cp" defaultValue={f.postcode} inputMode="numeric" maxLength={5} autoComplete="postal-code" className={fieldStyles.input} />
          </div>
          <div className={fieldStyles.field}>
            <label htmlFor="talent-radius" className={fieldStyles.label}>
              {tl.radius}
            </label>
            <input id="talent-radius" name="rayon" type="number" min={1} max={1000} defaultValue={String(f.radius)} className={fieldStyles.input} />
          </div>
          <div className={fieldStyles.field}>
            <label htmlFor="talent-remote" className={fieldStyles.label}>
              {tl.remote}
            </label>
            <select id="talent-remote" name="teletravail" defaultValue={f.remote} className={fieldStyles.input}>
              <option value="">{tl.any}</option>
              {REMOTE.map((r) => (
                <option key={r} value={r}>
                  {s.enums.remotePreference[r] ?? r}
                </option>
              ))}
            </select>
          </div>
          <div className={fieldStyles.field}>
            <label htmlFor="talent-dispo" className={fieldStyles.label}>
              {tl.availableBy}
            </label>
            <input id="talent-dispo" name="dispo" type="date" defaultValue={f.availableBy} className={fieldStyles.input} />
          </div>
        </fieldset>
        <button type="submit" className={fieldStyles.primary}>
          {tl.search}
        </button>
      </form>
      <h2>{tl.count(formatNumber(locale, result.totalCount))}</h2>
      {result.edges.length ? (
        <ul className={styles.list}>
          {result.edges.map(({ node, distanceKm, highlights }) => (
            <li key={node.id} className={styles.item}>
              <h3>
                <Link href={localePath(locale, `/espace/talents/${node.id}`)}>{node.displayName ?? tl.anonymous}</Link>
              </h3>
              {highlights.find((h) => h.field === 'headline') ? (
                <p>
                  <Snippet html={highlights.find((h) => h.field === 'headline')!.snippet} />
                </p>
              ) : node.headline ? (
                <p>{node.headline}</p>
              ) : null}
              <p className={styles.meta}>
                {[
                  [node.location?.city, node.location?.postcode].filter(Boolean).join(' '),
                  distanceKm != null ? tl.km(formatNumber(locale, distanceKm)) : '',
                  node.availableFrom ? tl.available(formatDate(locale, node.availableFrom)) : tl.availableNow,
                  s.enums.remotePreference[node.remotePreference] ?? '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {node.skills.length ? <p className={styles.meta}>{node.skills.slice(0, 6).map((sk) => sk.skill.label).join(', ')}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tl.none}</p>
      )}
      {f.after || (result.pageInfo.hasNextPage && result.pageInfo.endCursor) ? (
        <nav aria-label={s.common.pagination} className={styles.pager}>
          {f.after ? <Link href={`${here}?${base}`}>{s.common.firstPage}</Link> : null}
          {result.pageInfo.hasNextPage && result.pageInfo.endCursor ? (
            <Link href={`${here}?${new URLSearchParams([...base, ['apres', result.pageInfo.endCursor]])}`}>{s.common.nextPage}</Link>
          ) : null}
        </nav>
      ) : null}
    </SpaceShell>
  );
}
