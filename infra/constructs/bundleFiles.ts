/**
 * What each function's bundle is built from and what it carries beside index.js. Shared by the
 * constructs and scripts/bench-coldstart.ts.
 */
import type { BundleFile } from '../bundling';
import { httpApiEvent } from '../apiEvents';
import type { WarmUp } from '../codeCache';
import { EXAMPLE_QUERY } from '../../dev/exampleQuery';

/** Where Lambda unpacks a bundle (LAMBDA_TASK_ROOT). */
export const TASK_ROOT = '/var/task';

export const GATEWAY_ENTRY = 'services/gateway/lambda.ts';
/** A registered subgraph's Lambda entry (services/gateway/subgraphs.ts): `services/<name>/lambda.ts`. */
export const subgraphEntry = (name: string) => `services/${name}/lambda.ts`;
/** The search snapshot job (services/search/snapshotLambda.ts). */
export const SEARCH_SNAPSHOT_ENTRY = 'services/search/snapshotLambda.ts';
/** The deploy-time bootstrap (custom resource) of the table. */
export const BOOTSTRAP_ENTRY = 'services/bootstrap/lambda.ts';
/** The harvester's AWS handlers, `scheduleHandler` and `workerHandler`. */
export const HARVESTER_ENTRY = 'services/harvester/lambda.ts';

/** Every subgraph's SDL and prebuilt schema (read from INSPRAAK_SCHEMA_DIR, SCHEMA_DIR below). */
export const SCHEMA_FILES: BundleFile = ['schema/*', 'schema/'];
/** The composed supergraph (the gateway reads it from INSPRAAK_SUPERGRAPH, SUPERGRAPH_PATH below). */
export const SUPERGRAPH_FILE: BundleFile = ['services/gateway/supergraph.graphql', 'supergraph.graphql'];

/** The API explorer, built by scripts/build-explorer.ts (`npm run synth` builds it first). */
export const EXPLORER_FILES: BundleFile = ['dist/explorer/*', 'explorer/'];

/** The trusted-documents manifest (graphql-codegen writes it from operations/), read from INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST. */
export const TRUSTED_DOCUMENTS_FILE: BundleFile = [
  'client/generated/persisted-documents.json',
  'trusted-documents.json',
];
export const TRUSTED_DOCUMENTS_PATH = `${TASK_ROOT}/trusted-documents.json`;

/**
 * The gateway needs the supergraph, the subgraphs' SDL for those it runs in-process, and the explorer;
 * the trusted-documents manifest when a mode other than `off` reads it.
 */
export const gatewayBundleFiles = (trustedDocuments = false): BundleFile[] => [
  SCHEMA_FILES,
  SUPERGRAPH_FILE,
  EXPLORER_FILES,
  ...(trustedDocuments ? [TRUSTED_DOCUMENTS_FILE] : []),
];

/** Where the files above are inside the bundle: the values of INSPRAAK_SCHEMA_DIR and INSPRAAK_SUPERGRAPH. */
export const SCHEMA_DIR = `${TASK_ROOT}/schema`;
export const SUPERGRAPH_PATH = `${TASK_ROOT}/supergraph.graphql`;
/** Where the explorer is inside the bundle: the value of INSPRAAK_EXPLORER_DIR. */
export const EXPLORER_DIR = `${TASK_ROOT}/explorer`;

/**
 * The gateway's code-cache warm-up: the README's example query, through every subgraph, in process.
 * There is no database at bundle time; the DynamoDB calls fail at once (a closed local port, one attempt),
 * after planning and execution have run, which is what the cache should hold.
 */
export const GATEWAY_WARM_UP: WarmUp = {
  env: {
    AWS_REGION: 'eu-west-1',
    AWS_MAX_ATTEMPTS: '1',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    INSPRAAK_TABLE: 'code-cache-warm-up',
    INSPRAAK_SCHEMA_DIR: '{BUNDLE}/schema',
    INSPRAAK_SUPERGRAPH: '{BUNDLE}/supergraph.graphql',
    INSPRAAK_EXPLORER_DIR: '{BUNDLE}/explorer',
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'silent',
  },
  events: [httpApiEvent(JSON.stringify({ query: EXAMPLE_QUERY }))],
};
/** The export job (services/gateway/exportLambda.ts): the gateway in-process, so the gateway's files. */
export const EXPORT_ENTRY = 'services/gateway/exportLambda.ts';
