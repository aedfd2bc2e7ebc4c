import { Actor, createOffer, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';

const SEARCH_OFFERS = `query ($input: OfferSearchInput!) {
  searchOffers(input: $input) { edges { highlights { field snippet } node { id title description } } }
}`;
const SEARCH_CANDIDATES = `query ($input: CandidateSearchInput!) {
  searchCandidates(input: $input) { edges { highlights { field snippet } node { id headline } } }
}`;

const HOSTILE = [
  {
    title: 'Boulanger <img src=x onerror=alert(1)>',
    description: `Fournil "bio" & four à bois : <script>alert('boulanger')</script> <em>boulanger</em> confirmé &amp; motivé.`,
  },
  {
    title: `Boulanger "chef" & <script>document.cookie</script>`,
    description: `Pétrin & façonnage <img src=x onerror=alert(1)> pour boulanger'<svg onload=alert(1)>`,
  },
];
const HOSTILE_HEADLINE = `Boulanger <img src=x onerror=alert(1)> & "pâtissier" <script>alert('x')</script>`;

/** The reverse of the escaping snippets must carry, written independently of it. */
function plainText(snippet: string): string {
  return snippet
    .replace(/<\/?em>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

/** What a browser would parse as markup: only balanced, unnested <em>, and no bare &, quote or angle bracket. */
function expectSafe(snippet: string): void {
  const tags = snippet.match(/<[^>]*>?/g) ?? [];
  expect({ snippet, tags: tags.filter((t) => t !== '<em>' && t !== '</em>') }).toEqual({ snippet, tags: [] });
  expect(tags.join('')).toMatch(/^(<em><\/em>)+$/);
  expect(snippet.replace(/<\/?em>/g, '')).not.toMatch(/[<>"']|&(?!(lt|gt|quot|#39|amp);)/);
}

interface Edge {
  highlights: { field: string; snippet: string }[];
  node: Record<string, string>;
}

describe(`search highlights of hostile text (${engine})`, () => {
  let t: TestApp;
  let employer: Actor;
  const offerIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Atelier Numérique');
    for (const offer of HOSTILE) offerIds.push(await createOffer(t, employer, offer));
    const candidate = await signUpCandidate(t);
    await upsertProfile(t, candidate, { headline: HOSTILE_HEADLINE, visibility: 'PUBLIC', location: { country: 'FR', postcode: '69003' } });
  });
  afterAll(() => t.close());

  async function edges(query: string, document: string, field: 'searchOffers' | 'searchCandidates'): Promise<Edge[]> {
    const res = await t.gql(document, { input: { query } }, employer.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data![field].edges;
  }

  it('returns offer snippets as escaped text where only <em> is markup, giving back the stored text', async () => {
    const found = await edges('boulanger', SEARCH_OFFERS, 'searchOffers');
    expect(found.map((e) => e.node.id).sort()).toEqual([...offerIds].sort());
    for (const edge of found) {
      expect(edge.highlights.map((h) => h.field).sort()).toEqual(['description', 'title']);
      for (const { field, snippet } of edge.highlights) {
        expectSafe(snippet);
        expect(plainText(snippet)).toBe(edge.node[field]);
      }
    }
    const first = found.find((e) => e.node.id === offerIds[0])!;
    expect(first.highlights).toContainEqual({ field: 'title', snippet: '<em>Boulanger</em> &lt;img src=x onerror=alert(1)&gt;' });
    expect(first.highlights).toContainEqual({
      field: 'description',
      snippet: 'Fournil &quot;bio&quot; &amp; four à bois : &lt;script&gt;alert(&#39;<em>boulanger</em>&#39;)&lt;/script&gt; &lt;em&gt;<em>boulanger</em>&lt;/em&gt; confirmé &amp;amp; motivé.',
    });
  });

  it('escapes words matched inside hostile markup too', async () => {
    const found = await edges('script', SEARCH_OFFERS, 'searchOffers');
    expect(found.map((e) => e.node.id).sort()).toEqual([...offerIds].sort());
    for (const edge of found) {
      for (const { field, snippet } of edge.highlights) {
        expectSafe(snippet);
        expect(plainText(snippet)).toBe(edge.node[field]);
      }
    }
    const second = found.find((e) => e.node.id === offerIds[1])!;
    expect(second.highlights).toEqual([{ field: 'title', snippet: 'Boulanger &quot;chef&quot; &amp; &lt;<em>script</em>&gt;document.cookie&lt;/<em>script</em>&gt;' }]);
  });

  it('returns candidate snippets as escaped text where only <em> is markup', async () => {
    const found = await edges('boulanger patissier', SEARCH_CANDIDATES, 'searchCandidates');
    expect(found).toHaveLength(1);
    const [{ highlights, node }] = found;
    expect(node.headline).toBe(HOSTILE_HEADLINE);
    expect(highlights).toEqual([
      { field: 'headline', snippet: '<em>Boulanger</em> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;<em>pâtissier</em>&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;' },
    ]);
    expectSafe(highlights[0].snippet);
    expect(plainText(highlights[0].snippet)).toBe(HOSTILE_HEADLINE);
  });
});
