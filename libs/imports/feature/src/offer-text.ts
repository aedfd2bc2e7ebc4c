/**
 * An offer's description as the product stores every description: text with paragraphs
 * (blank lines) and list items ("• "), from the safe markup readers produce. Tags are
 * dropped and entities decoded, so nothing in it is ever read as markup.
 */
export function offerHtmlToText(html: string): string {
  const text = html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*li[^>]*>/gi, '\n• ')
    .replace(/<\/\s*(p|ul|ol|h[1-6]|div)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => decodeEntity(name) ?? entity);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç',
  icirc: 'î', ocirc: 'ô', ucirc: 'û', ugrave: 'ù', euml: 'ë', iuml: 'ï', oelig: 'œ', euro: '€', rsquo: '’', lsquo: '‘', laquo: '«', raquo: '»',
  hellip: '…', ndash: '–', mdash: '—', bull: '•',
};

function decodeEntity(name: string): string | undefined {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED[name] ?? NAMED[name.toLowerCase()];
}
