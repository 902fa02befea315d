/**
 * What each function's bundle is built from and what it carries beside index.js. Shared by the
 * constructs and scripts/bench-coldstart.ts.
 */
import type { SubgraphName } from '../../services/core/schema';
import type { BundleFile } from '../bundling';

/** Where Lambda unpacks a bundle (LAMBDA_TASK_ROOT). */
export const TASK_ROOT = '/var/task';

export const GATEWAY_ENTRY = 'services/gateway/lambda.ts';
export const subgraphEntry = (name: SubgraphName) => `services/${name}/lambda.ts`;
/** The deploy-time bootstrap (custom resource) of the table. */
export const BOOTSTRAP_ENTRY = 'services/bootstrap/lambda.ts';
/** The harvester's AWS handlers, `scheduleHandler` and `workerHandler`. */
export const HARVESTER_ENTRY = 'services/harvester/lambda.ts';

/** Every subgraph's SDL (services/core/schema.ts reads them from INSPRAAK_SCHEMA_DIR). */
export const SCHEMA_FILES: BundleFile = ['schema/*.graphql', 'schema/'];
/** The composed supergraph (services/gateway/gateway.ts reads it from INSPRAAK_SUPERGRAPH). */
export const SUPERGRAPH_FILE: BundleFile = ['services/gateway/supergraph.graphql', 'supergraph.graphql'];

/** The gateway needs the supergraph, and the subgraphs' SDL for those it runs in-process. */
export const gatewayBundleFiles = (): BundleFile[] => [SCHEMA_FILES, SUPERGRAPH_FILE];

/** The environment that points the services at the files above, inside the bundle. */
export const SCHEMA_ENV = {
  INSPRAAK_SCHEMA_DIR: `${TASK_ROOT}/schema`,
  INSPRAAK_SUPERGRAPH: `${TASK_ROOT}/supergraph.graphql`,
} as const;
