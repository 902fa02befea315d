/**
 * The search snapshot job: a function on its own schedule (as often as the harvest) that restores the
 * index from the last snapshot, catches it up from the change feed and writes the new snapshot to the
 * bucket (services/search/snapshotLambda.ts). It reads the table and may read and write only that one
 * object of the bucket.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { searchSnapshotJobConfigSchema } from '../../services/search/config';
import { environmentFor } from '../environment';
import { readsSearchSnapshot, SEARCH_SNAPSHOT_KEY } from '../names';
import { SEARCH_SNAPSHOT_ENTRY } from './bundleFiles';
import { ServiceFunction } from './ServiceFunction';

/** The job holds the whole index in memory twice at worst (restored, then serialised): 100,000 items fit. */
export const SNAPSHOT_MEMORY_MB = 2048;

export interface SearchSnapshotJobProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly alarmTopic: ITopic;
  readonly everyHours: number;
}

export class SearchSnapshotJob extends Construct {
  readonly fn: ServiceFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: SearchSnapshotJobProps) {
    super(scope, id);
    this.fn = new ServiceFunction(this, 'Snapshot', {
      whyNoDeadLetterQueue:
        'EventBridge Scheduler invokes it on a rate, with its own retries; a run that fails every retry raises the errors alarm, and the next run writes the whole snapshot again, so a kept event has nothing to replay.',
      entry: SEARCH_SNAPSHOT_ENTRY,
      description: 'Inspraak search snapshot: the index, caught up from the change feed, written to S3',
      memorySize: SNAPSHOT_MEMORY_MB,
      timeout: Duration.minutes(10),
      environment: environmentFor(searchSnapshotJobConfigSchema, {
        INSPRAAK_TABLE: props.table.tableName,
        INSPRAAK_SEARCH_SNAPSHOT_BUCKET: props.bucket.bucketName,
        INSPRAAK_SEARCH_SNAPSHOT_KEY: SEARCH_SNAPSHOT_KEY,
      }),
      alarmTopic: props.alarmTopic,
    });
    this.fn.readsTable(props.table);
    readsSearchSnapshot(props.bucket, this.fn.fn);
    this.fn.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.bucket.arnForObjects(SEARCH_SNAPSHOT_KEY)] }),
    );
    const fnRef = flattenCfnReference(Stack.of(this).resolve(this.fn.fn.functionArn));
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${fnRef}:*]`,
      reason:
        "EventBridge Scheduler's role may invoke the search snapshot function, and \":*\" covers only that function's versions and aliases (CDK's grantInvoke).",
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Write the search snapshot every ${props.everyHours} hour(s)`,
      schedule: ScheduleExpression.rate(Duration.hours(props.everyHours)),
      target: new LambdaInvoke(this.fn.fn, {
        input: ScheduleTargetInput.fromObject({
          'detail-type': 'Scheduled Event',
          source: 'inspraak.search-snapshot',
          detail: {},
        }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    });
  }
}
