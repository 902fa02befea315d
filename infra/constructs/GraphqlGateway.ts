/**
 * The gateway Lambda and, in the split topology, one Lambda per subgraph.
 * - single: every subgraph runs in the gateway's process (InProcessDataSource); the gateway reads the table.
 * - split: each subgraph is its own Lambda behind a Function URL with AuthType AWS_IAM (no public
 *   subgraph URL); the gateway reaches them over HTTPS (INSPRAAK_SUBGRAPH_URLS) and may only invoke
 *   those URLs, not read the table. Its HttpDataSource must sign the requests with SigV4 (service
 *   `lambda`); see docs/operations.md, "Topologies".
 */
import { Aws, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { readsSearchSnapshot } from '../names';
import { Construct } from 'constructs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DATA_VERSION_KEY } from '../../services/core/dynamo/dataVersion';
import { subgraphConfigSchemaFor } from '../../services/core/subgraphConfig';
import { gatewayConfigSchema } from '../../services/gateway/config';
import { SUBGRAPHS, type SubgraphName } from '../../services/gateway/subgraphs';
import { environmentFor } from '../environment';
import type { InspraakSettings } from '../settings';
import {
  GATEWAY_ENTRY,
  gatewayBundleFiles,
  SCHEMA_DIR,
  SCHEMA_FILES,
  SUPERGRAPH_PATH,
  EXPLORER_DIR,
  GATEWAY_WARM_UP,
  TRUSTED_DOCUMENTS_PATH,
  subgraphEntry,
} from './bundleFiles';
import { ServiceFunction } from './ServiceFunction';
import { alarm } from './alarm';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { METRICS_NAMESPACE } from '../../services/core/metrics';
import { SUBGRAPH_FAILURES } from '../../services/gateway/outageMetric';

/**
 * Memory, and with it CPU: Lambda gives one full vCPU at 1769 MB. The gateway's cold start is CPU-bound
 * and single-threaded (compiling a 3.6 MB bundle, building three subgraph schemas and the query planner:
 * ≈0.8 s of CPU, scripts/bench-coldstart.ts), and so is query planning; at 1024 MB (≈0.58 vCPU) that
 * cold start would take ≈1.7× as long, and above 1769 MB the second vCPU sits idle. Warm requests take
 * proportionally less time, so the cost per request stays about the same.
 * A subgraph Lambda (split topology) builds one schema and then mostly waits on DynamoDB; its cold start
 * is still on a request's path, hence 1024 MB rather than the minimum.
 */
export const GATEWAY_MEMORY_MB = 1769;
export const SUBGRAPH_MEMORY_MB = 1024;

export interface GraphqlGatewayProps {
  readonly table: ITable;
  /** The search snapshot bucket: whatever serves search restores its index from it at init. */
  readonly searchSnapshots: IBucket;
  readonly alarmTopic: ITopic;
  readonly settings: Pick<
    InspraakSettings,
    | 'topology'
    | 'subgraphTimeoutMs'
    | 'gatewayTimeoutSeconds'
    | 'harvestEveryHours'
    | 'gatewayReservedConcurrency'
    | 'trustedDocuments'
  >;
}

export class GraphqlGateway extends Construct {
  readonly gateway: ServiceFunction;
  readonly subgraphs: Partial<Record<SubgraphName, ServiceFunction>> = {};

  constructor(scope: Construct, id: string, props: GraphqlGatewayProps) {
    super(scope, id);
    const { settings, table, alarmTopic } = props;
    const urls: Partial<Record<SubgraphName, string>> = {};
    // Cursors are sealed with a secret every function of the API shares, unique to this deployment and
    // stable across updates: the stack's id (a UUID CloudFormation draws at creation, known only to
    // the account), so no secret store is read at cold start.
    const cursorSecret = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    if (settings.topology === 'split') {
      for (const definition of SUBGRAPHS) {
        const { name } = definition;
        const sub = new ServiceFunction(this, `${pascal(name)}Subgraph`, {
          whyNoDeadLetterQueue:
            'The gateway invokes it synchronously through its function URL and answers a failure as errors at the fields it was to fill; nothing is queued, so there is nothing to replay.',
          entry: subgraphEntry(name),
          description: `Inspraak ${name} subgraph`,
          memorySize: SUBGRAPH_MEMORY_MB,
          // No longer than the gateway waits for it: past that, nobody reads the answer.
          timeout: Duration.seconds(Math.max(1, Math.ceil(settings.subgraphTimeoutMs / 1000))),
          environment: environmentFor(subgraphConfigSchemaFor(definition), {
            INSPRAAK_TABLE: table.tableName,
            INSPRAAK_SCHEMA_DIR: SCHEMA_DIR,
            INSPRAAK_CURSOR_SECRET: cursorSecret,
            ...(name === 'search' && { INSPRAAK_SEARCH_SNAPSHOT_BUCKET: props.searchSnapshots.bucketName }),
          }),
          files: [SCHEMA_FILES],
          alarmTopic,
          errorsThreshold: 5,
        });
        sub.readsTable(table);
        if (name === 'search') readsSearchSnapshot(props.searchSnapshots, sub.fn);
        const url = sub.fn.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
        urls[name] = `${url.url}graphql`;
        this.subgraphs[name] = sub;
      }
    }

    this.gateway = new ServiceFunction(this, 'Gateway', {
      whyNoDeadLetterQueue:
        'API Gateway invokes it synchronously and the client receives the failure (a 5xx, alarmed); nothing is queued, so there is nothing to replay.',
      entry: GATEWAY_ENTRY,
      description: `Inspraak GraphQL gateway (${settings.topology === 'single' ? 'subgraphs in-process' : 'subgraphs on their own Lambdas'})`,
      memorySize: GATEWAY_MEMORY_MB,
      timeout: Duration.seconds(settings.gatewayTimeoutSeconds),
      reservedConcurrency: settings.gatewayReservedConcurrency,
      environment: environmentFor(gatewayConfigSchema, {
        INSPRAAK_TABLE: table.tableName,
        INSPRAAK_SCHEMA_DIR: SCHEMA_DIR,
        INSPRAAK_CURSOR_SECRET: cursorSecret,
        INSPRAAK_SUPERGRAPH: SUPERGRAPH_PATH,
        INSPRAAK_EXPLORER_DIR: EXPLORER_DIR,
        INSPRAAK_SUBGRAPH_TIMEOUT_MS: String(settings.subgraphTimeoutMs),
        ...(settings.trustedDocuments !== 'off' && {
          INSPRAAK_TRUSTED_DOCUMENTS: settings.trustedDocuments,
          INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST: TRUSTED_DOCUMENTS_PATH,
        }),
        // In-process search (single topology) restores its index from the snapshot at init.
        ...(settings.topology === 'single' && { INSPRAAK_SEARCH_SNAPSHOT_BUCKET: props.searchSnapshots.bucketName }),
        // Answers' Cache-Control lifetimes derive from how often the data can change.
        INSPRAAK_HARVEST_INTERVAL_MS: String(settings.harvestEveryHours * 3_600_000),
        // All subgraph calls of a request end 3 s before the Lambda would, leaving time to answer.
        INSPRAAK_REQUEST_DEADLINE_MS: String(
          Math.min(25_000, Math.max(settings.subgraphTimeoutMs, settings.gatewayTimeoutSeconds * 1000 - 3000)),
        ),
        ...(settings.topology === 'split' && {
          INSPRAAK_SUBGRAPH_URLS: Stack.of(this).toJsonString(urls),
          INSPRAAK_SUBGRAPH_AUTH: 'aws-iam',
        }),
      }),
      files: gatewayBundleFiles(settings.trustedDocuments !== 'off'),
      codeCache: GATEWAY_WARM_UP,
      alarmTopic,
      // A handful of crashes in five minutes is an incident; one may be a Lambda hiccup.
      errorsThreshold: 5,
    });
    if (settings.topology === 'single') {
      this.gateway.readsTable(table);
      readsSearchSnapshot(props.searchSnapshots, this.gateway.fn);
    } else {
      // The response cache keys on the data version: the split gateway may read that one item, nothing else.
      this.gateway.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['dynamodb:GetItem'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DATA_VERSION_KEY.pk] } },
        }),
      );
    }
    for (const sub of Object.values(this.subgraphs)) sub.fn.grantInvokeUrl(this.gateway.fn);
    // One alarm per subgraph on the gateway's outage metric (services/gateway/outageMetric.ts), in both
    // topologies: an in-process subgraph times out too. Ten failed calls in five minutes is more than a
    // blip; the other subgraphs' fields are still answered meanwhile.
    for (const { name } of SUBGRAPHS) {
      alarm(this, `${pascal(name)}SubgraphFailures`, {
        metric: new Metric({
          namespace: METRICS_NAMESPACE,
          metricName: SUBGRAPH_FAILURES.metricName,
          dimensionsMap: { [SUBGRAPH_FAILURES.dimension]: name },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        threshold: SUBGRAPH_FAILURES_ALARM_THRESHOLD,
        description: `Inspraak API: calls to the ${name} subgraph failed ${SUBGRAPH_FAILURES_ALARM_THRESHOLD} times or more in 5 minutes (timeouts, unreachable, bad answers); its fields are answered null with errors. See docs/operations.md, "Subgraph outage".`,
        topic: alarmTopic,
      });
    }
  }
}

/** Failed calls to one subgraph in five minutes that raise its alarm. */
export const SUBGRAPH_FAILURES_ALARM_THRESHOLD = 10;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
