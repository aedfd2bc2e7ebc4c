import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompositionError, ROOT, SUPERGRAPH_FILE, committedSupergraph, composeSupergraph } from './supergraph';

/**
 * `npm run supergraph`: composes the subgraphs into apps/gateway/supergraph.graphql.
 * `npm run supergraph -- --check`: fails when the committed file is not what the code composes.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { supergraphSdl, hints } = await composeSupergraph();
  for (const hint of hints) console.log(`hint ${hint}`);
  const file = path.relative(ROOT, SUPERGRAPH_FILE);
  if (check) {
    if (committedSupergraph() !== supergraphSdl) {
      console.error(`${file} is not what the subgraphs compose: run \`npm run supergraph\` and commit it.`);
      process.exit(1);
    }
    console.log(`${file} is up to date`);
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
});
