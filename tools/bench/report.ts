import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export function printTable(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}\n${'-'.repeat(width + 30)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

/** Writes bench-results/<name>.json (not committed: figures are quoted in docs/benchmarks.md). */
export function writeResults(name: string, results: unknown): string {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  return file;
}
