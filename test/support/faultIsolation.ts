/**
 * The schema rule that keeps one failing subgraph from costing its neighbours' data: a field whose value
 * another subgraph completes must be nullable (at the field or at its list items), and so must every root
 * field (each one can fail alone). A non-null field that another subgraph fills would turn that
 * subgraph's failure into a null parent, and up the tree to `data: null`.
 */
import { type DocumentNode, Kind, type TypeNode } from 'graphql';

interface TypeInfo {
  fields: { name: string; type: TypeNode }[];
  keyFields: Set<string>;
  members: string[];
  interfaces: string[];
}

function types(doc: DocumentNode): Map<string, TypeInfo> {
  const out = new Map<string, TypeInfo>();
  for (const def of doc.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.UNION_TYPE_DEFINITION
    ) {
      continue;
    }
    const keyFields = new Set<string>();
    for (const d of def.directives ?? []) {
      const fields = d.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (d.name.value === 'key' && fields?.kind === Kind.STRING) {
        for (const f of fields.value.split(/[\s{}]+/)) if (f) keyFields.add(f);
      }
    }
    out.set(def.name.value, {
      fields: 'fields' in def ? (def.fields ?? []).map((f) => ({ name: f.name.value, type: f.type })) : [],
      keyFields,
      members: def.kind === Kind.UNION_TYPE_DEFINITION ? (def.types ?? []).map((t) => t.name.value) : [],
      interfaces: 'interfaces' in def ? (def.interfaces ?? []).map((i) => i.name.value) : [],
    });
  }
  return out;
}

const namedType = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type));

/** Whether some level of the type (the field, or the items of a list) may be null. */
const nullableSomewhere = (t: TypeNode): boolean =>
  t.kind !== Kind.NON_NULL_TYPE || (t.type.kind === Kind.LIST_TYPE && nullableSomewhere(t.type.type));

/**
 * Where the rule is broken, as `subgraph: Type.field (why)`; empty when it holds. Our own subgraphs'
 * SDL in, e.g. `[{ name: 'proposals', typeDefs }]`.
 */
export function isolationViolations(subgraphs: readonly { name: string; typeDefs: DocumentNode }[]): string[] {
  const all = subgraphs.map((s) => ({ name: s.name, types: types(s.typeDefs) }));
  /**
   * Subgraphs other than `except` that define a non-null, non-key field on the entity `type`: they
   * complete it. (Value types such as PageInfo are completed by whichever subgraph returns them.)
   */
  const completers = (type: string, except: string) =>
    all
      .filter((s) => s.name !== except)
      .filter((s) => {
        const t = s.types.get(type);
        return (
          t?.keyFields.size && t.fields.some((f) => !t.keyFields.has(f.name) && f.type.kind === Kind.NON_NULL_TYPE)
        );
      })
      .map((s) => s.name);
  const violations: string[] = [];
  for (const s of all) {
    for (const [typeName, type] of s.types) {
      for (const field of type.fields) {
        if (nullableSomewhere(field.type)) continue;
        const where = `${s.name}: ${typeName}.${field.name}`;
        if (typeName === 'Query') {
          violations.push(`${where} (a root field, which can fail on its own)`);
          continue;
        }
        const target = namedType(field.type);
        const t = s.types.get(target);
        const possible = t?.members.length
          ? t.members
          : [target, ...[...s.types].filter(([, o]) => o.interfaces.includes(target)).map(([n]) => n)];
        const others = [...new Set(possible.flatMap((p) => completers(p, s.name)))];
        if (others.length) violations.push(`${where} (${target} is completed by ${others.join(', ')})`);
      }
    }
  }
  return violations;
}
