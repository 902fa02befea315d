/** Builds the DynamoDB clients. Only composition roots call this. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
  return { raw, doc };
}
