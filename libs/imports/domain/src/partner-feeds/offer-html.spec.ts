import { joinOfferHtml, MAX_DESCRIPTION_INPUT_CHARS, sanitizeOfferHtml } from './offer-html';

describe('sanitizeOfferHtml', () => {
  it('keeps the allowed markup and maps b/i to strong/em', () => {
    expect(sanitizeOfferHtml('<p>Hello <b>world</b>, <i>you</i> <strong>and</strong> <em>me</em></p><ul><li>one</li></ul><ol><li>two</li></ol>')).toBe(
      '<p>Hello <strong>world</strong>, <em>you</em> <strong>and</strong> <em>me</em></p><ul><li>one</li></ul><ol><li>two</li></ol>',
    );
  });

  it('removes scripts, styles, iframes and the like with their content', () => {
    expect(sanitizeOfferHtml('<p>a</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://x.fr">inner</iframe><noscript>n</noscript><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(sanitizeOfferHtml('<svg><script>alert(1)</script><text>t</text></svg>ok')).toBe('<p>ok</p>');
    expect(sanitizeOfferHtml('<SCRIPT>alert(1)</SCRIPT>ok')).toBe('<p>ok</p>');
  });

  it('drops every attribute: event handlers, styles, classes', () => {
    expect(sanitizeOfferHtml('<p onclick="steal()" style="x" class="y">t</p><img src=x onerror=alert(1)><b onmouseover="z">b</b>')).toBe('<p>t</p><p><strong>b</strong></p>');
  });

  it('keeps http(s) and mailto links with rel, reduces any other link to its text', () => {
    expect(sanitizeOfferHtml('<p><a href="https://ex.fr/a?b=1&amp;c=2" target="_blank" onclick="x">site</a></p>')).toBe(
      '<p><a href="https://ex.fr/a?b=1&amp;c=2" rel="nofollow noopener">site</a></p>',
    );
    expect(sanitizeOfferHtml('<a href="mailto:rh@ex.fr">écrire</a>')).toBe('<p><a href="mailto:rh@ex.fr" rel="nofollow noopener">écrire</a></p>');
    expect(sanitizeOfferHtml('<a href="javascript:alert(1)">x</a> <a href=" jav&#x09;ascript:alert(1)">y</a> <a href="data:text/html,hi">z</a> <a href="/offre/1">rel</a>')).toBe('<p>x y z rel</p>');
    expect(sanitizeOfferHtml('<a href="https://a.fr" >x"><script>alert(1)</script></a>')).not.toContain('<script');
  });

  it('decodes entities and escapes text again', () => {
    expect(sanitizeOfferHtml('<p>R&amp;D &eacute;t&eacute; &lt;script&gt;alert(1)&lt;/script&gt; &#8364; 3 &gt; 2</p>')).toBe('<p>R&amp;D été &lt;script&gt;alert(1)&lt;/script&gt; € 3 &gt; 2</p>');
  });

  it('closes unclosed and mis-nested tags', () => {
    expect(sanitizeOfferHtml('<p>Unclosed <b>bold <i>both')).toBe('<p>Unclosed <strong>bold <em>both</em></strong></p>');
    expect(sanitizeOfferHtml('<b><i>x</b></i>y')).toBe('<p><strong><em>x</em></strong>y</p>');
    expect(sanitizeOfferHtml('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(sanitizeOfferHtml('<li>stray</li>after')).toBe('<ul><li>stray</li></ul><p>after</p>');
    expect(sanitizeOfferHtml('</p></div>text</b>')).toBe('<p>text</p>');
  });

  it('unwraps CDATA-wrapped HTML as XML feeds carry it', () => {
    expect(sanitizeOfferHtml('<![CDATA[<p>In <b>CDATA</b> &eacute;t&eacute;</p>]]>')).toBe('<p>In <strong>CDATA</strong> été</p>');
    expect(sanitizeOfferHtml('<![CDATA[<script>alert(1)</script>safe]]>')).toBe('<p>safe</p>');
  });

  it('drops comments, empty paragraphs and line breaks at the edges of blocks', () => {
    expect(sanitizeOfferHtml('<!-- secret --><p><br> </p><p>&nbsp;</p><p><br>a<br><br><br>b<br></p><p></p>')).toBe('<p>a<br>b</p>');
  });

  it('turns headings into bold paragraphs and other blocks into paragraphs', () => {
    expect(sanitizeOfferHtml('<h3>Missions</h3><div>one <span style="x">two</span></div><table><tr><td>c1</td><td>c2</td></tr></table>')).toBe(
      '<p><strong>Missions</strong></p><p>one two</p><p>c1</p><p>c2</p>',
    );
  });

  it('turns plain text with newlines into paragraphs, line breaks and lists', () => {
    expect(sanitizeOfferHtml('Missions :\r\n- trier\n- ranger\n\nProfil & qualités\nsérieux <3')).toBe(
      '<p>Missions :</p><ul><li>trier</li><li>ranger</li></ul><p>Profil &amp; qualités<br>sérieux &lt;3</p>',
    );
    expect(sanitizeOfferHtml('\t* il effectue\n\t* il assure')).toBe('<ul><li>il effectue</li><li>il assure</li></ul>');
    expect(sanitizeOfferHtml('')).toBe('');
    expect(sanitizeOfferHtml(null)).toBe('');
  });

  it('stays fast and bounded on hostile nesting and size', () => {
    let started = Date.now();
    const html = `${'<ul><li><span><b>'.repeat(3000)}deep${'</i></em></div>'.repeat(3000)}<p>after</p>`;
    expect(html.length).toBeLessThan(MAX_DESCRIPTION_INPUT_CHARS);
    const out = sanitizeOfferHtml(html);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out).toContain('deep');
    expect(out).toContain('after');
    expect(out.match(/<ul>/g)!.length).toBeLessThan(30);

    started = Date.now();
    const long = sanitizeOfferHtml(`<p>${'mot '.repeat(300_000)}</p>${'<ul><li>'.repeat(50_000)}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(long.length).toBeLessThanOrEqual(MAX_DESCRIPTION_INPUT_CHARS + 100);
  });

  it('joins several parts, leaving out empty ones', () => {
    expect(joinOfferHtml(['<p>a</p>', null, '  ', 'b'])).toBe('<p>a</p><p>b</p>');
  });
});
