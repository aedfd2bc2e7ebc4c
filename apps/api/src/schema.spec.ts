import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchema } from './schema';

describe('schema.gql', () => {
  it('matches the schema the code generates (run `npm run schema` after changing the API)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../../schema.gql'), 'utf8');
    expect(await generateSchema()).toBe(committed);
  });
});

describe('schema documentation', () => {
  it('describes every type, field, argument and enum value (the playground is the recruiters’ manual)', async () => {
    const { buildSchema, isEnumType, isInputObjectType, isObjectType } = await import('graphql');
    const schema = buildSchema(await generateSchema());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && type.getValues().length > 0 && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
