/**
 * One Inspraak Lambda: NodejsFunction on Node 22 / arm64, bundled locally with esbuild (infra/bundling.ts),
 * its own log group with a retention, and its own role that may write only that log group (grant data
 * access with the table's and queue's grant methods). Alarms on its errors and throttles.
 */
import { Duration, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { join } from 'node:path';
import { BUNDLE, copyCommands, type BundleFile } from '../bundling';
import { codeCacheCommand, type WarmUp } from '../codeCache';
import { SOURCE_HASHED_ASSETS, sourceAssetHash } from '../assetHash';
import { logConfigSchema } from '../../services/core/log';
import { environmentFor, type FunctionEnvironment } from '../environment';
import { REPO_ROOT } from '../settings';
import { alarm } from './alarm';

/** How long function logs are kept: enough to investigate an incident a few weeks later, short enough for privacy. */
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

export interface ServiceFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  /** Exported handler name; default `handler`. */
  readonly handler?: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Concurrent executions reserved for (and capping) this function; none when unset or 0. */
  readonly reservedConcurrency?: number;
  /** Its configuration, built with `environmentFor` from the configuration schema of the process it runs. */
  readonly environment: FunctionEnvironment;
  /** Files copied into the bundle after esbuild: [repo path or absolute path, path in the bundle]. */
  readonly files?: readonly BundleFile[];
  /**
   * Ship a V8 code cache in the bundle, taken after this warm-up (infra/codeCache.ts): a faster cold
   * start for functions whose start is on a request's path.
   */
  readonly codeCache?: WarmUp;
  /** Size of /tmp in MiB (512 to 10240); Lambda's default 512 when unset. */
  readonly ephemeralStorageMb?: number;
  /** Where alarms notify. */
  readonly alarmTopic: ITopic;
  /** Function errors (crashes, timeouts) in 5 minutes that raise the errors alarm; default 1. */
  readonly errorsThreshold?: number;
  /**
   * Why a failed invocation of this function needs no Lambda dead-letter queue (cdk-nag
   * Serverless-LambdaDLQ): who invokes it, and where a failure goes instead. Lambda's dead-letter queue
   * receives only asynchronous invocations that failed every retry.
   */
  readonly whyNoDeadLetterQueue: string;
}

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    // Not AWSLambdaBasicExecutionRole, which may write every log group of the account.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (Inspraak)`,
    });
    this.logGroup.grantWrite(role);
    const files = props.files ?? [];
    // Tests synthesise with source-hashed assets to reuse bundles (infra/assetHash.ts); deployments hash the output.
    const assetHash =
      this.node.tryGetContext(SOURCE_HASHED_ASSETS) === true
        ? sourceAssetHash(
            {
              entry: props.entry,
              handler: props.handler,
              bundle: BUNDLE,
              memorySize: props.memorySize,
              codeCache: props.codeCache,
            },
            files,
          )
        : undefined;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      handler: props.handler ?? 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      ...(props.ephemeralStorageMb ? { ephemeralStorageSize: Size.mebibytes(props.ephemeralStorageMb) } : {}),
      role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        APOLLO_TELEMETRY_DISABLED: '1',
        ...environmentFor(logConfigSchema, { LOG_LEVEL: 'info' }),
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        ...(assetHash && { assetHash }),
        format: OutputFormat.CJS,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        keepNames: BUNDLE.keepNames,
        sourceMap: BUNDLE.sourceMap,
        sourcesContent: BUNDLE.sourcesContent,
        externalModules: [...BUNDLE.externalModules],
        esbuildArgs: { '--alias': Object.entries(BUNDLE.aliases).map(([pkg, stub]) => `${pkg}=${stub}`) },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            ...copyCommands(inputDir, outputDir, files),
            ...(props.codeCache ? [codeCacheCommand(outputDir, props.memorySize, props.codeCache)] : []),
          ],
        },
      },
    });
    this.role = role;
    Validations.of(this.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: props.whyNoDeadLetterQueue });
    const fiveMinutes = { period: Duration.minutes(5) };
    alarm(this, 'Errors', {
      metric: this.fn.metricErrors({ ...fiveMinutes, statistic: 'Sum' }),
      threshold: props.errorsThreshold ?? 1,
      description: `${props.description}: function errors (crashes or timeouts). See docs/operations.md, "Lambda errors".`,
      topic: props.alarmTopic,
    });
    alarm(this, 'Throttles', {
      metric: this.fn.metricThrottles({ ...fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: `${props.description}: invocations throttled by Lambda concurrency limits. See docs/operations.md, "Lambda throttles".`,
      topic: props.alarmTopic,
    });
  }

  /** Lets the function read the table and query its indexes (GetItem, BatchGetItem, Query…). */
  readsTable(table: ITable): void {
    table.grantReadData(this.fn);
    this.acknowledgeIndexes(table, 'read');
  }

  /** Lets the function read and write the table and query its indexes. */
  writesTable(table: ITable): void {
    table.grantReadWriteData(this.fn);
    this.acknowledgeIndexes(table, 'read and write');
  }

  /** The grant covers "<table ARN>/index/*", the table's own indexes: acknowledged for exactly that resource. */
  private acknowledgeIndexes(table: ITable, access: string): void {
    const resource = flattenCfnReference(Stack.of(this).resolve(`${table.tableArn}/index/*`));
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: `The function queries the global secondary indexes of Inspraak's one table (docs/architecture.md lists them); "/index/*" names only that table's indexes (${access} access).`,
    });
  }
}
