import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/**
 * Once per run of the database-backed projects: build the code, then prepare the engine
 * named by TEST_DB (see tools/run-db-tests.mjs). Runs outside Jest's module registry, so it
 * calls the built CLI rather than importing sources through path aliases.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const engine = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
  const target =
    engine === 'postgresql'
      ? process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
      : path.join(os.tmpdir(), `alternance-test-template-${process.pid}.sqlite`);
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'inherit', cwd: root });
  // The web app's browser tests serve its production build (redone only when its sources changed).
  execFileSync(process.execPath, [path.join(root, 'tools/start.mjs'), '--build-only'], { stdio: 'inherit', cwd: root });
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'dist/apps/api/src/cli/prepare-test-db.js'), engine, target], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test' },
  });
  console.log(`\n${engine} test database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env.TEST_DB = engine;
  process.env.TEST_DB_TEMPLATE = target;
}
