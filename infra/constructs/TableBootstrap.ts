/**
 * The deploy-time bootstrap of the table: a CloudFormation custom resource served directly by a bundled
 * function (services/bootstrap/lambda.ts), which writes the municipality registry (and any later data
 * step, services/bootstrap/steps.ts). Its `Version` property is the steps' content hash, so CloudFormation
 * sends an Update, and the function runs again, exactly when the registry changes; the steps are
 * idempotent, so a re-run writes nothing new. No provider framework: CloudFormation invokes the function
 * with the deployer's credentials and the function answers the pre-signed URL itself, so there is no
 * extra Lambda with a broad managed policy.
 */
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { bootstrapConfigSchema } from '../../services/bootstrap/config';
import { bootstrapVersion } from '../../services/bootstrap/steps';
import { environmentFor } from '../environment';
import { BOOTSTRAP_ENTRY } from './bundleFiles';
import { ServiceFunction } from './ServiceFunction';

/** The DynamoDB actions the steps use (GetItem for the marker, BatchWriteItem and PutItem to write, UpdateItem to advance the data version). */
export const BOOTSTRAP_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:UpdateItem',
];

export interface TableBootstrapProps {
  readonly table: ITable;
  readonly alarmTopic: ITopic;
}

export class TableBootstrap extends Construct {
  readonly fn: ServiceFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: TableBootstrapProps) {
    super(scope, id);
    this.fn = new ServiceFunction(this, 'Bootstrap', {
      whyNoDeadLetterQueue:
        'CloudFormation invokes it as a custom resource and waits for its answer on the response URL; a failure fails and rolls back the deployment, so there is nothing to replay later.',
      entry: BOOTSTRAP_ENTRY,
      description: 'Inspraak deploy-time bootstrap: the municipality registry and data migrations',
      memorySize: 256,
      // 342 items in 14 batches take seconds; the margin covers throttling retries.
      timeout: Duration.minutes(5),
      environment: environmentFor(bootstrapConfigSchema, { INSPRAAK_TABLE: props.table.tableName }),
      alarmTopic: props.alarmTopic,
    });
    // The table itself, not its indexes (table.grant would add "/index/*"): the steps write items, they never query.
    this.fn.fn.addToRolePolicy(new PolicyStatement({ actions: BOOTSTRAP_ACTIONS, resources: [props.table.tableArn] }));
    this.resource = new CustomResource(this, 'Run', {
      serviceToken: this.fn.fn.functionArn,
      resourceType: 'Custom::InspraakBootstrap',
      properties: { TableName: props.table.tableName, Version: bootstrapVersion() },
    });
  }
}
