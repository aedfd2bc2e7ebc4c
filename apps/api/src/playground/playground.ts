import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXAMPLE_OPERATIONS } from './example-operations';

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Files GraphiQL needs, served from the installed packages: the playground works offline. */
function assets(): Record<string, string> {
  return {
    'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  };
}

export const PLAYGROUND_ASSET_PATH = '/playground/assets';

function html(): string {
  const tabs = JSON.stringify(EXAMPLE_OPERATIONS).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Alternance GraphQL playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PLAYGROUND_ASSET_PATH}/graphiql.min.css">
<style>html,body,#playground{height:100%;margin:0;}</style>
</head>
<body>
<div id="playground">Loading the playground…</div>
<script src="${PLAYGROUND_ASSET_PATH}/react.production.min.js"></script>
<script src="${PLAYGROUND_ASSET_PATH}/react-dom.production.min.js"></script>
<script src="${PLAYGROUND_ASSET_PATH}/graphiql.min.js"></script>
<script type="application/json" id="example-operations">${tabs}</script>
<script src="${PLAYGROUND_ASSET_PATH}/playground.js"></script>
</body>
</html>`;
}

/** Runs in the browser: kept as a separate file so a strict Content-Security-Policy can allow it. */
const SCRIPT = `(function () {
  var tabs = JSON.parse(document.getElementById('example-operations').textContent);
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('playground'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: tabs,
    defaultHeaders: JSON.stringify({ Authorization: 'Bearer <paste the accessToken from logIn>' }, null, 2),
    headerEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: true
  }));
})();`;

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

/**
 * GET /graphql from a browser opens GraphiQL; every other request goes on to the GraphQL
 * server (POST, and GET with a query string). The page, its start-up script and GraphiQL's
 * files are read once and served from memory, with an ETag; the installed packages' files are
 * kept a day in the browser's cache, the page and script are revalidated each time.
 */
export function mountPlayground(app: FastifyInstance): void {
  const page = asset(html(), 'text/html; charset=utf-8', 'no-cache');
  const files = new Map<string, Asset>([[`${PLAYGROUND_ASSET_PATH}/playground.js`, asset(SCRIPT, 'application/javascript; charset=utf-8', 'no-cache')]]);
  for (const [name, file] of Object.entries(assets())) {
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'application/javascript; charset=utf-8';
    files.set(`${PLAYGROUND_ASSET_PATH}/${name}`, asset(readFileSync(path.resolve(file)), type, 'public, max-age=86400'));
  }
  for (const [url, file] of files) app.get(url, (request, reply) => sendAsset(request, reply, file));
  // The GraphQL server owns the /graphql route (GET included): a browser's visit is answered before it.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || !prefersHtml(request.headers.accept)) return done();
    const url = request.raw.url ?? '';
    if (url !== '/graphql' && !url.startsWith('/graphql?')) return done();
    if (new URLSearchParams(url.slice('/graphql'.length)).has('query')) return done();
    sendAsset(request, reply, page);
  });
}
