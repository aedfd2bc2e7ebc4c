import type { Metadata } from 'next';
import Link from 'next/link';
import { completeness } from '../../../components/space/completeness';
import { SpaceShell, SECTION_PATHS } from '../../../components/space/space-shell';
import { spacePage, type SpacePage } from '../../../components/space/space-page';
import styles from '../../../components/space/space.module.css';
import { formatNumber } from '../../../i18n/format';
import { isLocale, localePath } from '../../../i18n/locales';
import { employerMessages } from '../../../i18n/employer-messages';
import { spaceMessages } from '../../../i18n/space-messages';
import { call } from '../../../lib/api';
import { EmployerCountsQuery, MyOrganizationQuery } from '../../../lib/operations/employer';
import { DashboardCountsQuery, MyProfileQuery } from '../../../lib/operations/space';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').dashboard.title, robots: { index: false } };
}

/** Employers: their offers at a glance, and the way to each part of their space. */
async function EmployerHome({ page }: { page: SpacePage }) {
  const { locale, viewer } = page;
  const e = employerMessages(locale);
  const organizationId = viewer.organization!.id;
  const [{ organization }, counts] = await Promise.all([
    call(MyOrganizationQuery, { id: organizationId }, { token: viewer.token }),
    call(EmployerCountsQuery, {}, { token: viewer.token }),
  ]);
  const offers = organization?.offers ?? [];
  const published = offers.filter((o) => o.status === 'PUBLISHED');
  const week = Date.now() + 7 * 24 * 3600 * 1000;
  const expiring = published.filter((o) => o.expiresAt && Date.parse(o.expiresAt) < week).length;
  const received = offers.reduce((sum, o) => sum + o.applicationsCount, 0);
  const d = e.dashboard;
  const sections = [
    { key: 'organization', label: e.nav.organization, text: d.links.organization, extra: null },
    { key: 'postings', label: e.nav.postings, text: d.links.postings, extra: `${d.offers(offers.length)} (${d.published(published.length)}, ${d.drafts(offers.filter((o) => o.status === 'DRAFT').length)})` },
    { key: 'talents', label: e.nav.talents, text: d.links.talents, extra: null },
    { key: 'notifications', label: page.s.nav.notifications, text: d.links.notifications, extra: page.s.dashboard.unread(counts.myNotifications.unreadCount) },
    { key: 'data', label: page.s.nav.data, text: d.links.data, extra: null },
  ] as const;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="dashboard">
      <h1>{d.title}</h1>
      <p className="lead">{d.greeting(viewer.displayName, organization?.name ?? viewer.organization!.name)}</p>
      <section aria-labelledby="offers-heading" className={styles.panel}>
        <h2 id="offers-heading">{e.nav.postings}</h2>
        <p>
          <strong>{d.applications(received)}</strong>
        </p>
        {expiring ? <p>{d.expiring(expiring)}</p> : null}
        <p>
          <Link href={localePath(locale, '/espace/annonces/nouvelle')} className={styles.primaryLink}>
            {d.postOffer}
          </Link>
        </p>
      </section>
      <h2>{page.s.dashboard.sections}</h2>
      <ul className={styles.cards}>
        {sections.map((section) => (
          <li key={section.key}>
            <Link href={localePath(locale, SECTION_PATHS[section.key])}>{section.label}</Link>
            <p>{section.text}</p>
            {section.extra ? <p className={styles.meta}>{section.extra}</p> : null}
          </li>
        ))}
      </ul>
    </SpaceShell>
  );
}

/** Staff: their work is in the playground. */
function OtherAccount({ page }: { page: SpacePage }) {
  const { locale, s, viewer } = page;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="dashboard">
      <h1>{s.employer.title}</h1>
      <p className="lead">{s.signedIn(viewer.displayName)}</p>
      <p>{s.employer.lead}</p>
      <p>{s.employer.meanwhile}</p>
      <ul>
        {viewer.organization ? (
          <li>
            <Link href={localePath(locale, `/employeurs/${viewer.organization.id}`)}>{s.employer.orgPage(viewer.organization.name)}</Link>
          </li>
        ) : null}
        <li>
          {/* The playground is the API's own page, outside the app's routes. */}
          <a href="/graphql">{s.employer.playground}</a>
        </li>
        <li>
          <Link href={localePath(locale, SECTION_PATHS.data)}>{s.employer.data}</Link>
        </li>
      </ul>
    </SpaceShell>
  );
}

export default async function SpaceHome({ params }: { params: Params }) {
  const page = await spacePage(params, '/espace');
  const { locale, s, viewer } = page;
  if (viewer.role === 'EMPLOYER' && viewer.organization) return <EmployerHome page={page} />;
  if (viewer.role !== 'CANDIDATE') return <OtherAccount page={page} />;
  const [{ myCandidateProfile: profile }, counts] = await Promise.all([call(MyProfileQuery, {}, { token: viewer.token }), call(DashboardCountsQuery, {}, { token: viewer.token })]);
  const items = profile ? completeness(profile) : [];
  const done = items.filter((i) => i.done).length;
  const percent = items.length ? Math.round((done / items.length) * 100) : 0;
  const missing = items.filter((i) => !i.done);
  const d = s.dashboard;
  const sections = [
    { key: 'profile', extra: null },
    { key: 'offers', extra: null },
    { key: 'applications', extra: d.applications(counts.myApplications.totalCount) },
    { key: 'invitations', extra: d.pendingInvitations(counts.myInvitations.totalCount) },
    { key: 'notifications', extra: d.unread(counts.myNotifications.unreadCount) },
    { key: 'alerts', extra: null },
    { key: 'data', extra: null },
  ] as const;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="dashboard">
      <h1>{d.title}</h1>
      <p className="lead">
        {d.greeting(viewer.displayName)}. {d.lead}
      </p>
      <section aria-labelledby="profile-heading" className={styles.panel}>
        <h2 id="profile-heading">{d.completeness}</h2>
        {profile ? (
          <>
            <p>
              <strong>{d.completePercent(formatNumber(locale, percent))}</strong>
            </p>
            {/* The text above says it; the bar repeats it for the eye. An inline width would break the CSP. */}
            <progress className={styles.progress} max={100} value={percent} aria-hidden="true" />
            {missing.length ? (
              <>
                <p>{d.missing}</p>
                <ul>
                  {missing.map((item) => (
                    <li key={item.key}>
                      <Link href={`${localePath(locale, SECTION_PATHS.profile)}#${item.anchor}`}>{d.items[item.key]}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{d.complete}</p>
            )}
            {profile.visibility === 'HIDDEN' ? <p>{d.hiddenProfile}</p> : null}
            <p>
              <Link href={localePath(locale, SECTION_PATHS.profile)}>{d.editProfile}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{d.noProfile}</p>
            <p>
              <Link href={localePath(locale, SECTION_PATHS.profile)} className={styles.primaryLink}>
                {d.createProfile}
              </Link>
            </p>
          </>
        )}
      </section>
      <h2>{d.sections}</h2>
      <ul className={styles.cards}>
        {sections.map(({ key, extra }) => (
          <li key={key} className={styles.item}>
            <Link href={localePath(locale, SECTION_PATHS[key])}>{s.nav[key]}</Link>
            {extra ? (
              <p>
                <strong>{extra}</strong>
              </p>
            ) : null}
            <p>{d.links[key]}</p>
          </li>
        ))}
      </ul>
    </SpaceShell>
  );
}
