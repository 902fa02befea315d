/**
 * The harvester's Lambda handlers with real-shaped events: the EventBridge Scheduler event queues one
 * SQS message per source; an SQS batch in which one record fails gets a partial batch response.
 */
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenstadSimulator, type OpenstadSimulator } from '../dev/simulators/openstad';
import { ensureRegistry, provinceIndex } from '../services/core/registry';
import { freshTable, type TestDb } from './support/db';
import { PENDING_HARVEST } from '../services/core/model';
import { dynamoHarvestStore } from '../services/harvester/store/HarvestStore';
import { lambdaContext } from './support/events';

const record = (messageId: string, body: string) => ({
  messageId,
  receiptHandle: `AQEB${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1795770000000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1795770000001',
  },
  messageAttributes: {},
  md5OfBody: 'x',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:inspraak-harvest',
  awsRegion: 'eu-west-1',
});

describe('harvester Lambda handlers', () => {
  let sim: OpenstadSimulator;
  let sqs: Server;
  const sent: { QueueUrl: string; Entries: { Id: string; MessageBody: string }[] }[] = [];
  let handlers: {
    scheduleHandler: (e: ScheduledEvent) => Promise<{ queued: number }>;
    workerHandler: (e: SQSEvent, c?: Context) => Promise<SQSBatchResponse>;
  };
  let stdout: jest.SpyInstance;
  let db: TestDb;
  const metrics: string[] = [];

  beforeAll(async () => {
    sim = await startOpenstadSimulator({ municipality: 'GM0518' });
    // A stand-in for SQS's JSON protocol, on loopback: it records SendMessageBatch calls.
    sqs = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const input = JSON.parse(body);
        sent.push(input);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        const md5 = (t: string) => createHash('md5').update(t).digest('hex'); // the SDK checks it
        res.end(
          JSON.stringify({
            Successful: input.Entries.map((e: { Id: string; MessageBody: string }) => ({
              Id: e.Id,
              MessageId: `m-${e.Id}`,
              MD5OfMessageBody: md5(e.MessageBody),
            })),
            Failed: [],
          }),
        );
      });
    });
    await new Promise<void>((r) => sqs.listen(0, '127.0.0.1', () => r()));
    const dir = mkdtempSync(join(tmpdir(), 'inspraak-sources-'));
    const sources = join(dir, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify([
        {
          id: 'gm0518-openstad-ideeen',
          municipality: 'GM0518',
          platform: 'openstad',
          baseUrl: sim.url,
          projectId: 6,
          generation: 'headless',
          requestsPerMinute: 600,
        },
        {
          id: 'gm0518-openstad-begroot',
          municipality: 'GM0518',
          platform: 'openstad',
          baseUrl: sim.url,
          projectId: 7,
          generation: 'headless',
          requestsPerMinute: 600,
        },
      ]),
    );
    db = await freshTable('harvest-lambda');
    await ensureRegistry(db.doc, db.table);
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: db.endpoint,
      INSPRAAK_TABLE: db.table,
      INSPRAAK_SOURCES: sources,
      // The SDK sends to the queue URL's host, so a loopback queue URL reaches the stand-in.
      INSPRAAK_HARVEST_QUEUE_URL: `http://127.0.0.1:${(sqs.address() as { port: number }).port}/123456789012/inspraak-harvest`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    handlers = require('../services/harvester/lambda');
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      metrics.push(String(chunk));
      return true;
    });
  });
  afterAll(async () => {
    stdout?.mockRestore();
    await sim.close();
    await new Promise((r) => sqs.close(r));
  });

  it('queues one message per source for the scheduled event', async () => {
    const event: ScheduledEvent = {
      version: '0',
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '123456789012',
      time: '2026-11-27T09:00:00Z',
      region: 'eu-west-1',
      resources: ['arn:aws:scheduler:eu-west-1:123456789012:schedule/default/inspraak-harvest'],
      detail: {},
    };
    expect(await handlers.scheduleHandler(event)).toEqual({ queued: 2 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.QueueUrl).toMatch(/\/123456789012\/inspraak-harvest$/);
    expect(sent[0]!.Entries.map((e) => JSON.parse(e.MessageBody))).toEqual([
      { sourceId: 'gm0518-openstad-ideeen' },
      { sourceId: 'gm0518-openstad-begroot' },
    ]);
  });

  it('harvests each message of a batch and reports only the failed ones', async () => {
    const result = await handlers.workerHandler(
      {
        Records: [
          record('a', JSON.stringify({ sourceId: 'gm0518-openstad-begroot' })),
          record('b', JSON.stringify({ sourceId: 'gm9999-unknown' })),
          record('c', 'not json'),
        ],
      },
      lambdaContext,
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] });
    const emf = metrics
      .flatMap((m) => {
        try {
          return [JSON.parse(m)];
        } catch {
          return []; // jest's own console output
        }
      })
      .filter((m) => m._aws);
    expect(emf).toEqual([expect.objectContaining({ SourceId: 'gm0518-openstad-begroot' })]);
    expect(emf[0].HarvestAgeSeconds).toBeLessThan(10); // measured from the start of the harvest that just succeeded
  });

  it('queues a retire message for a registered source the file no longer names, and the worker retires it', async () => {
    await dynamoHarvestStore(db, provinceIndex()).registerSource(
      { id: 'gm0518-old-site', name: 'Oud', municipalityCode: 'GM0518', platform: 'OPENSTAD', baseUrl: sim.url },
      PENDING_HARVEST,
    );
    sent.length = 0;
    expect(await handlers.scheduleHandler({ time: '2026-11-27T10:00:00Z' } as ScheduledEvent)).toEqual({ queued: 3 });
    const bodies = sent.flatMap((s) => s.Entries.map((e) => JSON.parse(e.MessageBody)));
    expect(bodies).toContainEqual({ sourceId: 'gm0518-old-site', retire: true });
    expect(bodies.filter((b) => b.retire)).toHaveLength(1);

    const result = await handlers.workerHandler(
      { Records: [record('r', JSON.stringify({ sourceId: 'gm0518-old-site', retire: true }))] },
      lambdaContext,
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect((await dynamoHarvestStore(db, provinceIndex()).getSource('gm0518-old-site'))!.harvest.state).toBe('RETIRED');
    // Retired once is enough: the next schedule queues no retire message for it.
    sent.length = 0;
    expect(await handlers.scheduleHandler({ time: '2026-11-27T11:00:00Z' } as ScheduledEvent)).toEqual({ queued: 2 });
  });
});
