/** The write path: schedule → fan-out → queue → workers → table. Deployed on its own rhythm. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HarvestPipeline } from '../constructs/HarvestPipeline';
import { importAlarmTopic, importTable } from '../names';
import type { InspraakSettings } from '../settings';

export interface HarvestStackProps extends StackProps {
  readonly settings: InspraakSettings;
}

export class HarvestStack extends Stack {
  readonly harvest: HarvestPipeline;

  constructor(scope: Construct, id: string, props: HarvestStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.harvest = new HarvestPipeline(this, 'Harvest', {
      settings,
      table: importTable(this, settings.prefix),
      alarmTopic: importAlarmTopic(this, settings.prefix),
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.harvest.deadLetterQueue.queueUrl,
      description: 'Failed harvest messages',
    });
  }
}
