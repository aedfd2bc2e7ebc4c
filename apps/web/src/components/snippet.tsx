import { snippetSegments } from '../lib/highlight';

/** A search snippet with its matches marked, rendered as text only. */
export function Snippet({ html }: { html: string }) {
  return (
    <>
      {snippetSegments(html).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
