import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { addToProfile, removeFromProfile, saveSkills } from '../../../actions/profile';
import { SpaceShell, StatusMessage } from '../../../../components/space/space-shell';
import { candidatePage } from '../../../../components/space/space-page';
import spaceStyles from '../../../../components/space/space.module.css';
import { isLocale, localePath, type Locale } from '../../../../i18n/locales';
import { spaceMessages, type SpaceMessages } from '../../../../i18n/space-messages';
import { call } from '../../../../lib/api';
import type { ResultOf } from '../../../../lib/graphql';
import { CommunesByPostcodeQuery } from '../../../../lib/operations/catalogue';
import { MyProfileQuery, OccupationLabelQuery, OccupationSearchQuery, ProgramSearchQuery, SkillSearchQuery } from '../../../../lib/operations/space';
import { param, type SearchParams } from '../../../../lib/page';
import { QUALIFICATION as QUALIFICATIONS } from '../../../../lib/sensitive-answers';
import { EssentialsForm, MobilityForm, ProtectedForm, VisibilityForm, type ProfileFormLabels } from './profile-forms';
import styles from './profile.module.css';

type Params = Promise<{ locale: string }>;
type Profile = NonNullable<ResultOf<typeof MyProfileQuery>['myCandidateProfile']>;
type List = 'skills' | 'occupations' | 'programs';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: spaceMessages(isLocale(locale) ? locale : 'fr').profile.title, robots: { index: false } };
}

const LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const;
const LIMITS: Record<List, number> = { skills: 60, occupations: 10, programs: 10 };

/** What each `?fait=` of the list actions says, and in which list. */
const DONE: Record<string, { list: List; text: (p: SpaceMessages['profile']) => string }> = {
  competence: { list: 'skills', text: (p) => p.skillAdded },
  niveaux: { list: 'skills', text: (p) => p.skillsSaved },
  'competence-retiree': { list: 'skills', text: (p) => p.skillRemoved },
  metier: { list: 'occupations', text: (p) => p.occupationAdded },
  'metier-retire': { list: 'occupations', text: (p) => p.occupationRemoved },
  formation: { list: 'programs', text: (p) => p.programAdded },
  'formation-retiree': { list: 'programs', text: (p) => p.programRemoved },
};

interface Feedback {
  list: List | null;
  done: string | null;
  error: string | null;
  element: string;
}

function feedback(s: SpaceMessages, query: Record<string, string | string[] | undefined>): Feedback {
  const done = DONE[param(query.fait)];
  const code = param(query.erreur);
  const named = param(query.liste);
  const list = done?.list ?? (code && (named === 'skills' || named === 'occupations' || named === 'programs') ? named : null);
  const error = code === 'max' && list ? s.profile.tooMany(LIMITS[list]) : code === 'inconnu' ? s.profile.unknownCode : code ? s.common.genericError : null;
  return { list, done: done ? done.text(s.profile) : null, error, element: param(query.element) };
}

function formValues(profile: Profile | null): Record<string, string> {
  if (!profile) return { radius: '30', remotePreference: 'ANY', visibility: 'HIDDEN' };
  const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : '');
  return {
    headline: profile.headline ?? '',
    availableFrom: profile.availableFrom ?? '',
    educationLevel: profile.educationLevel ?? '',
    postcode: profile.location?.postcode ?? '',
    city: profile.location?.city ?? '',
    radius: String(profile.mobilityRadiusKm),
    remotePreference: profile.remotePreference,
    visibility: profile.visibility,
    birthDate: profile.birthDate ?? '',
    jobSeeker: yesNo(profile.jobSeeker),
    sensitiveDataConsent: profile.sensitiveDataConsent ? 'yes' : '',
    disabilityRecognised: yesNo(profile.disabilityRecognised),
    gender: profile.gender ?? '',
    highestQualification: profile.highestQualification ?? '',
    livesInQpv: yesNo(profile.livesInQpv),
    internationalProtection: yesNo(profile.internationalProtection),
    situationBefore: profile.situationBefore ?? '',
  };
}

