import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { localePath } from '../../../../../i18n/locales';
import { call } from '../../../../../lib/api';
import { offerIdFromSegment, offerPath } from '../../../../../lib/offer-search';
import { isGone } from '../../../../../lib/offer-status';
import { OfferPageQuery } from '../../../../../lib/operations/offers';
import { routeLocale } from '../../../../../lib/page';
import { currentViewer } from '../../../../../lib/session';
import { ApplyForm } from './apply-form';

type PageParams = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: PageParams }): Promise<Metadata> {
  const { t } = await routeLocale(params);
  return { title: t.apply.submit, robots: { index: false } };
}

export default async function ApplyPage({ params }: { params: PageParams }) {
  const { locale, t } = await routeLocale(params);
  const { slug } = await params;
  const id = offerIdFromSegment(slug);
  if (!id) notFound();
  const viewer = await currentViewer();
  const here = localePath(locale, `/offres/${slug}/postuler`);
  if (!viewer) redirect(localePath(locale, `/connexion?suite=${encodeURIComponent(here)}`));
  const { offer } = await call(OfferPageQuery, { id }, { token: viewer.token });
  if (!offer || offer.status === 'DRAFT') notFound();
  const page = localePath(locale, offerPath(offer));
  // Offers from partner feeds are applied to on the partner's side: the offer page says where.
  if (viewer.role !== 'CANDIDATE' || isGone(offer) || offer.partnerApplication) redirect(page);
  return (
    <div className="narrow">
      <p>
        <Link href={page}>{t.apply.back}</Link>
      </p>
      <h1>{t.apply.title(offer.title)}</h1>
      <p>
        {offer.organization.name} · {offer.location.city}
      </p>
      <p className="lead">{t.apply.lead}</p>
      <ApplyForm
        locale={locale}
        offerId={offer.id}
        offerPath={page}
        questions={offer.screeningQuestions}
        labels={{
          errorSummary: t.auth.errorSummary,
          answers: offer.screeningQuestions.map((_, i) => t.apply.answer(i + 1)),
          message: t.apply.message,
          messageHint: t.apply.messageHint,
          submit: t.apply.submit,
        }}
      />
    </div>
  );
}
