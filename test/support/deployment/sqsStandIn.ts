/**
 * A stand-in for Amazon SQS on loopback, speaking the AWS JSON 1.0 protocol that @aws-sdk/client-sqs
 * sends (`X-Amz-Target: AmazonSQS.<Operation>`), for the operations Inspraak and the harness use:
 * SendMessage(Batch), ReceiveMessage, DeleteMessage(Batch), GetQueueAttributes. Written here because
 * the npm emulators that install without Docker (sqslite, sqs-mock) speak only the older Query (XML)
 * protocol, which today's SDK no longer sends, and ElasticMQ needs a JVM jar from outside npm.
 * Queues are in-memory, one per URL path; visibility timeouts are not modelled (the harness receives
 * and deletes in one step, as Lambda's event source mapping does on success).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface QueuedMessage {
  MessageId: string;
  ReceiptHandle: string;
  Body: string;
  MD5OfBody: string;
  SentTimestamp: number;
  ReceiveCount: number;
}

export interface SqsStandIn {
  /** The endpoint to give the SDK (AWS_ENDPOINT_URL_SQS). */
  endpoint: string;
  /** The URL of the queue named `name` (created on first use). */
  queueUrl(account: string, name: string): string;
  /** Messages waiting in the queue with this URL. */
  waiting(url: string): QueuedMessage[];
  close(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export async function startSqsStandIn(): Promise<SqsStandIn> {
  const queues = new Map<string, QueuedMessage[]>();
  const queueOf = (url: unknown) => {
    const path = new URL(String(url)).pathname;
    const q = queues.get(path);
    if (!q)
      throw Object.assign(new Error(`The specified queue does not exist: ${String(url)}`), {
        type: 'AWS.SimpleQueueService.NonExistentQueue',
      });
    return q;
  };
  const send = (q: QueuedMessage[], body: string): QueuedMessage => {
    const m = {
      MessageId: randomUUID(),
      ReceiptHandle: randomUUID(),
      Body: body,
      MD5OfBody: md5(body),
      SentTimestamp: Date.now(),
      ReceiveCount: 0,
    };
    q.push(m);
    return m;
  };
  // One case per operation (AWS JSON 1.0: the operation is named in X-Amz-Target, the input is the body).
  const operate = (op: string, i: Record<string, any>): unknown => {
    switch (op) {
      case 'SendMessage': {
        const m = send(queueOf(i.QueueUrl), i.MessageBody);
        return { MessageId: m.MessageId, MD5OfMessageBody: m.MD5OfBody };
      }
      case 'SendMessageBatch': {
        const q = queueOf(i.QueueUrl);
        if (!Array.isArray(i.Entries) || i.Entries.length === 0 || i.Entries.length > 10)
          throw Object.assign(new Error('A batch holds 1 to 10 entries.'), {
            type: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
          });
        return {
          Successful: i.Entries.map((e: { Id: string; MessageBody: string }) => {
            const m = send(q, e.MessageBody);
            return { Id: e.Id, MessageId: m.MessageId, MD5OfMessageBody: m.MD5OfBody };
          }),
          Failed: [],
        };
      }
      case 'ReceiveMessage': {
        const taken = queueOf(i.QueueUrl).slice(0, Math.min(Number(i.MaxNumberOfMessages ?? 1), 10));
        for (const m of taken) m.ReceiveCount++;
        return {
          Messages: taken.map((m) => ({
            MessageId: m.MessageId,
            ReceiptHandle: m.ReceiptHandle,
            Body: m.Body,
            MD5OfBody: m.MD5OfBody,
            Attributes: { ApproximateReceiveCount: String(m.ReceiveCount), SentTimestamp: String(m.SentTimestamp) },
          })),
        };
      }
      case 'DeleteMessage':
        remove(queueOf(i.QueueUrl), i.ReceiptHandle);
        return {};
      case 'DeleteMessageBatch': {
        const q = queueOf(i.QueueUrl);
        for (const e of i.Entries as { ReceiptHandle: string }[]) remove(q, e.ReceiptHandle);
        return { Successful: (i.Entries as { Id: string }[]).map((e) => ({ Id: e.Id })), Failed: [] };
      }
      case 'GetQueueAttributes':
        return { Attributes: { ApproximateNumberOfMessages: String(queueOf(i.QueueUrl).length) } };
      default:
        throw Object.assign(new Error(`Unsupported operation ${op}`), {
          type: 'AWS.SimpleQueueService.UnsupportedOperation',
        });
    }
  };
  const remove = (q: QueuedMessage[], receiptHandle: string) => {
    const at = q.findIndex((m) => m.ReceiptHandle === receiptHandle);
    if (at >= 0) q.splice(at, 1);
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      try {
        if (!target.startsWith('AmazonSQS.'))
          throw Object.assign(new Error(`Unsupported operation ${target}`), {
            type: 'AWS.SimpleQueueService.UnsupportedOperation',
          });
        res.end(JSON.stringify(operate(target.slice('AmazonSQS.'.length), JSON.parse(body || '{}'))));
      } catch (e) {
        const err = e as Error & { type?: string };
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: err.type ?? 'InvalidParameterValue', message: err.message }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    queueUrl(account, name) {
      const path = `/${account}/${name}`;
      if (!queues.has(path)) queues.set(path, []);
      return `${endpoint}${path}`;
    },
    waiting: (url) => queueOf(url),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
