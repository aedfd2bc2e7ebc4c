import type { Metadata } from 'next';
import { OfferEditor } from '../../../../../components/employer/offer-editor';
import { offerEditorLabels } from '../../../../../components/employer/offer-editor-labels';
import { SpaceShell } from '../../../../../components/space/space-shell';
import { employerPage } from '../../../../../components/space/space-page';
import { employerMessages } from '../../../../../i18n/employer-messages';
import { isLocale } from '../../../../../i18n/locales';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').offerForm.newTitle, robots: { index: false } };
}

export default async function NewOfferPage({ params }: { params: Params }) {
  const { locale, t, s, e, viewer } = await employerPage(params, '/espace/annonces/nouvelle');
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <h1>{e.offerForm.newTitle}</h1>
      <OfferEditor locale={locale} labels={offerEditorLabels(t, s, e)} initial={{ contractType: 'APPRENTICESHIP', remotePolicy: 'ONSITE', positions: '1', salaryPeriod: 'MONTH' }} />
    </SpaceShell>
  );
}
