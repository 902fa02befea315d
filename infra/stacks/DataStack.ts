/**
 * What outlives every deployment: the table (retained) and the alarm topic operators subscribe to. The
 * other stacks find both by name (names.ts), so they deploy and change independently of this one.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/AlarmTopic';
import { InspraakTable } from '../constructs/InspraakTable';
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
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'INSPRAAK_TABLE' });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description: 'Subscribe here to receive alarms',
    });
  }
}
