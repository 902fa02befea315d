/**
 * The per-subgraph outage metric: one datapoint of `Inspraak/SubgraphFailures` for each subgraph call that
 * failed (timed out, unreachable, an answer that is not GraphQL or too big) or answered values its schema
 * does not allow, by subgraph and by subgraph and code. The alarm per subgraph
 * (infra/constructs/GraphqlGateway.ts) reads the per-subgraph series.
 */
import { putMetric } from '../core/metrics';

export const SUBGRAPH_FAILURES = { metricName: 'SubgraphFailures', dimension: 'Subgraph' } as const;

/** Counts one failed call to `subgraph`, with the error code its fields were answered with. */
export function countSubgraphFailure(subgraph: string, code: string): void {
  putMetric({
    name: SUBGRAPH_FAILURES.metricName,
    unit: 'Count',
    value: 1,
    dimensions: { [SUBGRAPH_FAILURES.dimension]: subgraph, Code: code },
    dimensionSets: [[SUBGRAPH_FAILURES.dimension], [SUBGRAPH_FAILURES.dimension, 'Code']],
    message: 'subgraph call failed',
  });
}
