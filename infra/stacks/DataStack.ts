/**
 * What outlives every deployment: the table (retained), the alarm topic operators subscribe to, and the
 * deploy-time bootstrap that fills the table with the municipality registry. The
 * other stacks find both by name (names.ts), so they deploy and change independently of this one.
 */
import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/AlarmTopic';
import { InspraakTable } from '../constructs/InspraakTable';
import { TableBootstrap } from '../constructs/TableBootstrap';
import { alarmTopicName, exportBucketName, searchSnapshotBucketName, tableName } from '../names';
import { EXPORT_PREFIX } from '../../services/gateway/exportJob';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';

export interface DataStackProps extends StackProps {
  readonly prefix: string;
  readonly alarmEmail?: string | undefined;
}

export class DataStack extends Stack {
  readonly table: ITable;
  readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.table = new InspraakTable(this, 'Data', { tableName: tableName(props.prefix) }).table;
    this.alarmTopic = new AlarmTopic(this, 'Alarms', {
      topicName: alarmTopicName(props.prefix),
      email: props.alarmEmail,
    }).topic;
    // The search index snapshot (written by the harvest stack's snapshot job, read by whatever serves
    // search). Derived data, rebuilt by the next job if lost; retained like the table all the same.
    const snapshots = new Bucket(this, 'SearchSnapshots', {
      bucketName: searchSnapshotBucketName(this, props.prefix),
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(snapshots).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds one object, the search index snapshot, written by one function and read by the search functions; CloudTrail records who touched it. Server access logs would need a second bucket and tell nothing more.',
    });
    // The bulk exports (written by the harvest stack's export job, served by the api stack's CloudFront
    // at /export/* through origin access control). Derived data, rewritten by the next export.
    const exports = new Bucket(this, 'Exports', {
      bucketName: exportBucketName(this, props.prefix),
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudFront (OAC) may read export/* and nothing else. The distribution lives in the api stack, which
    // this stack must not depend on (names.ts), so the condition names this account's distributions
    // rather than the one: what they may read is published at /export/* for everyone anyway.
    exports.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontReadsExports',
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [exports.arnForObjects(`${EXPORT_PREFIX}*`)],
        conditions: {
          StringEquals: { 'AWS:SourceAccount': this.account },
          ArnLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` },
        },
      }),
    );
    Validations.of(exports).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds the public bulk exports, written by one function and read by CloudFront, whose own access logs record every download; server access logs would tell nothing more.',
    });
    // The registry (and later data steps) are written while this stack deploys: see TableBootstrap.
    new TableBootstrap(this, 'TableBootstrap', { table: this.table, alarmTopic: this.alarmTopic });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'INSPRAAK_TABLE' });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description: 'Subscribe here to receive alarms',
    });
  }
}
