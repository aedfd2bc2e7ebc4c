/**
 * Search snippets are HTML-escaped text in which `<em>` marks the matches. They are turned into
 * plain strings here and rendered as text, so whatever an offer's author typed can never become
 * markup in the page, even if an API answered unescaped text.
 */
export interface Segment {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"' };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27|#34);/g, (_, name: string) => ENTITIES[name] ?? '');
}

export function snippetSegments(snippet: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  for (const part of snippet.split(/(<\/?em>)/)) {
    if (part === '<em>') match = true;
    else if (part === '</em>') match = false;
    else if (part) segments.push({ text: decodeEntities(part), match });
  }
  return segments;
}
