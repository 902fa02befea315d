/**
 * What outlives every deployment: the table (retained), the alarm topic operators subscribe to, and the
 * deploy-time bootstrap that fills the table with the municipality registry. The
 * other stacks find both by name (names.ts), so they deploy and change independently of this one.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/AlarmTopic';
import { InspraakTable } from '../constructs/InspraakTable';
import { TableBootstrap } from '../constructs/TableBootstrap';
import { alarmTopicName, tableName } from '../names';

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
    // The registry (and later data steps) are written while this stack deploys: see TableBootstrap.
    new TableBootstrap(this, 'TableBootstrap', { table: this.table, alarmTopic: this.alarmTopic });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'INSPRAAK_TABLE' });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description: 'Subscribe here to receive alarms',
    });
  }
}
