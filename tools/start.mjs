// `npm start`: the whole product on one port. `--build-only` builds the web app when its sources
// changed since the last build (`--force-build` always) and exits. The web app (Next.js, production build) listens on
// PORT (3000) and passes /graphql, the playground's files and /health/* on to the API, which
// this starts beside it on 127.0.0.1:API_PORT (3100). Both stop together.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const apiPort = process.env.API_PORT ?? '3100';
const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;

function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.next')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The web build is redone only when its sources (or the schema its operations are typed from) changed. */
function webBuildIsStale() {
  const buildId = path.join(web, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return newestChange(web) > built || statSync(path.join(root, 'schema.gql')).mtimeMs > built;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const quiet = { NEXT_TELEMETRY_DISABLED: '1' };

if (process.argv.includes('--force-build') || webBuildIsStale()) {
  console.log('Building the web app (apps/web)…');
  await run(process.execPath, [nextBin, 'build', 'apps/web'], { ...quiet, NODE_ENV: 'production' });
}
if (process.argv.includes('--build-only')) process.exit(0);

const children = [];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() => process.exit(code));
}

function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stopAll(code || 1);
    }
  });
  children.push(child);
}

// The API trusts X-Forwarded-For from loopback only: the web server passes the visitor's address,
// so rate limits count people rather than the web server.
start('API', ['dist/apps/api/src/main.js'], { HOST: '127.0.0.1', PORT: apiPort, TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback' });
start('Web', [nextBin, 'start', 'apps/web', '--hostname', host, '--port', port], { ...quiet, API_URL: process.env.API_URL ?? apiUrl, NODE_ENV: 'production' });
console.log(`Alternance: http://${host}:${port}/ (job board) and http://${host}:${port}/graphql (API and playground)`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
