import { RemotePreference, Visibility } from '@alternance/candidates/domain';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { candidateDocument, candidateSearchRequest } from './candidate-search';
import { meiliFilter, meiliFilters, meiliSort, meiliValue } from './meilisearch-filter';
import { PUBLIC_AUDIENCE, epochDay, offerDocument, offerSearchRequest } from './offer-search';

const base = { audiences: [PUBLIC_AUDIENCE], sort: 'RELEVANCE' as const, offset: 0, limit: 20, facets: [] };

describe('offer search request', () => {
  it('turns every filter of the input into a typed condition', () => {
    const request = offerSearchRequest({
      ...base,
      query: '  développeur web ',
      contractTypes: [ContractType.APPRENTICESHIP, ContractType.POEI],
      romeCodes: ['M1805', 'M1855'],
      programIds: ['p1'],
      remotePolicies: [RemotePolicy.REMOTE],
      near: { lat: 45.76, lng: 4.85, radiusKm: 30 },
      startAfter: '2027-01-01',
      startBefore: '2027-03-31',
      country: 'FR',
      disabilityFriendly: true,
      facets: ['contractType', 'romeDomain'],
    });
    expect(request.text).toBe('développeur web');
    expect(request.filters).toEqual([
      { kind: 'in', field: 'audience', values: ['public'] },
      { kind: 'in', field: 'contractType', values: ['APPRENTICESHIP', 'POEI'] },
      { kind: 'in', field: 'romeCode', values: ['M1805', 'M1855'] },
      { kind: 'in', field: 'programIds', values: ['p1'] },
      { kind: 'in', field: 'remotePolicy', values: ['REMOTE'] },
      { kind: 'in', field: 'country', values: ['FR'] },
      { kind: 'in', field: 'disabilityFriendly', values: [true] },
      { kind: 'range', field: 'startEarliestDay', lte: epochDay('2027-03-31') },
      { kind: 'range', field: 'startLatestDay', gte: epochDay('2027-01-01') },
      { kind: 'geo', lat: 45.76, lng: 4.85, radiusKm: 30 },
    ]);
    expect(request.facets).toEqual(['contractType', 'romeDomain']);
  });

  it('keeps only offers published from an instant on (saved-search alerts)', () => {
    const from = Date.parse('2026-11-24T00:00:00Z');
    expect(offerSearchRequest({ ...base, audiences: null, publishedFromMs: from }).filters).toEqual([{ kind: 'range', field: 'publishedAtMs', gte: from }]);
  });

  it('adds no audience filter for staff and maps sorts', () => {
    expect(offerSearchRequest({ ...base, audiences: null }).filters).toEqual([]);
    expect(offerSearchRequest({ ...base, sort: 'NEWEST' }).sort).toEqual({ kind: 'field', field: 'publishedAtMs', direction: 'desc' });
    expect(offerSearchRequest({ ...base, sort: 'START_DATE' }).sort).toEqual({ kind: 'field', field: 'startEarliestDay', direction: 'asc' });
    expect(offerSearchRequest({ ...base, sort: 'DISTANCE', near: { lat: 1, lng: 2, radiusKm: 5 } }).sort).toEqual({ kind: 'distance', lat: 1, lng: 2 });
    expect(offerSearchRequest({ ...base, query: '   ' }).text).toBeUndefined();
  });

  it('indexes drafts for their organization only', () => {
    const offer = {
      id: 'o1', title: 'Boulanger', description: 'Pains', organizationId: 'org1', organizationName: 'Soleil', disabilityFriendly: false,
      contractType: ContractType.APPRENTICESHIP, remotePolicy: RemotePolicy.ONSITE, romeCode: 'D1102', skillLabels: ['Pétrir'], programIds: [],
      programLevels: [3, 3], country: 'FR', lat: 48.1, lng: -1.6, startEarliest: '2027-01-04', startLatest: '2027-02-01', status: OfferStatus.DRAFT, publishedAt: null,
    };
    expect(offerDocument(offer)).toMatchObject({ audience: 'org:org1', romeDomain: 'D', levels: ['3'], publishedAtMs: 0 });
    expect(offerDocument({ ...offer, status: OfferStatus.PUBLISHED }).audience).toBe('public');
  });
});

