import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { OfferEditor } from '../../../../../../components/employer/offer-editor';
import { offerEditorLabels } from '../../../../../../components/employer/offer-editor-labels';
import { SpaceShell } from '../../../../../../components/space/space-shell';
import { UUID, employerPage, ownedOrNotFound } from '../../../../../../components/space/space-page';
import { employerMessages } from '../../../../../../i18n/employer-messages';
import { isLocale, localePath } from '../../../../../../i18n/locales';
import { call } from '../../../../../../lib/api';
import { offerFormValues } from '../../../../../../lib/offer-form';
import { ManagedOfferQuery } from '../../../../../../lib/operations/employer';
import { OccupationQuery } from '../../../../../../lib/operations/offers';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return { title: employerMessages(isLocale(locale) ? locale : 'fr').manage.edit, robots: { index: false } };
}

export default async function EditOfferPage({ params }: { params: Params }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { locale, t, s, e, viewer, organizationId } = await employerPage(params, `/espace/annonces/${id}/modifier`);
  const { offer } = await ownedOrNotFound(() => call(ManagedOfferQuery, { id }, { token: viewer.token }));
  // Another organization's offer is not found here, whatever its status.
  if (!offer || offer.organization.id !== organizationId) notFound();
  if (offer.status !== 'DRAFT' && offer.status !== 'PUBLISHED') redirect(localePath(locale, `/espace/annonces/${id}`));
  const { occupation } = await call(OccupationQuery, { code: offer.romeCode });
  return (
    <SpaceShell locale={locale} role={viewer.role} current="postings" exact={false}>
      <h1>{e.offerForm.editTitle(offer.title)}</h1>
      <OfferEditor locale={locale} labels={offerEditorLabels(t, s, e)} initial={offerFormValues({ ...offer, occupationLabel: occupation?.label })} offerId={offer.id} />
    </SpaceShell>
  );
}
