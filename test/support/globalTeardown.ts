import type { DynamoLocal } from '../../dev/dynamoLocal';

/** Stops the run's DynamoDB Local (jest calls this once per tier; the first call stops it). */
export default async function globalTeardown() {
  const g = globalThis as { __ddb?: DynamoLocal };
  const ddb = g.__ddb;
  g.__ddb = undefined;
  await ddb?.stop();
}
