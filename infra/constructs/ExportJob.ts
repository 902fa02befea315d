/**
 * The export job: a function on its own schedule (every 15 minutes) that writes every bulk export and
 * every budget's `.pb` file to the export bucket when the data version has moved and settled
 * (services/gateway/exportLambda.ts says why a schedule rather than a trigger from the harvest). It runs
 * the gateway with every subgraph in its process, so it reads the table; in the bucket it may write and
 * delete only under `export/` and its manifest, and read only its manifest.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { Construct } from 'constructs';
import { exportJobConfigSchema } from '../../services/gateway/config';
import { EXPORT_MANIFEST_KEY, EXPORT_PREFIX } from '../../services/gateway/exportJob';
import { environmentFor } from '../environment';
import { EXPORT_ENTRY, SCHEMA_DIR, SCHEMA_FILES, SUPERGRAPH_FILE, SUPERGRAPH_PATH } from './bundleFiles';
import { GATEWAY_MEMORY_MB } from './GraphqlGateway';
import { ServiceFunction } from './ServiceFunction';

/** How often the job looks at the data version; it exports only when the version moved and settled. */
export const EXPORT_CHECK_MINUTES = 15;
/** Room in /tmp for one kind's four files at a time (national scale: tens of MB each). */
export const EXPORT_TMP_MB = 2048;

export interface ExportJobProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly alarmTopic: ITopic;
  readonly harvestEveryHours: number;
}

export class ExportJob extends Construct {
  readonly fn: ServiceFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ExportJobProps) {
    super(scope, id);
    this.fn = new ServiceFunction(this, 'Export', {
      whyNoDeadLetterQueue:
        'EventBridge Scheduler invokes it every 15 minutes; a run that fails raises the errors alarm, and the next run finds the data version still ahead of the manifest and exports again, so a kept event has nothing to replay.',
      entry: EXPORT_ENTRY,
      description: 'Inspraak export job: every bulk export and .pb file written to S3 after harvests',
      // The gateway's CPU (one full vCPU): the job is the gateway answering page after page.
      memorySize: GATEWAY_MEMORY_MB,
      timeout: Duration.minutes(15),
      // One run at a time: a run that takes longer than the interval throttles the next, which is dropped.
      reservedConcurrency: 1,
      ephemeralStorageMb: EXPORT_TMP_MB,
      environment: environmentFor(exportJobConfigSchema, {
        INSPRAAK_TABLE: props.table.tableName,
        INSPRAAK_SCHEMA_DIR: SCHEMA_DIR,
        INSPRAAK_SUPERGRAPH: SUPERGRAPH_PATH,
        INSPRAAK_EXPORT_BUCKET: props.bucket.bucketName,
        INSPRAAK_HARVEST_INTERVAL_MS: String(props.harvestEveryHours * 3_600_000),
        // The job pages through the API on its own; a slow page may take longer than a client's would.
        INSPRAAK_REQUEST_DEADLINE_MS: '25000',
      }),
      files: [SCHEMA_FILES, SUPERGRAPH_FILE],
      alarmTopic: props.alarmTopic,
    });
    this.fn.readsTable(props.table);
    this.fn.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [props.bucket.arnForObjects(`${EXPORT_PREFIX}*`), props.bucket.arnForObjects(EXPORT_MANIFEST_KEY)],
      }),
    );
    this.fn.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.bucket.arnForObjects(EXPORT_MANIFEST_KEY)] }),
    );
    const stack = Stack.of(this);
    const fnRef = flattenCfnReference(stack.resolve(this.fn.fn.functionArn));
    Validations.of(stack).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${fnRef}:*]`,
      reason:
        "EventBridge Scheduler's role may invoke the export function, and \":*\" covers only that function's versions and aliases (CDK's grantInvoke).",
    });
    const filesRef = flattenCfnReference(stack.resolve(props.bucket.arnForObjects(`${EXPORT_PREFIX}*`)));
    Validations.of(this.fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${filesRef}]`,
      reason:
        'The export job writes every file under export/ (one per kind and format, one per budget: their names follow the data) and nothing else of the bucket.',
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Export to S3 when the data version has moved (checked every ${EXPORT_CHECK_MINUTES} minutes)`,
      schedule: ScheduleExpression.rate(Duration.minutes(EXPORT_CHECK_MINUTES)),
      target: new LambdaInvoke(this.fn.fn, {
        input: ScheduleTargetInput.fromObject({
          'detail-type': 'Scheduled Event',
          source: 'inspraak.export',
          detail: {},
        }),
        retryAttempts: 0,
        maxEventAge: Duration.minutes(EXPORT_CHECK_MINUTES),
      }),
    });
  }
}
