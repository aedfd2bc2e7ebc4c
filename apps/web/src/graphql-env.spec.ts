import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('the web app’s operation types', () => {
  it('are generated from the committed schema.gql (npm run schema regenerates both)', () => {
    const root = path.resolve(__dirname, '../../..');
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'gql-tada-')), 'graphql-env.d.ts');
    execFileSync(process.execPath, [path.join(root, 'node_modules/gql.tada/bin/cli.js'), 'generate', 'output', '--tsconfig', 'apps/web/tsconfig.json', '--output', out], { cwd: root, stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(__dirname, 'graphql-env.d.ts'), 'utf8'));
  }, 60_000);
});
