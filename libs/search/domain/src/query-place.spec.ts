import { queryPlaceSplits } from './query-place';

describe('queryPlaceSplits', () => {
  it('reads the end of the query as a place, longest first, and keeps something to search for', () => {
    expect(queryPlaceSplits('boulanger lyon')).toEqual([{ text: 'boulanger', name: 'LYON', typed: 'lyon' }]);
    expect(queryPlaceSplits('Vendeur Saint-Étienne').map((s) => [s.text, s.name])).toEqual([
      ['Vendeur', 'SAINT ETIENNE'],
      ['Vendeur Saint', 'ETIENNE'],
    ]);
    expect(queryPlaceSplits('lyon')).toEqual([]);
    expect(queryPlaceSplits('')).toEqual([]);
  });

  it('drops the preposition joining the job to the place', () => {
    expect(queryPlaceSplits('boulanger à Lyon')[0]).toEqual({ text: 'boulanger', name: 'LYON', typed: 'à Lyon' });
    expect(queryPlaceSplits('vendeur sur paris')[0]).toMatchObject({ text: 'vendeur', name: 'PARIS' });
    // Nothing left but the preposition: not a place.
    expect(queryPlaceSplits('à lyon').map((s) => s.name)).toEqual([]);
  });

  it('never takes numbers for a place', () => {
    expect(queryPlaceSplits('bac 5').map((s) => s.name)).toEqual([]);
  });
});
