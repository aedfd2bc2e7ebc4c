import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BundledFile, bundlePlayground } from './bundle';
import { SAVED_OPERATIONS } from './saved-operations';
import { PLAYGROUND_CSS } from './theme';

export const PLAYGROUND_ASSET_PATH = '/playground/assets';

function html(): string {
  const saved = JSON.stringify(SAVED_OPERATIONS).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en" data-assets="${PLAYGROUND_ASSET_PATH}">
<head>
<meta charset="utf-8">
<title>Alternance GraphQL playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PLAYGROUND_ASSET_PATH}/graphiql.css">
<link rel="stylesheet" href="${PLAYGROUND_ASSET_PATH}/playground.css">
<link rel="stylesheet" href="${PLAYGROUND_ASSET_PATH}/theme.css">
</head>
<body>
<div id="playground">Loading the playground…</div>
<script type="application/json" id="saved-operations">${saved}</script>
<script type="module" src="${PLAYGROUND_ASSET_PATH}/playground.js"></script>
</body>
</html>`;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range, ...params] = part.trim().split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/** How much the client wants `type/subtype`: the most specific range that covers it decides. */
function preference(ranges: MediaRange[], type: string, subtype: string): { q: number; specificity: number; order: number } {
  let best = { q: 0, specificity: -1, order: Infinity };
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity > best.specificity) best = { q: r.q, specificity, order: r.order };
  }
  return best;
}

/**
 * Whether a client asking with this Accept header would rather have the HTML page than JSON:
 * the higher quality wins; on a tie the more specific range, then the one the client listed
 * first; on a full tie (no header, `*\/*`) JSON, the API's own answer.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = mediaRanges(accept);
  const html = preference(ranges, 'text', 'html');
  const json = preference(ranges, 'application', 'json');
  if (html.q <= 0) return false;
  if (html.q !== json.q) return html.q > json.q;
  if (html.specificity !== json.specificity) return html.specificity > json.specificity;
  return html.order < json.order;
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

function asset(body: Buffer | string, type: string, cacheControl: string): Asset {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { body: bytes, type, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`, cacheControl };
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, file: Asset): FastifyReply {
  reply.header('cache-control', file.cacheControl).header('etag', file.etag);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.type(file.type).send(file.body);
}

function contentType(name: string): string {
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  if (name.endsWith('.js')) return 'application/javascript; charset=utf-8';
  if (name.endsWith('.ttf')) return 'font/ttf';
  return 'application/octet-stream';
}

/**
 * GET /graphql from a browser opens GraphiQL; every other request goes on to the GraphQL
 * server (POST, and GET with a query string). The page and its stylesheet are made once; the
 * scripts (GraphiQL 5 with React, Monaco and its workers, the sign-in panel) are bundled from
 * the installed packages by esbuild on the first request for one of them (a second or two),
 * then served from memory. Everything has an ETag; the page and stylesheet are revalidated each
 * time, the bundle is kept a day in the browser's cache.
 */
export function mountPlayground(app: FastifyInstance): void {
  const page = asset(html(), 'text/html; charset=utf-8', 'no-cache');
  const stylesheet = asset(PLAYGROUND_CSS, 'text/css; charset=utf-8', 'no-cache');
  let bundle: Promise<Map<string, Asset>> | undefined;
  const bundled = () => {
    bundle ??= bundlePlayground(`${PLAYGROUND_ASSET_PATH}/`).then(
      (files: BundledFile[]) => new Map(files.map((file) => [file.name, asset(file.body, contentType(file.name), 'public, max-age=86400')])),
      (error: unknown) => {
        bundle = undefined;
        throw error;
      },
    );
    return bundle;
  };
  app.get(`${PLAYGROUND_ASSET_PATH}/theme.css`, (request, reply) => sendAsset(request, reply, stylesheet));
  app.get<{ Params: { name: string } }>(`${PLAYGROUND_ASSET_PATH}/:name`, async (request, reply) => {
    const file = (await bundled()).get(request.params.name);
    if (!file) return reply.callNotFound();
    return sendAsset(request, reply, file);
  });
  // The GraphQL server owns the /graphql route (GET included): a browser's visit is answered before it.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || !prefersHtml(request.headers.accept)) return done();
    const url = request.raw.url ?? '';
    if (url !== '/graphql' && !url.startsWith('/graphql?')) return done();
    if (new URLSearchParams(url.slice('/graphql'.length)).has('query')) return done();
    sendAsset(request, reply, page);
  });
}
