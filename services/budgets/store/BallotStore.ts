import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ballotsOf, ballotsPartition } from '../../core/dynamo/ballotItems';
import type { TableAccess } from '../../core/dynamo/loader';
import type { AnonymousBallots } from '../../core/model';

/** The anonymous ballots of budgets, in the domain's words. */
export interface BallotStore {
  /** The budget's stored ballots, or null when none are stored. */
  ofBudget(budgetId: string): Promise<AnonymousBallots | null>;
}

export function dynamoBallotStore(db: TableAccess): BallotStore {
  return {
    ofBudget: async (budgetId) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.doc.send(
          new QueryCommand({
            TableName: db.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': ballotsPartition(budgetId) },
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return ballotsOf(items);
    },
  };
}
