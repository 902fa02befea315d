/** Whether a query selects a field below the current one, so that costly fields are computed only when asked for. */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === 'Field') return s.name.value === name;
      if (s.kind === 'InlineFragment') return visit(s.selectionSet);
      const fragment = s.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return visit(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((n) => visit(n.selectionSet));
}
