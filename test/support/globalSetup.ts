/**
 * Starts one DynamoDB Local for the whole test run; each test file makes its own tables in it. The db and
 * e2e tiers both name this file (jest.config.js): jest calls it once per tier, so a second call reuses the
 * running instance.
 */
import { startDynamoLocal } from '../../dev/dynamoLocal';

export default async function globalSetup() {
  const g = globalThis as { __ddb?: Awaited<ReturnType<typeof startDynamoLocal>> };
  g.__ddb ??= await startDynamoLocal();
  process.env.TEST_DYNAMODB_ENDPOINT = g.__ddb.endpoint;
}
