/**
 * The bootstrap handler as CloudFormation calls it: Create, Update and Delete events, with the answer
 * PUT to a response URL (here a loopback server standing in for the pre-signed S3 URL).
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../core/dynamo/items';
import { freshTable, type TestDb } from '../../../test/support/db';
import { bootstrapVersion } from '../steps';

type Handler = (e: CloudFormationCustomResourceEvent) => Promise<void>;

describe('the deploy-time bootstrap', () => {
  let db: TestDb;
  let server: Server;
  let url: string;
  const answers: Record<string, unknown>[] = [];
  let handler: Handler;

  const event = (RequestType: 'Create' | 'Update' | 'Delete', table: string) =>
    ({
      RequestType,
      ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:bootstrap',
      ResponseURL: `${url}/response?X-Amz-Signature=x`,
      StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/inspraak-data/1',
      RequestId: `req-${answers.length}`,
      LogicalResourceId: 'TableBootstrapRun',
      ResourceType: 'Custom::InspraakBootstrap',
      ResourceProperties: { ServiceToken: 'x', TableName: table, Version: bootstrapVersion() },
      ...(RequestType !== 'Create' && { PhysicalResourceId: `${table}/bootstrap`, OldResourceProperties: {} }),
    }) as CloudFormationCustomResourceEvent;

  beforeAll(async () => {
    db = await freshTable('bootstrap');
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        answers.push({ method: req.method, ...JSON.parse(body) });
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.DYNAMODB_ENDPOINT = db.endpoint;
    process.env.INSPRAAK_TABLE = db.table;
    handler = (require('../lambda') as { handler: Handler }).handler;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const municipality = async (code: string) =>
    (await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.municipality(code) }))).Item?.doc?.name;

  it('writes the registry on Create and answers SUCCESS to the response URL', async () => {
    await handler(event('Create', db.table));
    expect(answers.at(-1)).toMatchObject({
      method: 'PUT',
      Status: 'SUCCESS',
      PhysicalResourceId: `${db.table}/bootstrap`,
      LogicalResourceId: 'TableBootstrapRun',
      Data: { 'registry.written': 342 },
    });
    expect(await municipality('GM0363')).toBe('Amsterdam');
  });

  it('writes nothing on an Update when the registry is already there', async () => {
    await handler(event('Update', db.table));
    expect(answers.at(-1)).toMatchObject({ Status: 'SUCCESS', Data: { 'registry.written': 0 } });
  });

  it('keeps the data on Delete', async () => {
    await handler(event('Delete', db.table));
    expect(answers.at(-1)).toMatchObject({ Status: 'SUCCESS' });
  });

  it('answers FAILED with the reason when the table cannot be written, so the deployment rolls back', async () => {
    await db.dynamo.raw.send(new DeleteTableCommand({ TableName: db.table }));
    await handler(event('Update', db.table));
    expect(answers.at(-1)).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/ResourceNotFound/) });
  });
});
