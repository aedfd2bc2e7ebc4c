import { otherLanguagePath } from './paths';

describe('the language switch', () => {
  it.each([
    ['/', '/en'],
    ['/offres?q=vente', '/en/offres?q=vente'],
    ['/en', '/'],
    ['/en/offres?q=vente', '/offres?q=vente'],
    ['/en?x=1', '/?x=1'],
  ])('%s ⇄ %s', (from, to) => {
    expect(otherLanguagePath(from)).toBe(to);
  });
});
