import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layering rules of DESIGN.md are enforced by lint: these imports must be refused, so a
 * wrong dependency fails CI rather than reaching review.
 */
describe('module boundaries', () => {
  const root = path.resolve(__dirname, '../..');
  beforeAll(() => {
    // The boundary rule reads Nx's project graph: make sure it is computed.
    execFileSync(process.execPath, [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  }, 60_000);

  /** Lints source text as if it were `file`, in a child process (ESLint loads its config as ESM). */
  async function boundaryErrors(file: string, code: string): Promise<string[]> {
    let output: string;
    try {
      output = execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
        cwd: root,
        input: code,
        env: { ...process.env, NX_DAEMON: 'false' },
      }).toString();
    } catch (error) {
      output = (error as { stdout: Buffer }).stdout.toString();
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it.each([
    ['a domain lib importing NestJS', 'libs/offers/domain/src/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['a domain lib importing MikroORM', 'libs/candidates/domain/src/probe.ts', "import { Entity } from '@mikro-orm/core';\nexport const x = Entity;\n"],
    ['a domain lib importing a data-access lib', 'libs/offers/domain/src/probe.ts', "import { OfferEntity } from '@alternance/offers/data-access';\nexport const x = OfferEntity;\n"],
    ['a feature importing another feature', 'libs/offers/feature/src/probe.ts', "import { CandidatesModule } from '@alternance/candidates/feature';\nexport const x = CandidatesModule;\n"],
    ['a feature importing the Meilisearch client', 'libs/offers/feature/src/probe.ts', "import { Meilisearch } from 'meilisearch';\nexport const x = Meilisearch;\n"],
    ['the web app importing a domain lib', 'apps/web/src/lib/probe.ts', "import { canMove } from '@alternance/offers/domain';\nexport const x = canMove;\n"],
    ['the web app importing a data-access lib', 'apps/web/src/lib/probe.ts', "import { OfferEntity } from '@alternance/offers/data-access';\nexport const x = OfferEntity;\n"],
    ['the web app importing NestJS', 'apps/web/src/lib/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n"],
    ['organizations depending on offers', 'libs/organizations/data-access/src/probe.ts', "import { OfferEntity } from '@alternance/offers/data-access';\nexport const x = OfferEntity;\n"],
  ])('refuses %s', async (_, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it('allows the Meilisearch adapter, and only it, to use the client', async () => {
    expect(await boundaryErrors('libs/search/meilisearch/src/probe.ts', "import { Meilisearch } from 'meilisearch';\nexport const x = Meilisearch;\n")).toEqual([]);
  });

  it('allows the layers to point the right way', async () => {
    const code = "import { OfferEntity } from '@alternance/offers/data-access';\nimport { canMove } from '@alternance/offers/domain';\nexport const x = [OfferEntity, canMove];\n";
    expect(await boundaryErrors('libs/offers/feature/src/probe.ts', code)).toEqual([]);
  });
});
