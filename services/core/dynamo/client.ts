/** Builds the DynamoDB clients. Only composition roots call this. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { noteRoundTrip } from './roundTrips';

export interface DynamoConfig {
  region: string;
  /** DynamoDB Local's URL in the sandbox and tests; unset on AWS. */
  endpoint?: string | undefined;
}

export interface Dynamo {
  raw: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

export function createDynamo(config: DynamoConfig): Dynamo {
  const raw = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  });
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  // Each command is one round trip (retries aside); requests log how many they made.
  doc.middlewareStack.add((next) => (args) => (noteRoundTrip(), next(args)), {
    step: 'initialize',
    name: 'countRoundTrips',
  });
  return { raw, doc };
}
