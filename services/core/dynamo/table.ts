/**
 * The one DynamoDB table and its indexes, designed from the access patterns in docs/architecture.md.
 * The list indexes are sparse: an item that should not be listed (a removed proposal) simply lacks
 * their attributes. The by-source index keeps removed items, so a harvest can compare against them. The definition is shared by the sandbox, the tests and the CDK stack.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { waitUntilTableExists } from '@aws-sdk/client-dynamodb';

/** Index name → its partition and sort key attributes. */
export const INDEXES = {
  /** Children of a parent (a municipality's proposals, a budget's projects), in primary order. */
  byParent: { pk: 'parentKey', sk: 'orderKey' },
  /** Children of a parent by rank (supports, votes). */
  byParentRank: { pk: 'parentKey', sk: 'rankKey' },
  /** Items of a kind within a province, in primary order. */
  byProvince: { pk: 'provinceKey', sk: 'orderKey' },
  /** Items of a kind within a province, by rank. */
  byProvinceRank: { pk: 'provinceKey', sk: 'rankKey' },
  /** All items of a kind, in primary order. */
  byKind: { pk: 'kindKey', sk: 'orderKey' },
  /** All items of a kind, by rank. */
  byKindRank: { pk: 'kindKey', sk: 'rankKey' },
  /** Every item harvested from a source, removed ones included: what the harvester compares a crawl with. */
  bySource: { pk: 'sourceKey', sk: 'pk' },
  /** Every write of an item of a kind, in time order, removals included: the feed search indexes from. */
  byChange: { pk: 'changeKey', sk: 'changedAt' },
} as const;
export type IndexName = keyof typeof INDEXES;

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'parentKey',
  'provinceKey',
  'kindKey',
  'orderKey',
  'rankKey',
  'sourceKey',
  'changeKey',
  'changedAt',
] as const;

/** What the harvester needs of an existing item; the by-source index projects only this. */
export const HARVEST_ATTRIBUTES = ['id', 'contentHash', 'version', 'removed'] as const;

/** Parameters of CreateTable: on-demand billing, string keys, every index projecting all attributes. */
export function tableDefinition(tableName: string) {
  const GlobalSecondaryIndexes: GlobalSecondaryIndex[] = Object.entries(INDEXES).map(([IndexName, k]) => ({
    IndexName,
    KeySchema: [
      { AttributeName: k.pk, KeyType: 'HASH' },
      { AttributeName: k.sk, KeyType: 'RANGE' },
    ],
    Projection:
      IndexName === 'bySource'
        ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...HARVEST_ATTRIBUTES] }
        : { ProjectionType: 'ALL' },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' as const },
      { AttributeName: 'sk', KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: KEY_ATTRIBUTES.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    GlobalSecondaryIndexes,
  };
}

/** Creates the table unless it exists, and waits until it is active. For the sandbox and tests. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existed'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  return 'created';
}
