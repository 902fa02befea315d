/**
 * Decidim's query analyzers (docs/upstreams/decidim.md §1.3): complexity 5000 and depth 15 everywhere; from 0.30.5 /
 * 0.31.1 also at most 5 distinct aliases, no field name more than twice on one path (`node`, `edges`,
 * `nodes`, `ofType` exempt) and no anonymous introspection. Messages follow graphql-ruby's where §1.3
 * quotes them; the others carry the documented `extensions.code` (§1.4).
 */
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from './connection';

export const MAX_COMPLEXITY = 5000;
export const MAX_DEPTH = 15;
export const MAX_ALIASES = 5;
const RECURSION_THRESHOLD = 2;
const RECURSION_EXEMPT = new Set(['node', 'edges', 'nodes', 'ofType']);
/** Connection fields of the simulated schema (docs/upstreams/decidim.md §4.2). */
const CONNECTIONS = new Set(['proposals', 'budgets']);

export interface LimitError {
  message: string;
  extensions?: { code: string };
}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Fields of a selection set with fragments spread in; inline fragments kept apart (they are per type). */
function fieldsOf(set: SelectionSetNode, w: Walk): { direct: FieldNode[]; typed: SelectionSetNode[] } {
  const direct: FieldNode[] = [];
  const typed: SelectionSetNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) direct.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) typed.push(s.selectionSet);
    else {
      const f = w.fragments.get(s.name.value);
      if (f) typed.push(f.selectionSet);
    }
  }
  return { direct, typed };
}

function intArg(field: FieldNode, name: string, w: Walk): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  const value: ValueNode | undefined = arg?.value;
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = w.variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/** graphql-ruby style: 1 per field; a connection multiplies its edges/nodes by the (capped) page size. */
function complexity(set: SelectionSetNode, w: Walk): number {
  const { direct, typed } = fieldsOf(set, w);
  let sum = 0;
  for (const f of direct) {
    if (!f.selectionSet) {
      sum += 1;
      continue;
    }
    if (CONNECTIONS.has(f.name.value)) {
      const size = Math.min(intArg(f, 'first', w) ?? intArg(f, 'last', w) ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
      const inner = fieldsOf(f.selectionSet, w).direct;
      sum +=
        1 +
        inner.reduce(
          (n, c) =>
            n +
            (c.selectionSet
              ? (['edges', 'nodes'].includes(c.name.value) ? size : 1) * (1 + complexity(c.selectionSet, w))
              : 1),
          0,
        );
    } else {
      sum += 1 + complexity(f.selectionSet, w);
    }
  }
  // Possible types are alternatives: the costliest one counts.
  return sum + Math.max(0, ...typed.map((t) => complexity(t, w)));
}

function depth(set: SelectionSetNode, w: Walk): number {
  const { direct, typed } = fieldsOf(set, w);
  return Math.max(
    0,
    ...direct.map((f) => 1 + (f.selectionSet ? depth(f.selectionSet, w) : 0)),
    ...typed.map((t) => depth(t, w)),
  );
}

function visit(set: SelectionSetNode, w: Walk, path: string[], onField: (f: FieldNode, path: string[]) => void): void {
  const { direct, typed } = fieldsOf(set, w);
  for (const f of direct) {
    onField(f, path);
    if (f.selectionSet) visit(f.selectionSet, w, [...path, f.name.value], onField);
  }
  for (const t of typed) visit(t, w, path, onField);
}

/** The limit errors of `document` (empty when it may run); `security` turns on the 0.30.5/0.31.1 analyzers. */
export function checkQueryLimits(
  document: DocumentNode,
  variables: Record<string, unknown>,
  security: boolean,
): LimitError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const w: Walk = { fragments, variables };
  const errors: LimitError[] = [];
  for (const op of document.definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const c = complexity(op.selectionSet, w);
    if (c > MAX_COMPLEXITY)
      errors.push({ message: `Query has complexity of ${c}, which exceeds max complexity of ${MAX_COMPLEXITY}` });
    const d = depth(op.selectionSet, w);
    if (d > MAX_DEPTH) errors.push({ message: `Query has depth of ${d}, which exceeds max depth of ${MAX_DEPTH}` });
    if (!security) continue;
    const aliases = new Set<string>();
    let introspection = false;
    let recursion: string | null = null;
    visit(op.selectionSet, w, [], (f, path) => {
      if (f.alias) aliases.add(f.alias.value);
      if (f.name.value === '__schema' || f.name.value === '__type') introspection = true;
      const name = f.name.value;
      if (
        !RECURSION_EXEMPT.has(name) &&
        recursion === null &&
        path.filter((p) => p === name).length + 1 > RECURSION_THRESHOLD
      )
        recursion = name;
    });
    if (aliases.size > MAX_ALIASES)
      errors.push({
        message: `Too many aliases: the query uses ${aliases.size}, the maximum is ${MAX_ALIASES}`,
        extensions: { code: 'TOO_MANY_ALIASES_ERROR' },
      });
    if (recursion !== null)
      errors.push({
        message: `Recursion limit exceeded: the field '${recursion}' is nested more than ${RECURSION_THRESHOLD} times`,
        extensions: { code: 'RECURSION_LIMIT_EXCEEDED_ERROR' },
      });
    if (introspection)
      errors.push({
        message: 'Introspection is disabled for this request',
        extensions: { code: 'INTROSPECTION_DISABLED_ERROR' },
      });
  }
  return errors;
}
