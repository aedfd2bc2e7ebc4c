import { offerIdFromSegment, offerPath, parseSearch, postcodeIn, queryRecord, searchInput, searchQuery, slugify, withChange } from './offer-search';

describe('the search page state in its URL', () => {
  it('reads every filter from the query string', () => {
    const state = parseSearch(queryRecord('?q=boulanger&lieu=Lyon+(69003)&rayon=50&contrat=APPRENTICESHIP&contrat=POEI&teletravail=hybrid&debut_apres=2027-01-04&debut_avant=2027-03-01&handi=1&tri=NEWEST'));
    expect(state).toMatchObject({
      q: 'boulanger',
      place: 'Lyon (69003)',
      radius: 50,
      contracts: ['APPRENTICESHIP', 'POEI'],
      remote: ['HYBRID'],
      startAfter: '2027-01-04',
      startBefore: '2027-03-01',
      disabilityFriendly: true,
      sort: 'NEWEST',
      after: '',
      page: 1,
    });
  });

  it('drops unknown parameters and bad values instead of failing', () => {
    const state = parseSearch({ foo: 'bar', contrat: ['XYZ', 'POEC', 'POEC'], rayon: '31', tri: 'SIDEWAYS', debut_apres: '2027-02-30', lat: '999', lng: '2', apres: '%%%', page: '-3' });
    expect(state).toMatchObject({ contracts: ['POEC'], radius: 30, sort: 'RELEVANCE', startAfter: '', lat: null, lng: null, after: '', page: 1 });
  });

  it('reads occupations (with their neighbours) and training paths, dropping what is not a code or an id', () => {
    const state = parseSearch(queryRecord('?metier=m1805&metier=M1805&metier=ZZ&voisins=1&formation=C01ACB21-577E-4457-B0DE-06AF6C3F6757&formation=x'));
    expect(state).toMatchObject({ occupations: ['M1805'], neighbours: true, programs: ['c01acb21-577e-4457-b0de-06af6c3f6757'] });
    expect(searchInput(state, null).filters).toMatchObject({ romeCodes: ['M1805'], includeNeighbouringOccupations: true, programIds: ['c01acb21-577e-4457-b0de-06af6c3f6757'] });
    expect(searchQuery(state)).toBe('?metier=M1805&voisins=1&formation=c01acb21-577e-4457-b0de-06af6c3f6757');
  });

  it('keeps a page number only with the cursor it belongs to', () => {
    expect(parseSearch({ page: '3' }).page).toBe(1);
    expect(parseSearch({ page: '3', apres: 'bzoxOQ' })).toMatchObject({ page: 3, after: 'bzoxOQ' });
  });

  it('builds the API input: filters only when set, a distance sort only with a place', () => {
    const state = parseSearch({ q: 'vente', contrat: 'APPRENTICESHIP', tri: 'DISTANCE' });
    expect(searchInput(state, null)).toEqual({
      query: 'vente',
      first: 20,
      after: undefined,
      sort: 'RELEVANCE',
      facets: ['CONTRACT_TYPE', 'REMOTE_POLICY'],
      filters: {
        contractTypes: ['APPRENTICESHIP'],
        remotePolicies: undefined,
        startAfter: undefined,
        startBefore: undefined,
        disabilityFriendly: undefined,
        romeCodes: undefined,
        includeNeighbouringOccupations: undefined,
        programIds: undefined,
        near: undefined,
      },
    });
    const near = searchInput({ ...state, place: 'Lyon (69003)' }, { lat: 45.76, lng: 4.85 });
    expect(near.sort).toBe('DISTANCE');
    expect(near.filters.near).toEqual({ lat: 45.76, lng: 4.85, radiusKm: 30 });
  });

  it('writes a state back to the same URL, dropping the page on any change', () => {
    const query = '?q=boulanger&lieu=69003&rayon=50&contrat=POEI&handi=1&tri=NEWEST';
    const state = parseSearch(queryRecord(query));
    expect(searchQuery(state)).toBe(query);
    const paged = { ...state, after: 'bzoxOQ', page: 2 };
    expect(searchQuery(paged, true)).toBe(`${query}&apres=bzoxOQ&page=2`);
    expect(searchQuery(withChange(paged, { contracts: [] }), true)).toBe('?q=boulanger&lieu=69003&rayon=50&handi=1&tri=NEWEST');
  });

  it('finds a postcode in the place field', () => {
    expect(postcodeIn('Lyon (69003)')).toBe('69003');
    expect(postcodeIn('75011')).toBe('75011');
    expect(postcodeIn('Lyon')).toBeNull();
  });
});

describe('offer addresses', () => {
  it('slugs titles without accents or punctuation', () => {
    expect(slugify('Pâtissier·ère — CAP (H/F) !')).toBe('patissier-ere-cap-h-f');
    expect(offerPath({ id: 'c01acb21-577e-4457-b0de-06af6c3f6757', title: 'CAP Boulanger' })).toBe('/offres/c01acb21-577e-4457-b0de-06af6c3f6757-cap-boulanger');
  });

  it('reads the id back from the segment, with or without the slug', () => {
    expect(offerIdFromSegment('C01ACB21-577e-4457-b0de-06af6c3f6757-cap-boulanger')).toBe('c01acb21-577e-4457-b0de-06af6c3f6757');
    expect(offerIdFromSegment('c01acb21-577e-4457-b0de-06af6c3f6757')).toBe('c01acb21-577e-4457-b0de-06af6c3f6757');
    expect(offerIdFromSegment('12345')).toBeNull();
    expect(offerIdFromSegment('c01acb21-577e-4457-b0de-06af6c3f6757x')).toBeNull();
  });
});
