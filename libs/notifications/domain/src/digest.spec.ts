import { DIGEST_MAX_TITLES, buildDigest } from './digest';

const offer = (i: number, org = 'Atelier') => ({ id: `o${i}`, title: `Offre ${i}`, organizationName: org });

describe('saved-search digest', () => {
  it('is null when no search found anything new', () => {
    expect(buildDigest([])).toBeNull();
    expect(buildDigest([{ name: 'Web', offers: [], moreCount: 0 }])).toBeNull();
  });

  it('names the one search that found offers and lists them', () => {
    const digest = buildDigest([
      { name: 'Web Lyon', offers: [offer(1), offer(2)], moreCount: 0 },
      { name: 'Cuisine', offers: [], moreCount: 0 },
    ]);
    expect(digest).toEqual({
      title: '2 new offers for your saved search “Web Lyon”',
      body: 'New on the job board:\n- Offre 1 (Atelier)\n- Offre 2 (Atelier)',
      count: 2,
    });
  });

  it('counts an offer found by two searches once, lists at most ten titles and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => offer(i));
    const digest = buildDigest([
      { name: 'A', offers: many.slice(0, 8), moreCount: 0 },
      { name: 'B', offers: many.slice(6), moreCount: 3 },
    ])!;
    expect(digest.count).toBe(15);
    expect(digest.title).toBe('15 new offers for your saved searches');
    const lines = digest.body.split('\n');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(DIGEST_MAX_TITLES);
    expect(lines[1]).toBe('- Offre 0 (Atelier), for “A”');
    expect(lines[9]).toBe('- Offre 8 (Atelier), for “B”');
    expect(lines[lines.length - 1]).toBe('…and 5 more offers: run your saved searches to see them all.');
  });

  it('speaks of one offer in the singular', () => {
    expect(buildDigest([{ name: 'Web', offers: [offer(1)], moreCount: 0 }])!.title).toBe('1 new offer for your saved search “Web”');
  });
});
