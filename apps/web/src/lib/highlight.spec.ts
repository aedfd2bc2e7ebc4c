import { decodeEntities, snippetSegments } from './highlight';

describe('search snippets', () => {
  it('splits a snippet into text and matches, decoding the escaped text', () => {
    expect(snippetSegments('Boulanger &lt;img src=x onerror=alert(1)&gt; d&#39;<em>équipe</em> &amp; co')).toEqual([
      { text: "Boulanger <img src=x onerror=alert(1)> d'", match: false },
      { text: 'équipe', match: true },
      { text: ' & co', match: false },
    ]);
  });

  it('never turns text into markup: tags other than <em> stay text', () => {
    const segments = snippetSegments('<img src=x onerror=alert(1)><em>pain</em><script>x()</script>');
    expect(segments.map((s) => s.text)).toEqual(['<img src=x onerror=alert(1)>', 'pain', '<script>x()</script>']);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['pain']);
  });

  it('decodes only the entities the API writes', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&#39;&#x27;&eacute;')).toBe(`<>&"''&eacute;`);
  });
});
