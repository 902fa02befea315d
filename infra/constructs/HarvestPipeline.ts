/**
 * The harvest on AWS: EventBridge Scheduler → `scheduleHandler` (one SQS message per source) → queue →
 * `workerHandler` (one source per invocation, bounded concurrency, partial batch failures) → table.
 * Messages that keep failing land in a dead-letter queue; alarms watch it, the functions, and how old
 * the sources' last successful harvests are (a metric the harvester emits; see HARVEST_AGE_METRIC).
 */
import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { loadSources } from '../../services/harvester/config';
import { harvesterConfigSchema } from '../../services/harvester/runtime';
import { environmentFor } from '../environment';
import type { InspraakSettings } from '../settings';
import { HARVESTER_ENTRY, TASK_ROOT } from './bundleFiles';
import { alarm } from './alarm';
import { ServiceFunction } from './ServiceFunction';
import { ConfigError } from '../../services/core/errors';

/**
 * The metric the harvester is to emit (CloudWatch embedded metric format, one log line per harvested
 * source, so no IAM permission is needed): seconds since the source's last successful harvest, 0 right
 * after a success. Dimension sets `[[], ["SourceId"]]`: the dimensionless series feeds the alarm
 * (Maximum = the stalest source), the per-source one tells which source it is.
 */
export const HARVEST_AGE_METRIC = { namespace: 'Inspraak', metricName: 'HarvestAgeSeconds' } as const;

/** Messages that failed this often go to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 3;
/** The scheduler function only sends a few SQS batches; the worker parses and sanitises whole crawls (responses up to 20 MB). */
export const SCHEDULER_MEMORY_MB = 256;
export const WORKER_MEMORY_MB = 1024;

export interface HarvestPipelineProps {
  readonly table: ITable;
  readonly alarmTopic: ITopic;
  readonly settings: Pick<
    InspraakSettings,
    'sourcesFile' | 'harvestEveryHours' | 'harvestConcurrency' | 'harvestTimeoutMinutes' | 'staleAfterHours'
  >;
}

