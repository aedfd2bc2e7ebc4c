import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganizationForm } from '../../../../components/employer/organization-form';
import { SpaceShell } from '../../../../components/space/space-shell';
import { employerPage } from '../../../../components/space/space-page';
import styles from '../../../../components/space/space.module.css';
import { employerMessages } from '../../../../i18n/employer-messages';
import { isLocale, localePath } from '../../../../i18n/locales';
import { call } from '../../../../lib/api';
import { MyOrganizationQuery } from '../../../../lib/operations/employer';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').organization.title, robots: { index: false } };
}

const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;

export default async function OrganizationPage({ params }: { params: Params }) {
  const { locale, t, s, e, viewer, organizationId } = await employerPage(params, '/espace/entreprise');
  const { organization } = await call(MyOrganizationQuery, { id: organizationId }, { token: viewer.token });
  const o = e.organization;
  if (!organization) return null;
  return (
    <SpaceShell locale={locale} role={viewer.role} current="organization">
      <h1>{o.title}</h1>
      <p className="lead">{o.lead}</p>
      <dl className={styles.facts}>
        <dt>{o.siret}</dt>
        <dd>{organization.siret ? o.siretVerified(organization.siret) : o.noSiret}</dd>
      </dl>
      <p>
        <Link href={localePath(locale, `/employeurs/${organization.id}`)}>{o.publicPage}</Link>
      </p>
      <OrganizationForm
        locale={locale}
        labels={{
          errorSummary: s.common.errorSummary,
          name: o.name,
          nameHint: o.nameHint,
          sector: o.sector,
          sectorHint: o.sectorHint,
          size: o.size,
          sizeOptions: [{ value: '', label: o.sizeUnknown }, ...SIZES.map((size) => ({ value: size, label: t.enums.orgSize[size] ?? size }))],
          accessibilityTitle: o.accessibilityTitle,
          referent: o.referent,
          referentHint: o.referentHint,
          accommodations: o.accommodations,
          accommodationsHint: o.accommodationsHint,
          save: o.save,
        }}
        initial={{
          name: organization.name,
          sector: organization.sector ?? '',
          size: organization.size ?? '',
          disabilityReferent: organization.accessibility.disabilityReferent ? 'on' : '',
          accommodations: organization.accessibility.accommodations ?? '',
        }}
      />
    </SpaceShell>
  );
}
