import { formatDate } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { EmployerMessages } from '../../i18n/messages/employer.fr';
import type { SpaceMessages } from '../../i18n/space-messages';
import styles from '../space/space.module.css';

interface CandidateShown {
  displayName?: string | null;
  email?: string | null;
  headline?: string | null;
  availableFrom?: string | null;
  visibility: string;
  location?: { city?: string | null; postcode?: string | null } | null;
  desiredRomeCodes: readonly string[];
  skills: readonly { level: string; skill: { code: string; label: string } }[];
  programs: readonly { id: string; title: string; level?: number | null }[];
}

/** A candidate's profile as the API lets this employer see it: no more than it answered. */
export function CandidateFacts({ locale, e, s, candidate }: { locale: Locale; e: EmployerMessages; s: SpaceMessages; candidate: CandidateShown }) {
  const a = e.application;
  return (
    <>
      {candidate.displayName ? null : <p>{a.hiddenIdentity}</p>}
      <dl className={styles.facts}>
        {candidate.headline ? (
          <>
            <dt>{a.headline}</dt>
            <dd>{candidate.headline}</dd>
          </>
        ) : null}
        {candidate.email ? (
          <>
            <dt>{a.email}</dt>
            <dd>
              <a href={`mailto:${candidate.email}`}>{candidate.email}</a>
            </dd>
          </>
        ) : null}
        {candidate.location?.city || candidate.location?.postcode ? (
          <>
            <dt>{a.location}</dt>
            <dd>{[candidate.location.city, candidate.location.postcode].filter(Boolean).join(' ')}</dd>
          </>
        ) : null}
        <dt>{a.availableFrom}</dt>
        <dd>{candidate.availableFrom ? formatDate(locale, candidate.availableFrom) : e.talents.availableNow}</dd>
        {candidate.desiredRomeCodes.length ? (
          <>
            <dt>{a.occupations}</dt>
            <dd>{candidate.desiredRomeCodes.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {candidate.skills.length ? (
        <>
          <h3>{a.skills}</h3>
          <ul>
            {candidate.skills.map((sk) => (
              <li key={sk.skill.code}>
                {sk.skill.label} ({s.enums.skillLevel[sk.level] ?? sk.level})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {candidate.programs.length ? (
        <>
          <h3>{a.programs}</h3>
          <ul>
            {candidate.programs.map((p) => (
              <li key={p.id}>{p.title}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
