/** The write path: schedule → fan-out → queue → workers → table. Deployed on its own rhythm. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HarvestPipeline } from '../constructs/HarvestPipeline';
import { importAlarmTopic, importExportBucket, importSearchSnapshots, importTable } from '../names';
import { ExportJob } from '../constructs/ExportJob';
import { SearchSnapshotJob } from '../constructs/SearchSnapshotJob';
import type { InspraakSettings } from '../settings';

export interface HarvestStackProps extends StackProps {
  readonly settings: InspraakSettings;
}

export class HarvestStack extends Stack {
  readonly harvest: HarvestPipeline;
  readonly searchSnapshot: SearchSnapshotJob;
  readonly exportJob: ExportJob;

  constructor(scope: Construct, id: string, props: HarvestStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const table = importTable(this, settings.prefix);
    const alarmTopic = importAlarmTopic(this, settings.prefix);
    this.harvest = new HarvestPipeline(this, 'Harvest', { settings, table, alarmTopic });
    this.searchSnapshot = new SearchSnapshotJob(this, 'SearchSnapshot', {
      table,
      bucket: importSearchSnapshots(this, settings.prefix),
      alarmTopic,
      everyHours: settings.harvestEveryHours,
    });
    this.exportJob = new ExportJob(this, 'Export', {
      table,
      bucket: importExportBucket(this, settings.prefix),
      alarmTopic,
      harvestEveryHours: settings.harvestEveryHours,
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.harvest.deadLetterQueue.queueUrl,
      description: 'Failed harvest messages',
    });
  }
}
