/** A fresh table in the test run's DynamoDB Local, with a client that counts its round trips. */
import { randomUUID } from 'node:crypto';
import { createDynamo, type Dynamo } from '../../services/core/dynamo/client';
import type { TableAccess } from '../../services/core/dynamo/loader';
import { ensureTable } from '../../services/core/dynamo/table';

export interface TestDb extends TableAccess {
  dynamo: Dynamo;
  endpoint: string;
  /** DynamoDB commands sent since the last reset, by command name. */
  calls: string[];
}

export async function freshTable(prefix = 'test'): Promise<TestDb> {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error(
      'No DynamoDB Local in this test tier: a test that needs the database is named *.db.test.ts ' +
        '(or *.e2e.test.ts), see jest.config.js; run it through jest (npm test, npm run test:db).',
    );
  const dynamo = createDynamo({ region: 'eu-west-1', endpoint });
  const calls: string[] = [];
  dynamo.doc.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const table = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.raw, table);
  return { dynamo, doc: dynamo.doc, table, endpoint, calls };
}
