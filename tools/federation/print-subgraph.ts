import 'reflect-metadata';
import { ApiSurface } from '@alternance/api';
import { generateSubgraphSdl } from '../../apps/api/src/schema';
import { JOB_BOARD } from '../../apps/job-board/src/job-board.surface';
import { MATCHER } from '../../apps/matcher/src/matcher.surface';
import { TALENT_MARKETPLACE } from '../../apps/talent-marketplace/src/talent-marketplace.surface';

/** `node dist/tools/federation/print-subgraph.js <name>`: the subgraph's SDL on stdout. */
const SURFACES: Record<string, ApiSurface> = { [JOB_BOARD.name]: JOB_BOARD, [TALENT_MARKETPLACE.name]: TALENT_MARKETPLACE, [MATCHER.name]: MATCHER };

const surface = SURFACES[process.argv[2] ?? ''];
if (!surface) {
  console.error(`usage: print-subgraph <${Object.keys(SURFACES).join('|')}>`);
  process.exit(2);
}
generateSubgraphSdl(surface).then(
  (sdl) => process.stdout.write(sdl),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
