import {
  defaultFieldResolver,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * Relations a parent object already carries, loaded by its list's own statement (look-ahead on the
 * selection set). Keyed by field name; only for fields without arguments. A name starting with `__`
 * is reserved in GraphQL, so no field of the schema can read or shadow it.
 */
export const PREFETCHED = '__prefetched';

export type Prefetched = { [PREFETCHED]?: Record<string, unknown> };

/**
 * Lets every field resolver of the schema answer from the parent's prefetched relations when they
 * are there, before Nest's per-field machinery (parameter factories, pipes, DataLoader) runs;
 * otherwise the field resolves as before. Applied once, to the built schema.
 */
export function withPrefetchedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || resolve === defaultFieldResolver || field.args.length) continue;
      const name = field.name;
      field.resolve = function prefetchedOr(source, args, context, info) {
        const pre = (source as Prefetched | null | undefined)?.[PREFETCHED];
        if (pre !== undefined && pre[name] !== undefined) return pre[name];
        return (resolve as GraphQLFieldResolver<unknown, unknown>).call(this, source, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * The names of the fields selected at `path` below the resolved field (e.g. `['edges', 'node']`),
 * through fragments. A field under a directive (@include/@skip) counts as selected: the answer is a
 * superset, which is what a look-ahead needs.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const segment of path) {
    sets = fieldsOf(sets, info.fragments)
      .filter((f) => f.name.value === segment)
      .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return new Set(fieldsOf(sets, info.fragments).map((f) => f.name.value));
}

/** A selection below a field: each selected sub-field's name with its own selection (empty for a leaf). */
export type SelectionTree = Map<string, SelectionTree>;

/**
 * The selection at `path` below the resolved field as a tree, fields of the same name merged
 * (aliases, fragments), so a look-ahead can load exactly the sub-fields a query asks for.
 */
export function selectionTree(info: GraphQLResolveInfo, path: string[]): SelectionTree {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const segment of path) {
    sets = fieldsOf(sets, info.fragments)
      .filter((f) => f.name.value === segment)
      .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return treeOf(sets, info.fragments);
}

function treeOf(sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): SelectionTree {
  const byName = new Map<string, SelectionSetNode[]>();
  for (const f of fieldsOf(sets, fragments)) {
    const list = byName.get(f.name.value) ?? [];
    if (f.selectionSet) list.push(f.selectionSet);
    byName.set(f.name.value, list);
  }
  return new Map([...byName].map(([name, sub]) => [name, treeOf(sub, fragments)]));
}

function fieldsOf(sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (fragments[s.name.value]) visit(fragments[s.name.value].selectionSet);
    }
  };
  sets.forEach(visit);
  return out;
}
