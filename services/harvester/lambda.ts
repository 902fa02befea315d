/**
 * The harvest on AWS, in two Lambda handlers:
 * - `scheduleHandler`, for the EventBridge Scheduler event: queues one SQS message per configured source;
 * - `workerHandler`, for SQS batches: harvests each message's source, reporting partial batch failures.
 * A source whose installation fails is not a failed message: its status records the failure and the next
 * schedule tries again. A message fails (and is retried, then dead-lettered) only when it is malformed or
 * the harvest itself broke (e.g. DynamoDB), which is what the dead-letter alarm should catch.
 * The sources file travels with the functions (INSPRAAK_SOURCES). Built once per container.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { ConfigError } from '../core/errors';
import { log } from '../core/log';
import { loadSources } from './config';
import { harvestSource } from './harvestSource';
import { harvestAgeMetric } from './metrics';
import { dynamoFor, harvestDeps, harvesterConfig } from './runtime';

const config = harvesterConfig();
const sources = config.INSPRAAK_SOURCES ? loadSources(config.INSPRAAK_SOURCES) : [];
const byId = new Map(sources.map((s) => [s.id, s]));
const deps = harvestDeps(dynamoFor(config));
const sqs = new SQSClient({ region: config.AWS_REGION });

const messageSchema = z.object({ sourceId: z.string().min(1) });

export async function scheduleHandler(event: ScheduledEvent): Promise<{ queued: number }> {
  const queueUrl = config.INSPRAAK_HARVEST_QUEUE_URL;
  if (!queueUrl) throw new ConfigError('INSPRAAK_HARVEST_QUEUE_URL is not set: expected the URL of the harvest queue.');
  for (let i = 0; i < sources.length; i += 10) {
    const entries = sources
      .slice(i, i + 10)
      .map((s, j) => ({ Id: String(i + j), MessageBody: JSON.stringify({ sourceId: s.id }) }));
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (out.Failed?.length)
      throw new Error(
        `SQS refused ${out.Failed.length} harvest message(s): ${out.Failed[0]!.Message ?? out.Failed[0]!.Code}`,
      );
  }
  log.info('harvest scheduled', { time: event.time, sources: sources.length });
  return { queued: sources.length };
}

export async function workerHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = messageSchema.parse(JSON.parse(record.body));
      const source = byId.get(message.sourceId);
      if (!source) throw new Error(`no source ${message.sourceId} in the sources file`);
      const report = await harvestSource(deps, source);
      log.info('harvested', {
        source: report.sourceId,
        state: report.state,
        written: report.written,
        tombstoned: report.tombstoned,
        skipped: report.issues.length,
        error: report.error,
        durationMs: report.durationMs,
      });
      if (report.state !== 'SKIPPED') process.stdout.write(`${harvestAgeMetric(report, new Date())}\n`);
    } catch (e) {
      log.error('harvest message failed', {
        messageId: record.messageId,
        error: e instanceof Error ? e.message : String(e),
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
