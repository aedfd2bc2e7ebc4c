import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, valueFromASTUntyped } from 'graphql';

/**
 * The root fields an operation will execute, one per response key: aliases count one each,
 * fragments and inline fragments are looked into, and identical unaliased fields (which
 * GraphQL merges into one execution) count once. @skip and @include are not evaluated: a
 * field that may run is counted.
 */
export function rootFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const byResponseKey = new Map<string, FieldNode>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const key = selection.alias?.value ?? selection.name.value;
        if (!byResponseKey.has(key)) byResponseKey.set(key, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...byResponseKey.values()];
}

/** An argument's value as the resolver will see it, with variables substituted (undefined if absent). */
export function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown> | undefined): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables ?? {}) : undefined;
}
