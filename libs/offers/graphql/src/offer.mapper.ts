import { OfferEntity } from '@alternance/offers/data-access';
import { PlainEntity } from '@alternance/platform/data-access';
import { Offer } from './offer.model';

export function toOffer(o: PlainEntity<OfferEntity>, applicationsCount = 0): Offer {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    organizationId: o.organization.id,
    contractType: o.contractType,
    hireContract: o.hireContractType ? { type: o.hireContractType, durationMonths: o.hireContractDurationMonths } : null,
    romeCode: o.romeCode,
    skills: o.skills.map((s) => ({ skill: { code: s.code, label: s.label, kind: null }, level: s.level, required: s.required })),
    programIds: o.programIds,
    location: { city: o.city, postcode: o.postcode, inseeCode: o.inseeCode, country: o.country, lat: o.lat, lng: o.lng },
    remotePolicy: o.remotePolicy,
    startDate: { earliest: o.startEarliest, latest: o.startLatest },
    positions: o.positions,
    screeningQuestions: o.screeningQuestions,
    salary:
      o.salaryMin != null || o.salaryMax != null
        ? { min: o.salaryMin, max: o.salaryMax, currency: o.salaryCurrency ?? 'EUR', period: o.salaryPeriod ?? 'MONTH' }
        : null,
    status: o.status,
    publishedAt: o.publishedAt,
    expiresAt: o.expiresAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    applicationsCount,
    partnerApplication: o.applyUrl || o.applyEmail ? { url: o.applyUrl, email: o.applyEmail } : null,
    diploma: o.diploma,
    occupationToReview: o.occupationToReview,
  } as Offer;
}
