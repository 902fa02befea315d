/** Writes records into a test table through the same item layout the harvester will use. */
import { batchPut } from '../../services/core/dynamo/batchWrite';
import { ballotItems } from '../../services/core/dynamo/ballotItems';
import { advanceDataVersion } from '../../services/core/dynamo/dataVersion';
import { budgetItem, projectItem, proposalItem, sourceItem } from '../../services/core/dynamo/items';
import type { TableAccess } from '../../services/core/dynamo/loader';
import type { AnonymousBallots, Budget, BudgetProject, Proposal, Source } from '../../services/core/model';
import { provinceIndex } from '../../services/core/registry';

const provinces = provinceIndex();

export async function seed(
  db: TableAccess,
  records: {
    sources?: Source[];
    proposals?: Proposal[];
    budgets?: Budget[];
    projects?: BudgetProject[];
    ballots?: AnonymousBallots[];
  },
) {
  await batchPut(db.doc, db.table, [
    ...(records.sources ?? []).map(sourceItem),
    ...(records.proposals ?? []).map((p) => proposalItem(p, provinces.get(p.municipalityCode)!)),
    ...(records.budgets ?? []).map(budgetItem),
    ...(records.projects ?? []).map(projectItem),
    ...(records.ballots ?? []).flatMap(ballotItems),
  ]);
  // Like every writer, the seed advances the data version, so the gateway's cache sees the change.
  await advanceDataVersion(db);
}
