/**
 * schema.org JobPosting for an offer page, with the properties Google's job-posting guidelines
 * require (title, description, datePosted, hiringOrganization, jobLocation) and the recommended
 * ones the offer has (validThrough, employmentType, baseSalary, directApply, identifier).
 */
export interface JobPostingOffer {
  id: string;
  title: string;
  description: string;
  contractType: string;
  remotePolicy: string;
  publishedAt?: string | null;
  expiresAt?: string | null;
  location: { city?: string | null; postcode?: string | null; country: string; lat: number; lng: number };
  salary?: { min?: number | null; max?: number | null; currency: string; period: string } | null;
  organization: { id: string; name: string; siret?: string | null };
}

const UNIT: Record<string, string> = { HOUR: 'HOUR', MONTH: 'MONTH', YEAR: 'YEAR' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function jobPosting(offer: JobPostingOffer, origin: string, pagePath: string) {
  const description = offer.description
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const salary = offer.salary && (offer.salary.min != null || offer.salary.max != null) ? offer.salary : null;
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: offer.title,
    description,
    identifier: { '@type': 'PropertyValue', name: offer.organization.name, value: offer.id },
    datePosted: offer.publishedAt ?? undefined,
    validThrough: offer.expiresAt ?? undefined,
    // Apprenticeships and POE are fixed-term, paid work with training: schema.org's closest values.
    employmentType: offer.contractType === 'POEC' ? ['OTHER'] : ['FULL_TIME', 'TEMPORARY'],
    hiringOrganization: {
      '@type': 'Organization',
      name: offer.organization.name,
      sameAs: `${origin}/employeurs/${offer.organization.id}`,
      ...(offer.organization.siret ? { identifier: offer.organization.siret } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: offer.location.city ?? undefined,
        postalCode: offer.location.postcode ?? undefined,
        addressCountry: offer.location.country,
      },
      geo: { '@type': 'GeoCoordinates', latitude: offer.location.lat, longitude: offer.location.lng },
    },
    ...(offer.remotePolicy === 'REMOTE' ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: offer.location.country } } : {}),
    ...(salary
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: salary.currency,
            value: {
              '@type': 'QuantitativeValue',
              ...(salary.min != null && salary.max != null ? { minValue: salary.min, maxValue: salary.max } : { value: salary.min ?? salary.max }),
              unitText: UNIT[salary.period] ?? 'MONTH',
            },
          },
        }
      : {}),
    directApply: true,
    url: `${origin}${pagePath}`,
  };
}