function formLabels(s: SpaceMessages): ProfileFormLabels {
  const p = s.profile;
  const e = s.enums;
  return {
    errorSummary: s.common.errorSummary,
    save: p.save,
    headline: p.headline,
    headlineHint: p.headlineHint,
    availableFrom: p.availableFrom,
    availableFromHint: p.availableFromHint,
    educationLevel: p.educationLevel,
    educationOptions: [{ value: '', label: p.educationNotSaid }, ...Object.entries(e.educationLevel).map(([value, label]) => ({ value, label }))],
    postcode: p.postcode,
    postcodeHint: p.postcodeHint,
    city: p.city,
    cityHint: p.cityHint,
    radius: p.radius,
    radiusHint: p.radiusHint,
    remote: p.remote,
    remoteOptions: Object.entries(e.remotePreference).map(([value, label]) => ({ value, label })),
    visibilityLead: p.visibilityLead,
    visibilityOptions: ['PUBLIC', 'ANONYMOUS', 'HIDDEN'].map((value) => ({ value, label: p.visibilityOptions[value]!, hint: p.visibilityHelp[value] })),
    birthDate: p.birthDate,
    birthDateWhy: p.birthDateWhy,
    jobSeeker: p.jobSeeker,
    jobSeekerWhy: p.jobSeekerWhy,
    yes: p.yes,
    no: p.no,
    consentTitle: p.consentTitle,
    consent: p.consent,
    consentHint: p.consentHint,
    disability: p.disability,
    disabilityWhy: p.disabilityWhy,
    gender: p.gender,
    genderWhy: p.genderWhy,
    genderOptions: Object.entries(e.gender).map(([value, label]) => ({ value, label })),
    notSaid: p.notSaid,
    priorityLead: p.priorityLead,
    highestQualification: p.highestQualification,
    highestQualificationWhy: p.highestQualificationWhy,
    qualificationOptions: [{ value: '', label: p.notSaid }, ...QUALIFICATIONS.map((value) => ({ value, label: e.educationLevel[value]! }))],
    livesInQpv: p.livesInQpv,
    livesInQpvWhy: p.livesInQpvWhy,
    internationalProtection: p.internationalProtection,
    internationalProtectionWhy: p.internationalProtectionWhy,
    situationBefore: p.situationBefore,
    situationBeforeWhy: p.situationBeforeWhy,
    situationOptions: Object.entries(e.situationBefore).map(([value, label]) => ({ value, label })),
  };
}

