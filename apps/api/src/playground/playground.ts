import path from 'node:path';
import type { Request, Response, NextFunction, Express } from 'express';
import express from 'express';
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

function page(): string {
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

/**
 * GET /graphql from a browser opens GraphiQL; every other request goes on to the GraphQL
 * server (POST, and GET with a query string).
 */
export function mountPlayground(app: Express): void {
  const html = page();
  app.get(`${PLAYGROUND_ASSET_PATH}/playground.js`, (_req: Request, res: Response) => {
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(SCRIPT);
  });
  for (const [name, file] of Object.entries(assets())) {
    app.use(`${PLAYGROUND_ASSET_PATH}/${name}`, express.static(path.resolve(file), { maxAge: '1d', index: false }));
  }
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsHtml || req.query.query !== undefined) return next();
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  });
}
