/** Starts one DynamoDB Local for the whole test run; each test file makes its own tables in it. */
import { startDynamoLocal } from '../../dev/dynamoLocal';

export default async function globalSetup() {
  const ddb = await startDynamoLocal();
  process.env.TEST_DYNAMODB_ENDPOINT = ddb.endpoint;
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  process.env.LOG_LEVEL ??= 'silent';
  (globalThis as { __ddb?: typeof ddb }).__ddb = ddb;
}
