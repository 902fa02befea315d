/**
 * The one DynamoDB table, built from services/core/dynamo/table.ts (`tableDefinition`, `INDEXES`), the
 * same definition the sandbox and the tests create, so there is one source of truth for keys and indexes.
 * On demand, point-in-time recovery, deletion protection, and retained when its stack is deleted.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  type GlobalSecondaryIndexProps,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { INDEXES, tableDefinition } from '../../services/core/dynamo/table';
import { InvariantError } from '../../services/core/errors';

/** The table's definition as CreateTable parameters; the name is CloudFormation's to choose. */
const definition = tableDefinition('inspraak');

function attribute(name: string) {
  const def = definition.AttributeDefinitions.find((a) => a.AttributeName === name);
  if (!def) throw new InvariantError(`tableDefinition has no attribute definition for key "${name}".`);
  return {
    name,
    type: { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY }[def.AttributeType],
  };
}

function keyOf(
  schema: readonly { AttributeName?: string | undefined; KeyType?: string | undefined }[],
  type: 'HASH' | 'RANGE',
) {
  const name = schema.find((k) => k.KeyType === type)?.AttributeName;
  return name === undefined ? undefined : attribute(name);
}

/** The GSIs of tableDefinition, as CDK props (key names and projections exactly as defined there). */
export function globalSecondaryIndexes(): GlobalSecondaryIndexProps[] {
  return definition.GlobalSecondaryIndexes.map((gsi) => {
    const partitionKey = keyOf(gsi.KeySchema ?? [], 'HASH');
    if (!gsi.IndexName || !partitionKey)
      throw new InvariantError(`tableDefinition has an index without a name or partition key.`);
    const sortKey = keyOf(gsi.KeySchema ?? [], 'RANGE');
    const p = gsi.Projection;
    const projection: Pick<GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> =
      p?.ProjectionType === 'INCLUDE'
        ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...(p.NonKeyAttributes ?? [])] }
        : p?.ProjectionType === 'KEYS_ONLY'
          ? { projectionType: ProjectionType.KEYS_ONLY }
          : { projectionType: ProjectionType.ALL };
    return { indexName: gsi.IndexName, partitionKey, ...(sortKey && { sortKey }), ...projection };
  });
}

export class InspraakTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: { tableName: string }) {
    super(scope, id);
    const partitionKey = keyOf(definition.KeySchema, 'HASH')!;
    const sortKey = keyOf(definition.KeySchema, 'RANGE');
    this.table = new Table(this, 'Table', {
      // A fixed name: the other stacks find the table by it, and a retained table is never duplicated.
      tableName: props.tableName,
      partitionKey,
      ...(sortKey && { sortKey }),
      billingMode: definition.BillingMode === 'PAY_PER_REQUEST' ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of globalSecondaryIndexes()) this.table.addGlobalSecondaryIndex(gsi);
    // A guard against the definition and INDEXES drifting apart (both live in table.ts).
    const names = definition.GlobalSecondaryIndexes.map((g) => g.IndexName).sort();
    if (names.join() !== Object.keys(INDEXES).sort().join())
      throw new InvariantError(`tableDefinition's indexes (${names.join()}) differ from INDEXES.`);
  }
}