export class HarvestPipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly scheduler: ServiceFunction;
  readonly worker: ServiceFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: HarvestPipelineProps) {
    super(scope, id);
    const { settings, table, alarmTopic } = props;
    checkSources(this, settings.sourcesFile);
    if (settings.staleAfterHours <= settings.harvestEveryHours) {
      throw new ConfigError(
        `Context "staleAfterHours" (${settings.staleAfterHours}) must be more than "harvestEveryHours" (${settings.harvestEveryHours}).`,
      );
    }
    const workerTimeout = Duration.minutes(settings.harvestTimeoutMinutes);
    // AWS's advice for SQS event sources: six times the function timeout, so that a message is not
    // handed out again while a throttled or retried invocation may still be working on it.
    const visibilityTimeout = Duration.minutes(Math.min(12 * 60, 6 * settings.harvestTimeoutMinutes));
    if (visibilityTimeout.toSeconds() <= workerTimeout.toSeconds())
      throw new ConfigError("The harvest queue's visibility timeout must exceed the worker's timeout.");

    const encryption = QueueEncryption.SQS_MANAGED;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        "This is the harvest queue's dead-letter queue: the end of the line, read by operators (its depth is alarmed), not by a consumer that could fail.",
    });
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout,
      // Long enough for every retry; a message older than that is superseded by later schedules anyway.
      retentionPeriod: Duration.days(2),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
      enforceSSL: true,
      encryption,
    });

    const sources = `${TASK_ROOT}/sources.json`;
    const files = [[settings.sourcesFile, 'sources.json']] as const;
    this.scheduler = new ServiceFunction(this, 'Scheduler', {
      whyNoDeadLetterQueue:
        'EventBridge Scheduler invokes it on a rate, with its own retries; a run that fails every retry raises the errors alarm, and the next run queues every source again, so a kept event has nothing to replay.',
      entry: HARVESTER_ENTRY,
      handler: 'scheduleHandler',
      description: 'Inspraak harvest fan-out: one queue message per source',
      memorySize: SCHEDULER_MEMORY_MB,
      timeout: Duration.minutes(1),
      environment: environmentFor(harvesterConfigSchema, {
        INSPRAAK_TABLE: table.tableName,
        INSPRAAK_SOURCES: sources,
        INSPRAAK_HARVEST_QUEUE_URL: this.queue.queueUrl,
      }),
      files,
      alarmTopic,
    });
    this.queue.grantSendMessages(this.scheduler.fn);
    // It lists the registered sources (byKind) to queue a retire message for those the file no longer names.
    this.scheduler.readsTable(table);

    this.worker = new ServiceFunction(this, 'Worker', {
      whyNoDeadLetterQueue:
        "The SQS event source mapping invokes it synchronously; a message that fails maxReceiveCount times moves to the harvest queue's own dead-letter queue (alarmed), which is where failed work is kept.",
      entry: HARVESTER_ENTRY,
      handler: 'workerHandler',
      description: 'Inspraak harvest worker: harvests one source per message',
      memorySize: WORKER_MEMORY_MB,
      timeout: workerTimeout,
      environment: environmentFor(harvesterConfigSchema, {
        INSPRAAK_TABLE: table.tableName,
        INSPRAAK_SOURCES: sources,
      }),
      files,
      alarmTopic,
    });
    this.worker.writesTable(table);
    this.worker.fn.addEventSource(
      new SqsEventSource(this.queue, {
        // One source per invocation: the timeout is per source, and one slow installation delays no other.
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: settings.harvestConcurrency,
      }),
    );
    Validations.of(this.worker.fn).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        "An event source mapping's on-failure destination serves streams and Kafka; for an SQS source a failed message is kept by the queue's redrive policy, which moves it to the alarmed dead-letter queue after maxReceiveCount receives.",
    });

    const schedulerTarget = new LambdaInvoke(this.scheduler.fn, {
      // The shape of an EventBridge scheduled event, which scheduleHandler logs.
      input: ScheduleTargetInput.fromObject({
        'detail-type': 'Scheduled Event',
        source: 'inspraak.harvest',
        id: ContextAttribute.executionId,
        time: ContextAttribute.scheduledTime,
        resources: [ContextAttribute.scheduleArn],
        detail: {},
      }),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    // The scheduler's role (one per stack, made by LambdaInvoke) may invoke the function and its versions.
    const fnRef = flattenCfnReference(Stack.of(this).resolve(this.scheduler.fn.functionArn));
    Validations.of(Stack.of(this)).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${fnRef}:*]`,
      reason:
        "EventBridge Scheduler's role may invoke the harvest fan-out function, and \":*\" covers only that function's versions and aliases (CDK's grantInvoke).",
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Harvest every source every ${settings.harvestEveryHours} hour(s)`,
      schedule: ScheduleExpression.rate(Duration.hours(settings.harvestEveryHours)),
      target: schedulerTarget,
    });

    alarm(this, 'DeadLetters', {
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 0,
      strictlyAbove: true,
      description: `Inspraak harvest: messages in the dead-letter queue (a source's harvest failed ${MAX_RECEIVE_COUNT} times for a reason other than its installation). See docs/operations.md, "Harvest dead letters".`,
      topic: alarmTopic,
    });
    const period = Duration.hours(settings.harvestEveryHours);
    alarm(this, 'HarvestStale', {
      metric: new Metric({ ...HARVEST_AGE_METRIC, statistic: 'Maximum', period }),
      threshold: settings.staleAfterHours * 3600,
      strictlyAbove: true,
      // Three schedules in a row: a stale source, or no harvest reported at all (missing data).
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.BREACHING,
      description: `Inspraak harvest: a source's last successful harvest is more than ${settings.staleAfterHours} h old, or no harvest has reported for ${3 * settings.harvestEveryHours} h. See docs/operations.md, "Stale harvest".`,
      topic: alarmTopic,
    });
  }
}

/**
 * Validates the sources file at synth with the harvester's own schema (a bad file never deploys), and
 * warns about sources no Lambda can reach (loopback or .example hosts, as in dev/sources.json).
 */
function checkSources(scope: Construct, file: string): void {
  let sources: ReturnType<typeof loadSources>;
  try {
    sources = loadSources(file);
  } catch (e) {
    throw new ConfigError(
      `${(e as Error).message}\nPass the sources file with -c sources=<path> (default dev/sources.json).`,
    );
  }
  const unreachable = sources.filter((s) => /^(localhost|127\.|\[::1\])|\.example$/.test(new URL(s.baseUrl).hostname));
  if (unreachable.length) {
    Annotations.of(scope).addWarningV2(
      'inspraak:sourcesUnreachable',
      `${unreachable.length} of ${sources.length} sources in ${file} point at hosts a Lambda cannot reach (${unreachable
        .slice(0, 3)
        .map((s) => s.baseUrl)
        .join(', ')}…): deploy with -c sources=<the production sources file>.`,
    );
  }
}
