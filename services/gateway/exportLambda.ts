/**
 * The export job on AWS: on its own schedule (every 15 minutes, infra/constructs/ExportJob.ts) it reads
 * the data version and the last export's manifest and, when an export is due (exportJob.ts,
 * `exportDue`: the version moved and has settled), writes every export to the bucket with a gateway
 * running every subgraph in this process. An event `{ "force": true }` exports whatever the version.
 *
 * Why a schedule, not a trigger from the harvest: a harvest is one message per source on a queue, with
 * no event that says the whole run is over; exporting after each source's harvest would export
 * everything once per source. The data version says whether anything changed, so a run that finds it
 * where the manifest left it costs one GetItem and one GetObject.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../core/config';
import { createDynamo } from '../core/dynamo/client';
import { readDataVersion } from '../core/dynamo/dataVersion';
import { log } from '../core/log';
import { exportJobConfigSchema } from './config';
import { exportDue, writeExports } from './exportJob';
import { s3ExportStore } from './exportStore';
import { createGatewayServer, dataSources, supergraphSdl } from './gateway';

const config = parseConfig(exportJobConfigSchema, process.env);
const { doc } = createDynamo({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const db = { doc, table: config.INSPRAAK_TABLE };
// No fetch cache: the job reads each item once.
const apollo = createGatewayServer({
  supergraphSdl: supergraphSdl(config.INSPRAAK_SUPERGRAPH),
  dataSources: dataSources(db, config),
  partnerTimeoutMs: config.INSPRAAK_SUBGRAPH_TIMEOUT_MS,
});
const started = apollo.start();
const store = s3ExportStore(new S3Client({ region: config.AWS_REGION }), config.INSPRAAK_EXPORT_BUCKET);

export interface ExportRun {
  exported: boolean;
  reason: string | null;
  dataVersion: number;
  files?: Record<string, { items: number; bytes: number }>;
  budgetFiles?: number;
}

export async function handler(event: Partial<ScheduledEvent> & { force?: boolean }): Promise<ExportRun> {
  await started;
  const t0 = Date.now();
  const version = await readDataVersion(db);
  const previous = await store.readManifest();
  const reason = event.force
    ? 'forced'
    : exportDue(version, previous, Date.now(), config.INSPRAAK_EXPORT_SETTLE_MS, config.INSPRAAK_HARVEST_INTERVAL_MS);
  if (!reason) {
    log.info('export: not due', { dataVersion: version.value, exported: previous?.dataVersion });
    return { exported: false, reason: null, dataVersion: version.value };
  }
  const dir = await mkdtemp(join(tmpdir(), 'inspraak-export-'));
  try {
    const manifest = await writeExports(apollo, store, dir, version.value, previous);
    await store.writeManifest(manifest);
    const run = {
      exported: true,
      reason,
      dataVersion: version.value,
      files: manifest.files,
      budgetFiles: manifest.budgetFiles.length,
    };
    log.info('export written', { ...run, ms: Date.now() - t0 });
    return run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
