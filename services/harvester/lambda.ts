/**
 * The harvest on AWS, in two Lambda handlers:
 * - `scheduleHandler`, for the EventBridge Scheduler event: queues one SQS message per configured source, and
 *   one retire message per registered source the sources file no longer names and has not retired yet (retireSource.ts);
 * - `workerHandler`, for SQS batches: harvests each message's source, reporting partial batch failures.
 * A source whose installation fails is not a failed message: its status records the failure and the next
 * schedule tries again. A message fails (and is retried, then dead-lettered) only when it is malformed or
 * the harvest itself broke (e.g. DynamoDB), which is what the dead-letter alarm should catch.
 * The sources file travels with the functions (INSPRAAK_SOURCES). Built once per container.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { ConfigError, DependencyError, InspraakError } from '../core/errors';
import { log } from '../core/log';
import { loadSources } from './config';
import { UnknownSourceError } from './errors';
import { harvestSource } from './harvestSource';
import { harvestAgeMetric } from './metrics';
import { absentSources, retireSource } from './retireSource';
import { dynamoFor, harvestDeps, harvesterConfig } from './runtime';

const config = harvesterConfig();
const sources = config.INSPRAAK_SOURCES ? loadSources(config.INSPRAAK_SOURCES) : [];
const byId = new Map(sources.map((s) => [s.id, s]));
const deps = harvestDeps(dynamoFor(config));
const sqs = new SQSClient({ region: config.AWS_REGION });

const messageSchema = z.object({ sourceId: z.string().min(1), retire: z.literal(true).optional() });

export async function scheduleHandler(event: ScheduledEvent): Promise<{ queued: number }> {
  const queueUrl = config.INSPRAAK_HARVEST_QUEUE_URL;
  if (!queueUrl) throw new ConfigError('INSPRAAK_HARVEST_QUEUE_URL is not set: expected the URL of the harvest queue.');
  const bodies = [
    ...sources.map((s) => ({ sourceId: s.id })),
    ...(await absentSources(deps, sources)).map((sourceId) => ({ sourceId, retire: true as const })),
  ];
  for (let i = 0; i < bodies.length; i += 10) {
    const entries = bodies.slice(i, i + 10).map((b, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(b) }));
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (out.Failed?.length)
      throw new DependencyError(
        'SQS',
        `SQS refused ${out.Failed.length} harvest message(s): ${out.Failed[0]!.Message ?? out.Failed[0]!.Code}`,
      );
  }
  log.info('harvest scheduled', {
    time: event.time,
    sources: sources.length,
    retiring: bodies.length - sources.length,
  });
  return { queued: bodies.length };
}

export async function workerHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = messageSchema.parse(JSON.parse(record.body));
      const source = byId.get(message.sourceId);
      if (message.retire && source) {
        log.info('not retiring a source the sources file names again', { source: source.id });
        continue;
      }
      if (!message.retire && !source) throw new UnknownSourceError(`no source ${message.sourceId} in the sources file`);
      const report = source ? await harvestSource(deps, source) : await retireSource(deps, message.sourceId);
      log.info('harvested', {
        source: report.sourceId,
        state: report.state,
        written: report.written,
        tombstoned: report.tombstoned,
        skipped: report.issues.length,
        error: report.error,
        durationMs: report.durationMs,
      });
      if (report.state !== 'SKIPPED' && report.state !== 'RETIRED')
        process.stdout.write(`${harvestAgeMetric(report, new Date())}\n`);
    } catch (e) {
      log.error('harvest message failed', {
        messageId: record.messageId,
        code: e instanceof InspraakError ? e.code : 'INTERNAL_SERVER_ERROR',
        error: e instanceof Error ? e.message : String(e),
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
