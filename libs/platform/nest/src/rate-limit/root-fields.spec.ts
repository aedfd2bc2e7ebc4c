import { FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { RateLimitConfig } from '../config/app-config';
import { chargesFor } from './rate-limit.plugin';
import { argumentValue, rootFields } from './root-fields';

function fieldsOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return rootFields(operation, fragments);
}

describe('rootFields', () => {
  it('counts each alias once', () => {
    const fields = fieldsOf(`mutation { a: logIn(input: $i) { accessToken } b: logIn(input: $i) { accessToken } c: signUp(input: $s) { accessToken } }`);
    expect(fields.map((f) => f.name.value)).toEqual(['logIn', 'logIn', 'signUp']);
  });

  it('looks into fragments and inline fragments, and counts a field GraphQL merges only once', () => {
    const fields = fieldsOf(`
      mutation { ...A ...A ... on Mutation { x: logIn(input: $i) { accessToken } } logIn(input: $i) { accessToken } __typename }
      fragment A on Mutation { logIn(input: $i) { accessToken } y: createOffer(input: $o) { id } ...B }
      fragment B on Mutation { ...A z: closeOffer(id: "1") { id } }`);
    expect(fields.map((f) => f.alias?.value ?? f.name.value).sort()).toEqual(['logIn', 'x', 'y', 'z']);
  });

  it('reads an argument from a literal or from the variables', () => {
    const [literal, variable] = fieldsOf(`mutation { a: logIn(input: { email: "x@example.test" }) { accessToken } b: logIn(input: $i) { accessToken } }`);
    expect(argumentValue(literal, 'input', {})).toEqual({ email: 'x@example.test' });
    expect(argumentValue(variable, 'input', { i: { email: 'y@example.test' } })).toEqual({ email: 'y@example.test' });
    expect(argumentValue(variable, 'missing', {})).toBeUndefined();
  });
});

describe('chargesFor', () => {
  const budgets: RateLimitConfig = { enabled: true, windowSeconds: 60, authPerIp: 30, logInPerAccount: 10, writesPerIp: 600, writesPerAccount: 300 };

  it('charges sign-in and sign-up to the address, and each log-in attempt to the account it targets', () => {
    const charges = chargesFor(['logIn', 'logIn', 'signUp'], ['A@example.test', 'a@example.test '], '10.0.0.1', null, budgets);
    expect(charges.filter((c) => c.key === 'auth:ip:10.0.0.1')).toEqual([{ key: 'auth:ip:10.0.0.1', cost: 3, limit: 30 }]);
    const accounts = charges.filter((c) => c.key.startsWith('login:account:'));
    // The same address written two ways is one account, and its key does not contain it.
    expect(new Set(accounts.map((c) => c.key)).size).toBe(1);
    expect(accounts.map((c) => c.key).join()).not.toMatch(/example/);
  });

  it('charges other mutations to the address and, when signed in, to the account', () => {
    expect(chargesFor(['createOffer', 'publishOffer'], [], '::1', 'user-1', budgets)).toEqual([
      { key: 'write:ip:::1', cost: 2, limit: 600 },
      { key: 'write:account:user-1', cost: 2, limit: 300 },
    ]);
    expect(chargesFor(['createOffer'], [], '::1', null, budgets)).toEqual([{ key: 'write:ip:::1', cost: 1, limit: 600 }]);
  });
});
