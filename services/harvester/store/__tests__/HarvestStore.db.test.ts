/** The HarvestStore contract, against DynamoDB Local: the store the fake stands in for. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { harvestStoreContract } from '../../../../test/support/contracts/harvestStoreContract';
import { freshTable } from '../../../../test/support/db';
import { dynamoBallotStore } from '../../../budgets/store/BallotStore';
import { readDataVersion } from '../../../core/dynamo/dataVersion';
import { budgetOf, keys, projectOf, proposalOf } from '../../../core/dynamo/items';
import { provinceIndex } from '../../../core/registry';
import { dynamoHarvestStore } from '../HarvestStore';

const DECODE = { proposal: proposalOf, budget: budgetOf, project: projectOf };

describe('the DynamoDB harvest store, by the HarvestStore contract', () => {
  harvestStoreContract(async () => {
    const db = await freshTable('harvest-store');
    return {
      store: dynamoHarvestStore(db, provinceIndex()),
      record: async (kind, id) => {
        const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys[kind](id) }));
        return out.Item ? (DECODE[kind](out.Item) as never) : null;
      },
      ballotsOf: (budgetId) => dynamoBallotStore(db).ofBudget(budgetId),
      dataVersion: async () => (await readDataVersion(db)).value,
    };
  });
});
