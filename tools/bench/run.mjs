// `npm run bench -- <name>`: builds, then runs one benchmark (search, search-engine, match, load, gateway, web, suggest, mission, import).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const [name, ...rest] = process.argv.slice(2);
const available = { search: 'search.js', 'search-engine': 'search-engine.js', match: 'match.js', load: 'load.js', gateway: 'gateway.js', web: 'web.js', suggest: 'suggest.js', mission: 'mission.js', import: 'import.js' };
if (!name || !available[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(available).join('|')}>`);
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'inherit' });
const script = path.join(root, 'dist/tools/bench', available[name]);
if (!existsSync(script)) throw new Error(`missing ${script}`);
execFileSync(process.execPath, ['--expose-gc', script, ...rest], { stdio: 'inherit', cwd: root });
