import { ApiError, ApiUnavailableError, call } from '../../../lib/api';
import { SuggestQuery } from '../../../lib/operations/catalogue';

const KINDS = { what: ['JOB_TITLE', 'OCCUPATION'], occupation: ['JOB_TITLE', 'OCCUPATION'], where: ['COMMUNE'] } as const;

/** Suggestions for the search form's fields: a small JSON list, cached briefly by browsers. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const asked = url.searchParams.get('source');
  const source = asked === 'where' || asked === 'occupation' ? asked : 'what';
  if (q.length < 2) return Response.json([]);
  try {
    const { suggest } = await call(SuggestQuery, { prefix: q, kinds: [...KINDS[source]], first: 8 });
    const seen = new Set<string>();
    const options = suggest
      .filter((s) => (seen.has(s.label.toLowerCase()) ? false : (seen.add(s.label.toLowerCase()), true)))
      // A job title reads "Boulanger / Boulangère": the search gets one form, not both (every word searched must match).
      .map((s) => {
        const first = s.label.split(' / ')[0] ?? s.label;
        // An offer's occupation keeps its ROME code, which the offer form reads back.
        if (source === 'occupation') return { label: s.romeCode ? `${s.label} (${s.romeCode})` : s.label, value: s.value, fill: s.romeCode ? `${first} (${s.romeCode})` : first };
        return { label: s.label, value: s.value, fill: s.kind === 'COMMUNE' ? s.label : first };
      });
    return Response.json(options, { headers: { 'cache-control': 'public, max-age=300' } });
  } catch (error) {
    if (error instanceof ApiError) return Response.json([], { status: 400 });
    if (error instanceof ApiUnavailableError) return Response.json([], { status: 503 });
    throw error;
  }
}
