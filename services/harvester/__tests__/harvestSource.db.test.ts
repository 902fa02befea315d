/**
 * The harvest of one source on DynamoDB Local, for what only the table shows: the subgraphs' stores read
 * what the run wrote, an unchanged crawl sends no write command, and the change feed. The run's logic is
 * tested on the in-memory store (harvestSource.test.ts); the store itself by its contract.
 */
import { anOpenstadSourceConfig, scriptedHarvestDeps } from '../../../test/support/scriptedHarvest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { aBudget, aProject, aProposal } from '../../../test/support/builders';
import { freshTable, type TestDb } from '../../../test/support/db';
import type { Proposal } from '../../core/model';
import { ensureRegistry } from '../../core/registry';
import { dynamoSourceStore } from '../../municipalities/store/SourceStore';
import { dynamoProposalStore } from '../../proposals/store/ProposalStore';
import type { HarvestResult, PlatformAdapter } from '../adapter';
import { type SourceConfig } from '../config';
import { harvestSource, type HarvestDeps } from '../harvestSource';

const source = anOpenstadSourceConfig();

describe('harvesting one source into DynamoDB', () => {
  let db: TestDb;
  let deps: HarvestDeps;
  let clock = Date.UTC(2026, 0, 1);
  let crawl: HarvestResult;
  const adapter: PlatformAdapter<SourceConfig> = {
    platform: 'openstad',
    harvest: async (ctx) => ({
      ...crawl,
      proposals: crawl.proposals.map((p) => ({ ...p, provenance: { ...p.provenance, harvestedAt: ctx.harvestedAt } })),
    }),
  };
  const crawlOf = (proposals: Proposal[], extra: Partial<HarvestResult> = {}): HarvestResult => ({
    platformVersion: 'headless',
    proposals,
    budgets: [],
    projects: [],
    ...extra,
  });

  beforeEach(async () => {
    db = await freshTable('harvest');
    await ensureRegistry(db.doc, db.table);
    deps = scriptedHarvestDeps(db, adapter, () => new Date(clock));
  });

  it('writes a crawl the subgraphs list, and records the source', async () => {
    const budget = aBudget(1);
    crawl = crawlOf(
      [1, 2, 3].map((n) => aProposal(n)),
      { budgets: [budget], projects: [aProject(budget, 0)] },
    );
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'OK', written: 5 });
    const listed = await dynamoProposalStore(db).list({ provinceCode: 'PV27' }, 'OLDEST', { first: 10, after: null });
    expect(listed.items.map((i) => i.node.title)).toEqual(['Voorstel 1', 'Voorstel 2', 'Voorstel 3']);
    expect(await dynamoSourceStore(db).byId.load(source.id)).toMatchObject({
      platform: 'OPENSTAD',
      platformVersion: 'headless',
      harvest: { state: 'OK', itemCounts: { proposals: 3, budgets: 1, budgetProjects: 1 } },
    });
  });

  it('sends no item write when a second crawl finds the same content', async () => {
    crawl = crawlOf([1, 2, 3].map((n) => aProposal(n)));
    await harvestSource(deps, source);
    clock += 60_000;
    db.calls.length = 0;
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'OK', written: 0, unchanged: 3 });
    expect(db.calls.filter((c) => /Transact|BatchWrite|PutItem/.test(c))).toEqual([]);
  });

  it('lists the items of a kind in the change feed by their latest change, removals included', async () => {
    crawl = crawlOf([aProposal(1), aProposal(2)]);
    await harvestSource(deps, source);
    clock += 60_000;
    crawl = crawlOf([{ ...aProposal(1), title: 'changed' }]);
    await harvestSource(deps, source);
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'byChange',
        KeyConditionExpression: 'changeKey = :k',
        ExpressionAttributeValues: { ':k': 'CHANGE#proposal' },
      }),
    );
    // Each item appears once, at its latest change: both changed at the second harvest.
    expect(out.Items!.map((i) => [i.changedAt, i.doc.title, i.removed])).toEqual([
      [`${new Date(clock).toISOString()}#${aProposal(1).id}`, 'changed', false],
      [`${new Date(clock).toISOString()}#${aProposal(2).id}`, 'Voorstel 2', true],
    ]);
  });
});
