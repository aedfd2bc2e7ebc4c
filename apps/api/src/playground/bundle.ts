import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export interface BundledFile {
  name: string;
  body: Buffer;
}

/** The browser entry: TypeScript next to this file (sources, tests), or its compiled copy (dist). */
function clientEntry(): string {
  for (const ext of ['.ts', '.js']) {
    const file = path.join(__dirname, 'client', `main${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`The playground's browser code is missing next to ${__dirname}`);
}

const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

/**
 * Bundles the playground from the installed packages with esbuild, in memory: GraphiQL 5,
 * React and our panel (playground.js, an ES module, with the editor's styles that Monaco
 * imports in playground.css and its icon font codicon-*.ttf), GraphiQL's styles (graphiql.css),
 * and Monaco's three web workers as classic scripts (the editor, JSON for variables and
 * headers, GraphQL). Nothing comes from a CDN: the page works offline.
 */
export async function bundlePlayground(publicPath: string): Promise<BundledFile[]> {
  const packages = path.dirname(require.resolve('graphiql/package.json'));
  const common = {
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    target: 'es2022',
    outdir: '/playground',
    assetNames: '[name]-[hash]',
    loader: { '.ttf': 'file' },
    publicPath,
  } as const;
  const [app, styles, ...workers] = await Promise.all([
    build({
      ...common,
      entryPoints: { playground: clientEntry() },
      format: 'esm',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
    build({
      ...common,
      stdin: { contents: '@import "graphiql/style.css";', loader: 'css', resolveDir: packages, sourcefile: 'graphiql.css' },
      entryNames: 'graphiql',
    }),
    ...Object.entries(WORKERS).map(([name, file]) =>
      build({ ...common, stdin: { contents: `import ${JSON.stringify(file)};`, resolveDir: packages, sourcefile: `${name}.js` }, entryNames: name, format: 'iife' }),
    ),
  ]);
  const files = [app, styles, ...workers].flatMap((result) => result.outputFiles);
  return files.map((file) => ({ name: path.basename(file.path), body: Buffer.from(file.contents) }));
}
