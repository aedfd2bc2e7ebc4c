/** The same page in the other language: `/offres?q=x` ⇄ `/en/offres?q=x`. */
export function otherLanguagePath(path: string): string {
  if (path === '/en') return '/';
  if (path.startsWith('/en/') || path.startsWith('/en?')) return path.slice(3).replace(/^\?/, '/?') || '/';
  return path === '/' ? '/en' : `/en${path}`;
}
