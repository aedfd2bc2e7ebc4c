// Runs the database-backed Jest projects (integration, e2e) once per engine: SQLite always,
// PostgreSQL when reachable. With CI=true an unreachable PostgreSQL fails the run instead
// of being skipped.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const extra = process.argv.slice(2);

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port), timeout: 2000 });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

// The playground's browser test, the pages' accessibility checks and the supergraph check do not
// depend on the database engine: they run with SQLite only.
const SQLITE_ONLY = ['--testPathIgnorePatterns', 'e2e/playground/', 'e2e/federation/supergraph', 'e2e/web/accessibility'];

function run(engine) {
  console.log(`\n=== integration and e2e tests on ${engine} ===`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '-c', 'jest.config.js', '--selectProjects', 'integration', 'e2e', '--runInBand', ...(engine === 'sqlite' ? [] : SQLITE_ONLY), ...extra],
    { stdio: 'inherit', env: { ...process.env, TEST_DB: engine, TZ: 'UTC' } },
  );
  return result.status ?? 1;
}

let status = run('sqlite');
if (await reachable(url.hostname, url.port || 5432)) {
  status ||= run('postgresql');
} else if (process.env.CI === 'true') {
  console.error(`PostgreSQL is not reachable at ${url.host}: CI=true requires the PostgreSQL tests to run.`);
  status ||= 1;
} else {
  console.warn(`\nPostgreSQL is not reachable at ${url.host}: PostgreSQL tests SKIPPED (set TEST_DATABASE_URL, or CI=true to make this fail).`);
}
process.exit(status);
