import { offerHtmlToText } from './offer-text';

describe('offerHtmlToText', () => {
  it('keeps paragraphs and list items, and decodes entities once', () => {
    expect(offerHtmlToText('<p>Vos missions&nbsp;:</p><ul><li>Accueil</li><li>Caisse &amp; r&eacute;assort</li></ul><p>Salaire&nbsp;: &lt;SMIC&gt;<br/>Horaires</p>')).toBe(
      'Vos missions :\n\n• Accueil\n• Caisse & réassort\n\nSalaire : <SMIC>\nHoraires',
    );
  });
  it('reads decoded entities as text, never as markup', () => {
    expect(offerHtmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(offerHtmlToText('<p>a</p>\n\n\n<p>b</p>')).toBe('a\n\nb');
    expect(offerHtmlToText('&#233;t&#xE9; &unknown;')).toBe('été &unknown;');
  });
});
