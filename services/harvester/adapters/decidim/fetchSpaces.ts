/**
 * Lists processes and assemblies with their Proposals and Budgets components (docs/upstreams/decidim.md §4.1, §5.1).
 * Child assemblies that the root list leaves out are fetched one by one with `assembly(id:)`, so no query
 * nests `children` deeper than once (recursion limit, §1.3, §8 note 4). Null components (unpublished,
 * 0.30+) are skipped (§4.4).
 */
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import { UpstreamSchemaError } from '../../errors';
import { postGraphql } from './postGraphql';
import { ASSEMBLY_QUERY, SPACES_QUERY } from './queries';
import type { SpaceRef } from './spaceRef';
import { assemblyListing, spacesPayload, type AssemblyListing } from './upstreamSchemas';
import { z } from 'zod';

const MAX_ASSEMBLIES = 10_000;

function ref(
  kind: SpaceRef['kind'],
  s: { id: string; slug: string; components: { id: string; __typename: string }[] },
  steps: SpaceRef['steps'],
): SpaceRef {
  return {
    kind,
    id: s.id,
    slug: s.slug,
    steps,
    proposalComponents: s.components.filter((c) => c.__typename === 'Proposals').map((c) => c.id),
    budgetComponents: s.components.filter((c) => c.__typename === 'Budgets').map((c) => c.id),
  };
}

/** Every reachable process and assembly, processes first, each once. */
export async function fetchSpaces(ctx: HarvestContext<DecidimSourceConfig>): Promise<SpaceRef[]> {
  const { data } = await postGraphql(ctx, 'spaces', SPACES_QUERY);
  const parsed = spacesPayload.safeParse(data);
  if (!parsed.success)
    throw new UpstreamSchemaError(
      `Decidim spaces listing has an unexpected shape: ${z.prettifyError(parsed.error).slice(0, 300)}`,
    );
  const spaces: SpaceRef[] = parsed.data.participatoryProcesses.map((p) =>
    ref(
      'process',
      p,
      p.steps.filter((s) => s !== null),
    ),
  );
  const seen = new Set<string>();
  const queue: string[] = [];
  const addAssembly = (a: AssemblyListing) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    spaces.push(ref('assembly', a, null));
    queue.push(...a.children.map((c) => c.id));
  };
  parsed.data.assemblies.forEach(addAssembly);
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    if (seen.size >= MAX_ASSEMBLIES)
      throw new UpstreamSchemaError(`Decidim lists more than ${MAX_ASSEMBLIES} assemblies`);
    const answer = await postGraphql(ctx, 'assembly', ASSEMBLY_QUERY, { id });
    const one = assemblyListing.nullable().safeParse(answer.data.assembly);
    if (!one.success)
      throw new UpstreamSchemaError(
        `Decidim assembly ${id} has an unexpected shape: ${z.prettifyError(one.error).slice(0, 300)}`,
      );
    if (one.data) addAssembly(one.data);
    else seen.add(id); // not visible to anonymous callers
  }
  return spaces;
}
