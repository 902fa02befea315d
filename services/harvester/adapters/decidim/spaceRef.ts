/** A participatory space as the adapter keeps it: enough to page its components and build public URLs. */
export interface SpaceRef {
  kind: 'process' | 'assembly';
  id: string;
  slug: string;
  /** Process steps with their dates as Decidim wrote them; null for assemblies (no steps). */
  steps: { startDate: string | null; endDate: string | null }[] | null;
  proposalComponents: string[];
  budgetComponents: string[];
}

/**
 * The public path of a component: `/processes/<slug>/f/<id>` or `/assemblies/<slug>/f/<id>` (docs/upstreams/decidim.md
 * §4.1: "the id is the number after /f/"). Used for URLs on ≤0.30, which have no `url` field (data-model
 * §4.1, derived).
 */
export function componentUrl(baseUrl: string, space: Pick<SpaceRef, 'kind' | 'slug'>, componentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${space.kind === 'process' ? 'processes' : 'assemblies'}/${encodeURIComponent(space.slug)}/f/${componentId}`;
}
