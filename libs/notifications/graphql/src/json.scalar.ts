import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      throw new GraphQLError('JSON values cannot hold variables inside literals.');
  }
}

/** Any JSON value; dates become ISO 8601 strings. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null); dates are ISO 8601 strings.',
  serialize: (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value))),
  parseValue: (value) => value,
  parseLiteral: literal,
});
