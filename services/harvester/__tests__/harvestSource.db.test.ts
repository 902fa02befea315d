/** The harvest of one source on DynamoDB Local, with a scripted adapter standing in for an installation. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../core/dynamo/items';
import type { Proposal } from '../../core/model';
import { ensureRegistry, provinceIndex } from '../../core/registry';
import { dynamoProposalStore } from '../../proposals/store/ProposalStore';
import { dynamoSourceStore } from '../../municipalities/store/SourceStore';
import { aBudget, aProject, aProposal } from '../../../test/support/builders';
import { freshTable, type TestDb } from '../../../test/support/db';
import { everyPlatform } from '../../../test/support/fakes/everyPlatform';
import type { HarvestContext, HarvestResult, PlatformAdapter } from '../adapter';
import { parseSources, type SourceConfig } from '../config';
import { harvestSource, type HarvestDeps } from '../harvestSource';
import type { HttpClient } from '../http/HttpClient';
import { acquireLease, existingItems, writeItems } from '../store/HarvestStore';
import { planWrites } from '../plan';
import { proposalItem } from '../../core/dynamo/items';

const [source] = parseSources(
  [
    {
      id: 'gm0363-openstad',
      name: 'Amsterdam Begroot',
      municipality: 'GM0363',
      platform: 'openstad',
      baseUrl: 'http://127.0.0.1:9',
      projectId: 1,
      generation: 'headless',
    },
  ],
  'test',
) as [SourceConfig];

describe('harvesting one source', () => {
  let db: TestDb;
  let script: (ctx: HarvestContext) => Promise<HarvestResult>;
  let deps: HarvestDeps;
  let clock = Date.UTC(2026, 10, 1);
  const adapter: PlatformAdapter<SourceConfig> = { platform: 'openstad', harvest: (ctx) => script(ctx) };
  const crawl =
    (proposals: Proposal[], extra: Partial<HarvestResult> = {}) =>
    async () => ({ platformVersion: 'headless', proposals, budgets: [], projects: [], ...extra });
  const listed = async () =>
    (
      await dynamoProposalStore(db).list({ municipalityCode: 'GM0363' }, 'OLDEST', { first: 100, after: null })
    ).items.map((i) => i.node);
  const status = async () => (await dynamoSourceStore(db).byId.load(source.id))!.harvest;

  beforeEach(async () => {
    db = await freshTable('harvest');
    await ensureRegistry(db.doc, db.table);
    clock += 3_600_000;
    deps = {
      db,
      provinces: provinceIndex(),
      adapters: everyPlatform(adapter),
      http: () => ({}) as HttpClient,
      now: () => new Date(clock),
    };
  });

  const three = [1, 2, 3].map((n) => aProposal(n));

  it('writes a first crawl, registers the source and records its status', async () => {
    const budget = aBudget(1);
    script = crawl(three, { budgets: [budget], projects: [aProject(budget, 0), aProject(budget, 1)] });
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({ state: 'OK', written: 6, unchanged: 0, tombstoned: 0, error: null });
    expect((await listed()).map((p) => p.title)).toEqual(['Voorstel 1', 'Voorstel 2', 'Voorstel 3']);
    expect(await status()).toMatchObject({
      state: 'OK',
      lastError: null,
      itemCounts: { proposals: 3, budgets: 1, budgetProjects: 2 },
    });
    expect(await dynamoSourceStore(db).byId.load(source.id)).toMatchObject({
      name: 'Amsterdam Begroot',
      platform: 'OPENSTAD',
      platformVersion: 'headless',
    });
  });

  it('writes nothing when a second crawl finds the same content', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    clock += 60_000;
    db.calls.length = 0;
    const second = await harvestSource(deps, source);
    expect(second).toMatchObject({ state: 'OK', written: 0, unchanged: 3, tombstoned: 0 });
    expect(db.calls.filter((c) => /Transact|BatchWrite|PutItem/.test(c))).toEqual([]);
  });

  it('writes only what changed', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = crawl([three[0]!, { ...three[1]!, title: 'Voorstel 2, herzien' }, three[2]!]);
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({ written: 1, unchanged: 2 });
    expect((await listed()).map((p) => p.title)).toEqual(['Voorstel 1', 'Voorstel 2, herzien', 'Voorstel 3']);
  });

  it('tombstones what a complete crawl no longer lists, and lists it again when it returns', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = crawl([three[0]!, three[2]!]);
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'OK', tombstoned: 1, written: 0 });
    expect((await listed()).map((p) => p.id)).toEqual([three[0]!.id, three[2]!.id]);
    const removed = await dynamoProposalStore(db).byId.load(three[1]!.id);
    expect(removed?.removedAt).toBe(new Date(clock).toISOString());
    expect((await status()).itemCounts.proposals).toBe(2);

    script = crawl(three);
    expect(await harvestSource(deps, source)).toMatchObject({ written: 1, tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('keeps every stored item and the last success when the installation fails', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    const before = await status();
    script = async () => {
      throw new Error('GET /api/project/1/resource could not be reached (ECONNREFUSED)');
    };
    const report = await harvestSource(deps, source);
    expect(report).toMatchObject({
      state: 'FAILING',
      written: 0,
      tombstoned: 0,
      error: 'GET /api/project/1/resource could not be reached (ECONNREFUSED)',
    });
    expect(await listed()).toHaveLength(3);
    expect(await status()).toMatchObject({
      state: 'FAILING',
      lastSuccessAt: before.lastSuccessAt,
      lastError: report.error,
      itemCounts: before.itemCounts,
    });
  });

  it('skips a bad record, keeps what is stored for it, and marks the source DEGRADED', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = async (ctx) => {
      ctx.report({ kind: 'proposal', upstreamId: '2', message: 'resource 2: title is missing' });
      return crawl([three[0]!, { ...three[2]!, supportCount: -4 }, aProposal(4)])();
    };
    const report = await harvestSource(deps, source);
    expect(report.state).toBe('DEGRADED');
    expect(report.issues.map((i) => i.message)).toEqual([
      'resource 2: title is missing',
      expect.stringMatching(/^invalid proposal: supportCount/),
    ]);
    // 2 was reported by id and 3 failed validation: both keep their stored versions; 4 is new.
    expect((await listed()).map((p) => p.id)).toEqual([1, 2, 3, 4].map((n) => aProposal(n).id));
    expect(await status()).toMatchObject({
      state: 'DEGRADED',
      lastError: expect.stringMatching(/2 record\(s\) skipped; first: resource 2/),
    });
  });

  it('tombstones nothing of a kind when a record of that kind could not be identified', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    script = async (ctx) => {
      ctx.report({ kind: 'proposal', upstreamId: null, message: 'a resource without an id' });
      return crawl([three[0]!])();
    };
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'DEGRADED', tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('refuses records that claim another source', async () => {
    script = crawl([
      ...three,
      aProposal(9, {
        provenance: { ...aProposal(9).provenance, sourceId: 'gm0518-openstad' },
        id: 'gm0518-openstad:proposal:9',
      }),
    ]);
    const report = await harvestSource(deps, source);
    expect(report.issues).toEqual([
      {
        kind: 'proposal',
        upstreamId: '9',
        message: 'proposal gm0518-openstad:proposal:9 does not belong to source gm0363-openstad',
      },
    ]);
    expect(await listed()).toHaveLength(3);
  });

  it('skips a source another run is harvesting', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    expect(await acquireLease(db, source.id, 'other-run', clock, 60_000)).toBe(true);
    script = crawl([]);
    expect(await harvestSource(deps, source)).toMatchObject({ state: 'SKIPPED', tombstoned: 0 });
    expect(await listed()).toHaveLength(3);
  });

  it('never overwrites an item another run changed after this one read it', async () => {
    script = crawl(three);
    await harvestSource(deps, source);
    const existing = await existingItems(db, source.id, 'proposal');
    const provinces = provinceIndex();
    const mine = planWrites(source.id, 'proposal', [{ ...three[0]!, title: 'mine' }], existing, [], 'x', (p) =>
      proposalItem(p, provinces.get(p.municipalityCode)!),
    );
    const theirs = planWrites(source.id, 'proposal', [{ ...three[0]!, title: 'theirs' }], existing, [], 'x', (p) =>
      proposalItem(p, provinces.get(p.municipalityCode)!),
    );
    expect(
      await writeItems(
        db,
        theirs.writes.filter((w) => w.op === 'put'),
      ),
    ).toEqual({ written: 1, conflicts: [] });
    const outcome = await writeItems(
      db,
      mine.writes.filter((w) => w.op === 'put'),
    );
    expect(outcome).toEqual({ written: 0, conflicts: [three[0]!.id] });
    const stored = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.proposal(three[0]!.id) }));
    expect(stored.Item).toMatchObject({ version: 2, doc: { title: 'theirs' } });
  });
});

describe('the change feed', () => {
  it('lists the items of a kind by their latest change, removals included', async () => {
    const db = await freshTable('feed');
    await ensureRegistry(db.doc, db.table);
    let clock = Date.UTC(2026, 0, 1);
    let proposals = [aProposal(1), aProposal(2)];
    const adapter: PlatformAdapter<SourceConfig> = {
      platform: 'openstad',
      harvest: async (ctx) => ({
        platformVersion: null,
        proposals: proposals.map((p) => ({ ...p, provenance: { ...p.provenance, harvestedAt: ctx.harvestedAt } })),
        budgets: [],
        projects: [],
      }),
    };
    const deps: HarvestDeps = {
      db,
      provinces: provinceIndex(),
      adapters: everyPlatform(adapter),
      http: () => ({}) as HttpClient,
      now: () => new Date(clock),
    };
    await harvestSource(deps, source);
    clock += 60_000;
    proposals = [{ ...aProposal(1), title: 'changed' }];
    await harvestSource(deps, source);
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
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
      [`2026-01-01T00:01:00.000Z#${aProposal(1).id}`, 'changed', false],
      [`2026-01-01T00:01:00.000Z#${aProposal(2).id}`, 'Voorstel 2', true],
    ]);
  });
});
