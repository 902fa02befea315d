/**
 * The physical names the stacks share. The api and harvest stacks find the data stack's table and alarm
 * topic by name, not through CloudFormation exports, so each stack keeps its own lifecycle: the data
 * stack never gets stuck on "export in use", and replacing the api stack never touches it.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { INDEXES } from '../services/core/dynamo/table';

/** The table's name: the stack prefix itself (`inspraak` by default, the sandbox's name too). */
export const tableName = (prefix: string) => prefix;
export const alarmTopicName = (prefix: string) => `${prefix}-alarms`;

/** The data stack's table, as seen from another stack: with its indexes, so grants cover them. */
export function importTable(scope: Construct, prefix: string): ITable {
  return Table.fromTableAttributes(scope, 'Table', {
    tableName: tableName(prefix),
    globalIndexes: Object.keys(INDEXES),
  });
}

/** The data stack's alarm topic, as seen from another stack. */
export function importAlarmTopic(scope: Construct, prefix: string): ITopic {
  const arn = Stack.of(scope).formatArn({
    service: 'sns',
    resource: alarmTopicName(prefix),
    arnFormat: ArnFormat.NO_RESOURCE_NAME,
  });
  return Topic.fromTopicArn(scope, 'AlarmTopic', arn);
}

/** The search snapshot bucket's name: bucket names are global, so account and region are part of it. */
export const searchSnapshotBucketName = (scope: Construct, prefix: string) =>
  `${prefix}-search-${Stack.of(scope).account}-${Stack.of(scope).region}`;

/** The key of the search index snapshot in that bucket (INSPRAAK_SEARCH_SNAPSHOT_KEY's default). */
export const SEARCH_SNAPSHOT_KEY = 'search/index.snapshot';

/** The data stack's search snapshot bucket, as seen from another stack. */
export function importSearchSnapshots(scope: Construct, prefix: string): IBucket {
  return Bucket.fromBucketName(scope, 'SearchSnapshots', searchSnapshotBucketName(scope, prefix));
}

/** Lets `grantee` read the search snapshot (and learn that there is none yet: ListBucket makes that a 404, not a 403). */
export function readsSearchSnapshot(bucket: IBucket, role: IGrantable): void {
  role.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(SEARCH_SNAPSHOT_KEY)] }),
  );
  role.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
  );
}

/** The export bucket's name (data stack): the bulk exports and `.pb` files CloudFront serves at /export/*. */
export const exportBucketName = (scope: Construct, prefix: string) =>
  `${prefix}-exports-${Stack.of(scope).account}-${Stack.of(scope).region}`;

/** The data stack's export bucket, as seen from another stack. */
export function importExportBucket(scope: Construct, prefix: string): IBucket {
  return Bucket.fromBucketName(scope, 'Exports', exportBucketName(scope, prefix));
}
