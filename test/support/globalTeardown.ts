import type { DynamoLocal } from '../../dev/dynamoLocal';

export default async function globalTeardown() {
  await (globalThis as { __ddb?: DynamoLocal }).__ddb?.stop();
}
