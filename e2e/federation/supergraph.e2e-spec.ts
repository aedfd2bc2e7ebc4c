import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { committedSupergraph, composeSupergraph } from '../../tools/federation/supergraph';

/**
 * The committed supergraph (apps/gateway/supergraph.graphql) is what the subgraphs' code
 * composes now, and the gateway built from it offers exactly the single-process API's schema:
 * a subgraph change that breaks composition, or loses or changes part of the public API,
 * fails here.
 */
jest.setTimeout(120_000);

describe('the supergraph', () => {
  it('is what the subgraphs compose (run `npm run supergraph` after changing one)', async () => {
    const composed = await composeSupergraph();
    expect(composed.supergraphSdl).toBe(committedSupergraph());
    expect(composed.subgraphs.map((s) => s.name)).toEqual(['job-board', 'talent-marketplace', 'matcher']);
  });

  it('gives the gateway the same public schema as the single process', async () => {
    const gateway = new ApolloGateway({ supergraphSdl: committedSupergraph() });
    const { schema } = await gateway.load();
    try {
      const single = readFileSync(path.resolve(__dirname, '../../schema.gql'), 'utf8').replace(/^#.*\n\n/, '');
      expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toBe(single);
    } finally {
      await gateway.stop();
    }
  });
});