describe('candidate documents and search', () => {
  const candidate = {
    id: 'c1', displayName: 'Camille Martin', headline: 'Future boulangère', skills: [{ code: '100', label: 'Pétrir la pâte' }], desiredRomeCodes: ['D1102'],
    programIds: [], lat: 48.1, lng: -1.6, remotePreference: RemotePreference.ONSITE, availableFrom: '2027-01-01', educationLevel: null,
    visibility: Visibility.ANONYMOUS, updatedAt: new Date('2026-11-23T00:00:00Z'),
  };

  it('never puts an anonymous name or any private field in the index', () => {
    const doc = candidateDocument({ ...candidate, birthDate: '2004-01-01', jobSeeker: true, disabilityRecognised: true, gender: 'FEMALE' } as typeof candidate);
    expect(doc.displayName).toBeNull();
    expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['birthDate']));
    for (const key of ['birthDate', 'jobSeeker', 'disabilityRecognised', 'gender', 'email']) expect(doc).not.toHaveProperty(key);
    expect(candidateDocument({ ...candidate, visibility: Visibility.PUBLIC }).displayName).toBe('Camille Martin');
    expect(() => candidateDocument({ ...candidate, visibility: Visibility.HIDDEN })).toThrow();
  });

  it('requires every skill asked for, and lets ANY match any remote preference', () => {
    const request = candidateSearchRequest({ skillCodes: ['1', '2'], remotePreferences: [RemotePreference.REMOTE], sort: 'RELEVANCE', offset: 0, limit: 10, facets: [] });
    expect(request.filters).toEqual([
      { kind: 'in', field: 'visibility', values: ['PUBLIC', 'ANONYMOUS'] },
      { kind: 'in', field: 'skillCodes', values: ['1'] },
      { kind: 'in', field: 'skillCodes', values: ['2'] },
      { kind: 'in', field: 'remotePreference', values: ['REMOTE', 'ANY'] },
    ]);
  });
});

describe('Meilisearch filter syntax', () => {
  it('quotes strings so user text cannot become filter syntax', () => {
    expect(meiliValue('M1805')).toBe('"M1805"');
    expect(meiliValue('x" OR audience = "org:1')).toBe('"x\\" OR audience = \\"org:1"');
    expect(meiliValue('back\\slash')).toBe('"back\\\\slash"');
    expect(meiliFilter({ kind: 'in', field: 'romeCode', values: ['") OR (1 = 1'] })).toBe('romeCode = "\\") OR (1 = 1"');
  });

  it('writes each filter kind, and refuses odd attribute names and numbers', () => {
    expect(
      meiliFilters([
        { kind: 'in', field: 'contractType', values: ['POEI', 'POEC'] },
        { kind: 'in', field: 'disabilityFriendly', values: [true] },
        { kind: 'range', field: 'startEarliestDay', gte: 10, lte: 20 },
        { kind: 'geo', lat: 45.5, lng: 4.25, radiusKm: 30 },
      ]),
    ).toEqual(['contractType IN ["POEI", "POEC"]', 'disabilityFriendly = true', 'startEarliestDay >= 10 AND startEarliestDay <= 20', '_geoRadius(45.5, 4.25, 30000)']);
    expect(() => meiliFilter({ kind: 'in', field: 'a OR b', values: ['x'] })).toThrow();
    expect(() => meiliValue(Number.NaN)).toThrow();
    expect(meiliSort({ kind: 'distance', lat: 1, lng: 2 })).toEqual(['_geoPoint(1, 2):asc']);
    expect(meiliSort({ kind: 'relevance' })).toBeUndefined();
  });
});
