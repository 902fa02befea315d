/**
 * The search snapshot job on AWS (its own schedule, beside the harvest's): restores the index from the
 * last snapshot in S3, catches it up from the change feed (or, the first time, loads it from DynamoDB),
 * and writes the new snapshot back. Whatever serves search restores from that object at init
 * (services/search/subgraph.ts) instead of reading every item from DynamoDB on a request's path.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { parseConfig } from '../core/config';
import { searchSnapshotJobConfigSchema } from './config';
import { createDynamo } from '../core/dynamo/client';
import { log } from '../core/log';
import { downloadSnapshot, snapshotS3, uploadSnapshot } from './snapshotStore';
import { searchIndexOver } from './subgraph';

const config = parseConfig(searchSnapshotJobConfigSchema, process.env);
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const s3 = snapshotS3(config.AWS_REGION);
const at = { bucket: config.INSPRAAK_SEARCH_SNAPSHOT_BUCKET, key: config.INSPRAAK_SEARCH_SNAPSHOT_KEY };

export async function handler(event: Partial<ScheduledEvent>): Promise<{ items: number; bytes: number; from: string }> {
  const started = Date.now();
  const previous = '/tmp/inspraak-search.previous';
  const had = await downloadSnapshot(await s3, at, previous);
  const index = searchIndexOver(
    { doc, table: config.INSPRAAK_TABLE },
    { overlapMs: config.INSPRAAK_SEARCH_OVERLAP_MS, ...(had && { snapshotPath: previous }) },
  );
  const engine = await index.load();
  const next = '/tmp/inspraak-search.next';
  await index.saveSnapshot(next);
  const bytes = await uploadSnapshot(await s3, at, next);
  const out = { items: engine.size, bytes, from: had ? 'snapshot' : 'dynamodb' };
  log.info('search snapshot written', { ...out, time: event.time, ms: Date.now() - started });
  return out;
}
