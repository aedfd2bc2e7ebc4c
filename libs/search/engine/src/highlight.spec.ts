import { highlight } from './highlight';
import { Tokenizer } from './tokenizer';

/** The reverse of the escaping a snippet must carry, written independently of it. */
function plainText(snippet: string): string {
  return snippet
    .replace(/<\/?em>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

/** Safe to put in innerHTML: no tag but <em>/</em>, balanced and unnested, and no bare &, quote or angle bracket. */
function expectSafe(snippet: string): void {
  const tags = snippet.match(/<[^>]*>?/g) ?? [];
  expect(tags.filter((t) => t !== '<em>' && t !== '</em>')).toEqual([]);
  expect(tags.join('')).toMatch(/^(<em><\/em>)*$/);
  const text = snippet.replace(/<\/?em>/g, '');
  expect(text).not.toMatch(/[<>"']|&(?!(lt|gt|quot|#39|amp);)/);
}

describe('highlight', () => {
  const tokenizer = new Tokenizer(['en']);

  it('escapes the stored text and adds no markup but <em> around matches', () => {
    const text = 'Boulanger <img src=x onerror=alert(1)>';
    const snippet = highlight(text, tokenizer, new Set(['boulanger']))!;
    expect(snippet).toBe('<em>Boulanger</em> &lt;img src=x onerror=alert(1)&gt;');
    expectSafe(snippet);
    expect(plainText(snippet)).toBe(text);
  });

  it('escapes matched words inside hostile markup, quotes and ampersands', () => {
    const text = `<script>alert("x")</script> & 'boulanger' "chef"`;
    const snippet = highlight(text, tokenizer, new Set(['script', 'boulanger']))!;
    expect(snippet).toBe('&lt;<em>script</em>&gt;alert(&quot;x&quot;)&lt;/<em>script</em>&gt; &amp; &#39;<em>boulanger</em>&#39; &quot;chef&quot;');
    expectSafe(snippet);
    expect(plainText(snippet)).toBe(text);
  });

  it('escapes a literal <em> and entities already in the text, so they cannot pass for markup', () => {
    const text = '<em>Pain</em> &amp; &lt;b&gt; maison';
    const snippet = highlight(text, tokenizer, new Set(['pain', 'em']))!;
    expect(snippet).toBe('&lt;<em>em</em>&gt;<em>Pain</em>&lt;/<em>em</em>&gt; &amp;amp; &amp;lt;b&amp;gt; maison');
    expectSafe(snippet);
    expect(plainText(snippet)).toBe(text);
  });

  it('keeps every hostile text recoverable and safe whatever matched', () => {
    const texts = [
      `"><svg onload=alert(1)> boulanger`,
      `boulanger</em><img src=x onerror=alert(1)><em>`,
      `Pâtissier & "boulanger" d'<b>art</b> 'œuvre'`,
      `&#60;script&#62; boulanger&nbsp;&`,
    ];
    for (const text of texts) {
      for (const matched of [['boulanger'], ['boulanger', 'em', 'img', 'script', 'art'], ['patissier', 'oeuvre', 'svg']]) {
        const snippet = highlight(text, tokenizer, new Set(matched));
        if (snippet === undefined) continue;
        expectSafe(snippet);
        expect(plainText(snippet)).toBe(text);
      }
    }
    expect(highlight(texts[0], tokenizer, new Set(['boulanger']))).toBe('&quot;&gt;&lt;svg onload=alert(1)&gt; <em>boulanger</em>');
  });

  it('returns nothing when no word matched', () => {
    expect(highlight('<b>Pain</b>', tokenizer, new Set(['boulanger']))).toBeUndefined();
  });
});
