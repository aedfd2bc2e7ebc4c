// Compiles apps/, libs/ and tools/ TypeScript to dist/ with SWC (path aliases rewritten,
// decorator metadata kept). Type checking is `npm run typecheck`; this stays fast.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const out = path.join(root, 'dist');
const skip = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // apps/web is a Next.js app with its own build (`next build`, see tools/start.mjs).
      if (entry.name !== 'node_modules' && full !== path.join(root, 'apps/web')) yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) {
      yield full;
    }
  }
}

await rm(out, { recursive: true, force: true });
const options = swcOptions();
let count = 0;
const jobs = [];
for (const top of ['apps', 'libs', 'tools']) {
  for await (const file of sources(path.join(root, top))) {
    jobs.push(
      (async () => {
        const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
        const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, map ? `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n` : code);
        if (map) await writeFile(`${target}.map`, map);
        count++;
      })(),
    );
  }
}
await Promise.all(jobs);
console.log(`built ${count} files into dist/`);
