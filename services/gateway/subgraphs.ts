/**
 * The subgraph registry: every subgraph of the supergraph, once. The gateway's data sources, the
 * gateway's configuration, composition (`npm run compose`), codegen (codegen.ts), the sandbox, the CDK
 * app (one Lambda per subgraph in the split topology, each with its typed environment) and the tests
 * all read this list. Adding a subgraph is a folder (see CONTRIBUTING.md) and one line here.
 */
import type { z } from 'zod';
import { budgetsSubgraph } from '../budgets/subgraph';
import { municipalitiesSubgraph } from '../municipalities/subgraph';
import { proposalsSubgraph } from '../proposals/subgraph';
import { searchSubgraph } from '../search/subgraph';

export const SUBGRAPHS = [municipalitiesSubgraph, proposalsSubgraph, budgetsSubgraph, searchSubgraph] as const;

export type RegisteredSubgraph = (typeof SUBGRAPHS)[number];
export type SubgraphName = RegisteredSubgraph['name'];

/** The registered subgraphs' names, in registry order. */
export const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name) as unknown as readonly [SubgraphName, ...SubgraphName[]];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type SubgraphsShape = UnionToIntersection<RegisteredSubgraph['configShape']>;

/**
 * Every subgraph's own environment variables together: the gateway runs them all in its process in
 * the single topology. (services/gateway/__tests__/subgraphs.test.ts checks that no two subgraphs claim the same variable.)
 */
export const subgraphsConfigShape = Object.assign({}, ...SUBGRAPHS.map((s) => s.configShape)) as SubgraphsShape;
export type SubgraphsConfig = z.infer<z.ZodObject<SubgraphsShape>>;

/** The registry entry called `name`, if there is one. */
export function subgraphNamed(name: string): RegisteredSubgraph | undefined {
  return SUBGRAPHS.find((s) => s.name === name);
}