/** The hidden fields every list form sends: the language and the searches to show again. */
function Keep({ locale, list, searches }: { locale: Locale; list: List; searches: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="list" value={list} />
      {Object.entries(searches).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
    </>
  );
}

/** An occupation's or training path's "remove" button, naming what it removes for screen readers. */
function RemoveForm({ locale, list, searches, value, label, text }: { locale: Locale; list: List; searches: Record<string, string>; value: string; label: string; text: string }) {
  return (
    <form action={removeFromProfile}>
      <Keep locale={locale} list={list} searches={searches} />
      <input type="hidden" name="value" value={value} />
      <button type="submit" className={spaceStyles.button}>
        {text}
        <span className="visually-hidden"> {label}</span>
      </button>
    </form>
  );
}

function SearchForm({ locale, name, label, hint, value, anchor, submit }: { locale: Locale; name: string; label: string; hint: string; value: string; anchor: string; submit: string }) {
  const id = `search-${name}`;
  return (
    <form method="get" action={`${localePath(locale, '/espace/profil')}#${anchor}`} role="search" className={styles.search}>
      <label htmlFor={id} className={styles.searchLabel}>
        {label}
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
      <div className={styles.searchRow}>
        <input id={id} name={name} type="search" defaultValue={value} maxLength={100} aria-describedby={`${id}-hint`} className={styles.input} />
        <button type="submit" className={spaceStyles.button}>
          {submit}
        </button>
      </div>
    </form>
  );
}

interface Result {
  value: string;
  label: string;
  detail?: string;
}

/** Search results, each with an "add" button (a server action: no JavaScript needed). */
function Results({ locale, s, list, query, results, total, have, searches }: { locale: Locale; s: SpaceMessages; list: List; query: string; results: Result[]; total: number; have: Set<string>; searches: Record<string, string> }) {
  return (
    <div className={styles.results}>
      <h3>{s.profile.results(total, query)}</h3>
      {total > results.length ? <p className={styles.hint}>{s.profile.moreResults(results.length, total)}</p> : null}
      {results.length ? (
        <ul className={styles.rows}>
          {results.map((r) => (
            <li key={r.value} className={styles.row}>
              {/* The ROME and the training catalogue are in French, whatever the page's language. */}
              <span className={styles.rowLabel}>
                <span lang="fr">{r.label}</span>
                {r.detail ? <span className={styles.detail}> {r.detail}</span> : null}
              </span>
              {have.has(r.value) ? (
                <span className={styles.already}>{s.profile.alreadyThere}</span>
              ) : (
                <form action={addToProfile}>
                  <Keep locale={locale} list={list} searches={searches} />
                  <input type="hidden" name="value" value={r.value} />
                  <button type="submit" className={spaceStyles.button}>
                    {s.profile.add}
                    <span className="visually-hidden"> {s.common.quoted(r.label)}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ListSection({ id, title, lead, fb, list, rows, children }: { id: string; title: string; lead: string; fb: Feedback; list: List; rows: string[]; children: ReactNode }) {
  const mine = fb.list === list;
  // An error about one row shows on that row; about an item not listed (refused when added), here.
  const onRow = Boolean(fb.element) && rows.includes(fb.element);
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={styles.section}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {mine ? <StatusMessage text={fb.done} /> : null}
      {mine && fb.error && !onRow ? (
        <p className={spaceStyles.alert} id={`${id}-error`}>
          {fb.error}
        </p>
      ) : null}
      <p>{lead}</p>
      {children}
    </section>
  );
}

function RowError({ fb, list, element }: { fb: Feedback; list: List; element: string }) {
  if (fb.list !== list || !fb.error || fb.element !== element) return null;
  return <p className={spaceStyles.error}>{fb.error}</p>;
}

export default async function ProfilePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale, s, viewer } = await candidatePage(params, '/espace/profil');
  const query = await searchParams;
  const searches = { competence: param(query.competence).slice(0, 100), metier: param(query.metier).slice(0, 100), formation: param(query.formation).slice(0, 100) };
  const token = viewer.token;
  const { myCandidateProfile: profile } = await call(MyProfileQuery, {}, { token });
  const [skillResults, occupationResults, programResults, occupations, communes] = await Promise.all([
    searches.competence ? call(SkillSearchQuery, { query: searches.competence }, { token }).then((r) => r.skills) : null,
    searches.metier ? call(OccupationSearchQuery, { query: searches.metier }, { token }).then((r) => r.occupations) : null,
    searches.formation ? call(ProgramSearchQuery, { query: searches.formation }, { token }).then((r) => r.programs) : null,
    Promise.all((profile?.desiredRomeCodes ?? []).map((code) => call(OccupationLabelQuery, { code }, { token }).then((r) => ({ code, label: r.occupation?.label ?? code })))),
    profile?.location?.postcode ? call(CommunesByPostcodeQuery, { postcode: profile.location.postcode }).then((r) => r.communes.map((c) => c.name)) : [],
  ]);
  const fb = feedback(s, query);
  const p = s.profile;
  const labels = formLabels(s);
  const initial = formValues(profile);
  const skills = profile?.skills ?? [];
  const programs = profile?.programs ?? [];
  const contents = [
    ['essentiel', p.essentials],
    ['competences', p.skills],
    ['metiers', p.occupations],
    ['formations', p.programs],
    ['mobilite', p.mobility],
    ['visibilite', p.visibility],
    ['donnees-protegees', p.protected],
  ] as const;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="profile">
      <h1>{p.title}</h1>
      <p className="lead">{p.lead}</p>
      {profile ? null : <p className={spaceStyles.panel}>{p.noProfileYet}</p>}
      <nav aria-labelledby="contents-heading" className={styles.contents}>
        <h2 id="contents-heading" className={styles.contentsTitle}>
          {p.contents}
        </h2>
        <ul>
          {contents.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="essentiel" aria-labelledby="essentiel-heading" className={styles.section}>
        <h2 id="essentiel-heading">{p.essentials}</h2>
        <EssentialsForm locale={locale} labels={labels} initial={initial} />
      </section>

      <ListSection id="competences" title={p.skills} lead={p.skillsLead} fb={fb} list="skills" rows={skills.map((k) => k.skill.code)}>
        <SearchForm locale={locale} name="competence" label={p.skillsSearch} hint={p.skillsSearchHint} value={searches.competence} anchor="competences" submit={p.search} />
        {skillResults ? (
          <Results
            locale={locale}
            s={s}
            list="skills"
            query={searches.competence}
            total={skillResults.totalCount}
            results={skillResults.edges.map((e) => ({ value: e.node.code, label: e.node.label, detail: e.node.category ? `(${e.node.category})` : undefined }))}
            have={new Set(skills.map((k) => k.skill.code))}
            searches={searches}
          />
        ) : null}
        <h3>{p.yourSkills}</h3>
        {skills.length ? (
          <form action={saveSkills}>
            <Keep locale={locale} list="skills" searches={searches} />
            <ul className={styles.rows}>
              {skills.map((k) => (
                <li key={k.skill.code} className={styles.row}>
                  <label htmlFor={`level-${k.skill.code}`} className={styles.rowLabel}>
                    <span lang="fr">{k.skill.label}</span>
                    <span className="visually-hidden"> ({p.levelWord})</span>
                  </label>
                  <RowError fb={fb} list="skills" element={k.skill.code} />
                  <span className={styles.rowControls}>
                    <select id={`level-${k.skill.code}`} name={`level-${k.skill.code}`} defaultValue={k.level} className={styles.select}>
                      {LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {s.enums.skillLevel[level]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" name="remove" value={k.skill.code} className={spaceStyles.button}>
                      {p.remove}
                      <span className="visually-hidden"> {s.common.quoted(k.skill.label)}</span>
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <button type="submit" className={spaceStyles.button}>
                {p.saveLevels}
              </button>
            </p>
          </form>
        ) : (
          <p>{p.noSkills}</p>
        )}
      </ListSection>

      <ListSection id="metiers" title={p.occupations} lead={p.occupationsLead} fb={fb} list="occupations" rows={occupations.map((o) => o.code)}>
        <SearchForm locale={locale} name="metier" label={p.occupationsSearch} hint={p.occupationsSearchHint} value={searches.metier} anchor="metiers" submit={p.search} />
        {occupationResults ? (
          <Results
            locale={locale}
            s={s}
            list="occupations"
            query={searches.metier}
            total={occupationResults.totalCount}
            results={occupationResults.edges.map((e) => ({ value: e.node.code, label: e.node.label, detail: `(${e.node.code})` }))}
            have={new Set(profile?.desiredRomeCodes ?? [])}
            searches={searches}
          />
        ) : null}
        <h3>{p.yourOccupations}</h3>
        {occupations.length ? (
          <ul className={styles.rows}>
            {occupations.map((o) => (
              <li key={o.code} className={styles.row}>
                <span className={styles.rowLabel}>
                  <span lang="fr">{o.label}</span> <span className={styles.detail}>({o.code})</span>
                </span>
                <RowError fb={fb} list="occupations" element={o.code} />
                <RemoveForm locale={locale} list="occupations" searches={searches} value={o.code} label={s.common.quoted(o.label)} text={p.remove} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{p.noOccupations}</p>
        )}
      </ListSection>

      <ListSection id="formations" title={p.programs} lead={p.programsLead} fb={fb} list="programs" rows={programs.map((g) => g.id)}>
        <SearchForm locale={locale} name="formation" label={p.programsSearch} hint={p.programsSearchHint} value={searches.formation} anchor="formations" submit={p.search} />
        {programResults ? (
          <Results
            locale={locale}
            s={s}
            list="programs"
            query={searches.formation}
            total={programResults.totalCount}
            results={programResults.edges.map((e) => ({ value: e.node.id, label: e.node.title, detail: `(${p.programFacts(e.node.level ? p.level(e.node.level) : '', e.node.rncpCode ?? '')})` }))}
            have={new Set(programs.map((g) => g.id))}
            searches={searches}
          />
        ) : null}
        <h3>{p.yourPrograms}</h3>
        {programs.length ? (
          <ul className={styles.rows}>
            {programs.map((g) => (
              <li key={g.id} className={styles.row}>
                <span className={styles.rowLabel}>
                  <Link href={localePath(locale, `/formations/${g.id}`)} lang="fr">
                    {g.title}
                  </Link>{' '}
                  <span className={styles.detail}>({p.programFacts(g.level ? p.level(g.level) : '', g.rncpCode ?? '')})</span>
                </span>
                <RowError fb={fb} list="programs" element={g.id} />
                <RemoveForm locale={locale} list="programs" searches={searches} value={g.id} label={s.common.quoted(g.title)} text={p.remove} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{p.noPrograms}</p>
        )}
      </ListSection>

      <section id="mobilite" aria-labelledby="mobilite-heading" className={styles.section}>
        <h2 id="mobilite-heading">{p.mobility}</h2>
        <MobilityForm locale={locale} labels={labels} initial={initial} communes={communes} />
      </section>

      <section id="visibilite" aria-labelledby="visibilite-heading" className={styles.section}>
        <h2 id="visibilite-heading">{p.visibility}</h2>
        <VisibilityForm locale={locale} labels={labels} initial={initial} />
      </section>

      <section id="donnees-protegees" aria-labelledby="donnees-protegees-heading" className={styles.section}>
        <h2 id="donnees-protegees-heading">{p.protected}</h2>
        <p>{p.protectedLead}</p>
        <ProtectedForm locale={locale} labels={labels} initial={initial} />
      </section>
    </SpaceShell>
  );
}
