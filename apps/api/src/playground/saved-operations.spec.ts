import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OperationDefinitionNode, buildSchema, parse, validate } from 'graphql';
import { SAVED_OPERATIONS } from './saved-operations';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../schema.gql'), 'utf8'));

describe('the playground’s saved operations', () => {
  it.each(SAVED_OPERATIONS.map((op) => [op.name, op] as const))('%s is valid against schema.gql', (_name, op) => {
    const document = parse(op.query);
    expect(validate(schema, document)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(operations.map((d) => d.name?.value)).toEqual([op.name]);
  });

  it('have variables that are JSON objects naming only declared variables', () => {
    for (const op of SAVED_OPERATIONS) {
      const declared = new Set(
        parse(op.query)
          .definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []) : []))
          .map((v) => v.variable.name.value),
      );
      const variables = JSON.parse(op.variables ?? '{}') as Record<string, unknown>;
      for (const name of Object.keys(variables)) expect({ op: op.name, name, declared: declared.has(name) }).toEqual({ op: op.name, name, declared: true });
    }
  });

  it('cover a recruiter’s daily tasks with distinct names', () => {
    const names = SAVED_OPERATIONS.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['OrganizationOffers', 'OrganizationApplications', 'BestCandidatesForOffer', 'MoveApplication']));
  });
});
