import { evaluateSearch, holdsFalseFriend, ndcg, parseJudgments, reciprocalRank } from './metrics';

describe('search relevance metrics', () => {
  const grades = new Map([
    ['a', 3],
    ['b', 2],
    ['c', 0],
    ['d', 1],
  ]);

  it('nDCG@k is 1 for the ideal order, lower for a worse one, 0 when nothing relevant is found', () => {
    expect(ndcg(['a', 'b', 'd', 'c'], grades)).toBeCloseTo(1);
    const swapped = ndcg(['b', 'a', 'd', 'c'], grades)!;
    // (3/1 + 7/log2(3) + 1/2) / (7/1 + 3/log2(3) + 1/2)
    expect(swapped).toBeCloseTo((3 + 7 / Math.log2(3) + 1 / 2) / (7 + 3 / Math.log2(3) + 1 / 2), 6);
    expect(ndcg([], grades)).toBe(0);
    expect(ndcg(['x', 'y'], grades)).toBe(0);
    // Nothing judged relevant: no score (the query says nothing about the ranking).
    expect(ndcg(['a'], new Map([['a', 0]]))).toBeNull();
  });

  it('nDCG@k only reads the first k hits', () => {
    expect(ndcg(['c', 'a'], grades, 1)).toBe(0);
  });

  it('reciprocal rank counts the first hit graded 2 or more within k', () => {
    expect(reciprocalRank(['c', 'd', 'b', 'a'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['c', 'd'], grades)).toBe(0);
    expect(reciprocalRank(['c', 'd', 'a'], grades, 2)).toBe(0);
    expect(reciprocalRank(['d'], grades, 10, 1)).toBe(1);
  });

  it('finds false friends as whole folded words, plurals and phrases', () => {
    expect(holdsFalseFriend('Conseiller de Vente', ['vente'])).toBe('vente');
    expect(holdsFalseFriend('ventes en ligne', ['vente'])).toBe('vente');
    expect(holdsFalseFriend('avant-vente', ['vente'])).toBe('vente');
    expect(holdsFalseFriend('Éventail', ['vente'])).toBeUndefined();
    expect(holdsFalseFriend('Salle à manger', ['salle a manger'])).toBe('salle a manger');
  });

  it('parses JSON Lines and rejects grades outside 0 to 3 or repeated ids', () => {
    const text = '{"id":"q1","query":"boulanger","judgments":[{"offer":"a","grade":3}]}\n\n{"query":"vente","judgments":[]}\n';
    expect(parseJudgments(text).map((q) => q.id)).toEqual(['q1', 'line-3']);
    expect(() => parseJudgments('{"query":"x","judgments":[{"offer":"a","grade":4}]}')).toThrow(/grade/);
    expect(() => parseJudgments('{"id":"q","query":"x","judgments":[]}\n{"id":"q","query":"y","judgments":[]}')).toThrow(/twice/);
    expect(() => parseJudgments('not json')).toThrow(/:1: not JSON/);
  });

  it('reports means over queries with something to find, the zero-result rate and false friends', () => {
    const queries = parseJudgments(
      [
        '{"id":"q1","query":"boulanger","category":"job","judgments":[{"offer":"a","grade":3},{"offer":"b","grade":1}]}',
        '{"id":"q2","query":"verte","category":"false friend","avoid":["vente"],"judgments":[{"offer":"g","grade":3},{"offer":"v","grade":0}]}',
        '{"id":"q3","query":"rien","category":"job","judgments":[]}',
      ].join('\n'),
    );
    const answers: Record<string, string[]> = { boulanger: ['a', 'b'], verte: ['v', 'g'], rien: [] };
    const texts: Record<string, string> = { v: 'vente', g: 'mobilité verte', a: 'boulanger', b: 'pâtissier' };
    const report = evaluateSearch(queries, (q) => ({ ids: answers[q.query], totalCount: answers[q.query].length }), (id) => texts[id] ?? '');
    expect(report.queries[0].ndcg).toBeCloseTo(1);
    expect(report.queries[1].ndcg).toBeCloseTo(1 / Math.log2(3));
    expect(report.queries[2].ndcg).toBeNull();
    expect(report.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 2);
    expect(report.mrr).toBeCloseTo((1 + 1 / 2) / 2);
    expect(report.zeroResultRate).toBeCloseTo(1 / 3);
    expect(report.falseFriendHits).toBe(1);
    expect(report.queries[1].falseFriends).toEqual([{ offer: 'v', word: 'vente' }]);
    expect(report.byCategory.job).toEqual({ queries: 2, ndcg: 1, zeroResults: 1 });
  });
});
