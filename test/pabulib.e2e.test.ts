/**
 * Real elections, end to end: each Amsterdam and Assen file in ../shared/data/pabulib is loaded into a
 * simulated OpenStad installation as a budgeting project (a resource per project, `budget` = cost,
 * `yes` = votes, `maxBudget` = the election's budget), harvested, and read back through the gateway.
 * The files are read from ../shared/data at test time and never copied into the repository.
 */
import { unthrottledHarvestDeps } from './support/unthrottledHarvest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOpenstadSimulator, type OpenstadSimulator } from '../dev/simulators/openstad';
import { equalShares, equalSharesAdd1 } from '../services/budgets/outcome/equalShares';
import { greedyByVotes } from '../services/budgets/outcome/greedy';
import { checkPabulib } from '../services/budgets/pabulib/check';
import { metaValue, parsePabulib, projectRecords } from '../services/core/pabulib/parse';
import { ensureRegistry } from '../services/core/registry';
import { parseSources } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';

const DATA = join(__dirname, '..', '..', 'shared', 'data', 'pabulib');
const FILES = readdirSync(DATA).filter((f) => /^Netherlands_(Amsterdam|Assen)_.*\.pb$/.test(f));
const MUNICIPALITY: Record<string, string> = { Amsterdam: 'GM0363', Assen: 'GM0106' };

interface Election {
  file: string;
  sourceId: string;
  projectId: number;
  budget: number;
  projects: { id: string; cost: number; votes: number; name: string }[];
  voters: number;
}

describe('real Pabulib elections through a simulated OpenStad installation', () => {
  const sims: OpenstadSimulator[] = [];
  const elections: Election[] = [];
  let gw: TestGateway;

  beforeAll(async () => {
    const db = await freshTable('pabulib');
    await ensureRegistry(db.doc, db.table);
    const configs = [];
    for (const [i, file] of FILES.entries()) {
      const pb = parsePabulib(readFileSync(join(DATA, file), 'utf8'));
      const projects = projectRecords(pb).map((p) => ({
        id: p.project_id!,
        cost: Number(p.cost),
        votes: Number(p.votes),
        name: p.name!,
      }));
      const budget = Number(metaValue(pb, 'budget'));
      const projectId = 100 + i;
      const sim = await startOpenstadSimulator({
        seed: {
          note: `Loaded from Pabulib ${file} (licence unstated; read at test time only).`,
          projects: [
            {
              id: projectId,
              name: file.replace('.pb', '').toLowerCase(),
              title: metaValue(pb, 'description')!,
              config: {
                votes: { voteType: 'budgeting', isViewable: true, isActive: false, minBudget: 1, maxBudget: budget },
                project: { projectHasEnded: true },
              },
              voterCount: Number(metaValue(pb, 'num_votes')),
              // The published ballots, served as OpenStad's public vote list (one `yes` row per choice).
              ballots: (pb.votes?.rows ?? []).map((r) => r[pb.votes!.columns.indexOf('vote')]!.split(',').map(Number)),
              resources: projects.map((p) => ({ id: Number(p.id), title: p.name, budget: p.cost, yes: p.votes })),
            },
          ],
        },
      });
      sims.push(sim);
      const unit = metaValue(pb, 'unit')!;
      const sourceId = `pabulib-${i}`;
      configs.push({
        id: sourceId,
        municipality: MUNICIPALITY[unit]!,
        platform: 'openstad',
        baseUrl: sim.url,
        projectId,
        generation: 'headless',
        // OpenStad computes no winners; Amsterdam decides greedily, as these files' `rule` says.
        outcomeRule: metaValue(pb, 'rule'),
      });
      elections.push({ file, sourceId, projectId, budget, projects, voters: pb.votes?.rows.length ?? 0 });
    }
    const deps = unthrottledHarvestDeps(db);
    const reports = await harvestAll(deps, parseSources(configs, 'test'));
    expect(reports.map((r) => [r.sourceId, r.state])).toEqual(configs.map((c) => [c.id, 'OK']));
    gw = await startTestGateway(db);
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
    await Promise.all(sims.map((s) => s.close()));
  });

  it('found the Amsterdam and Assen files', () => {
    expect(FILES.length).toBe(11);
  });

  it.each(FILES)('%s: every project, cost and vote count arrives unchanged', async (file) => {
    const e = elections.find((x) => x.file === file)!;
    const id = `${e.sourceId}:budget:${e.projectId}`;
    const { json } = await gw.post({
      query: `query($id: ID!) { budget(id: $id) { total { amountMinor currency } voterCount phase
        projects(first: 100) { edges { node { title cost { amountMinor currency } voteCount provenance { upstreamId } } } pageInfo { hasNextPage } } } }`,
      variables: { id },
    });
    expect(json.errors).toBeUndefined();
    const b = json.data.budget;
    expect(b.total).toEqual({ amountMinor: e.budget * 100, currency: 'EUR' });
    expect(b.phase).toBe('FINISHED');
    expect(b.projects.pageInfo.hasNextPage).toBe(false);
    const got = b.projects.edges.map((x: any) => [
      x.node.provenance.upstreamId,
      x.node.cost.amountMinor,
      x.node.voteCount,
      x.node.title,
    ]);
    const want = e.projects.map((p) => [p.id, p.cost * 100, p.votes, p.name.replace(/\s+/g, ' ').trim()]);
    expect(got.sort()).toEqual(want.sort());
  });

  it.each(FILES.filter((f) => f.includes('Amsterdam')))(
    '%s: the declared greedy outcome through the gateway is what the rule function computes directly',
    async (file) => {
      const e = elections.find((x) => x.file === file)!;
      const { json } = await gw.post({
        query: `{ budget(id: "${e.sourceId}:budget:${e.projectId}") { outcome { basis rule provisional selected { provenance { upstreamId } } } } }`,
      });
      const expected = greedyByVotes(
        e.projects.map((p) => ({ id: p.id, cost: p.cost, votes: p.votes })),
        e.budget,
      );
      expect(json.data.budget.outcome).toMatchObject({
        basis: 'COMPUTED',
        rule: 'GREEDY_BY_VOTES',
        provisional: false,
      });
      expect(json.data.budget.outcome.selected.map((p: any) => p.provenance.upstreamId).sort()).toEqual(
        [...expected].sort(),
      );
    },
  );

  it('decides Assen by Equal Shares with Add1 from its anonymous ballots, as Assen did', async () => {
    const e = elections.find((x) => x.file.includes('Assen'))!;
    const { json } = await gw.post({
      query: `{ budget(id: "${e.sourceId}:budget:${e.projectId}") { ballotCount outcomeRule { pabulibRule statedBy }
        outcome { basis rule selected { provenance { upstreamId } } } outcomeUnavailable { reason } } }`,
    });
    const pb = parsePabulib(readFileSync(join(DATA, e.file), 'utf8'));
    const funded = projectRecords(pb)
      .filter((p) => p.selected === '1')
      .map((p) => p.project_id!);
    expect(json.data.budget).toMatchObject({
      ballotCount: 84,
      outcomeRule: { pabulibRule: 'equalshares/add1', statedBy: 'SOURCE_DECLARATION' },
      outcome: { basis: 'COMPUTED', rule: 'EQUAL_SHARES_ADD1' },
      outcomeUnavailable: null,
    });
    expect(json.data.budget.outcome.selected.map((p: any) => p.provenance.upstreamId).sort()).toEqual(funded.sort());
    expect(funded).toHaveLength(9);
  });

  describe('exports', () => {
    // Fetched back to back first: the checks below take seconds on the large files, longer than the
    // gateway keeps an idle connection open.
    const exported = new Map<string, { text: string; selected: string[] }>();
    beforeAll(async () => {
      for (const e of elections) {
        const { json } = await gw.post({
          query: `{ budget(id: "${e.sourceId}:budget:${e.projectId}") { pabulib outcome { selected { provenance { upstreamId } } } } }`,
        });
        exported.set(e.file, {
          text: json.data.budget.pabulib,
          selected: json.data.budget.outcome.selected.map((p: any) => p.provenance.upstreamId),
        });
      }
    }, 60_000);

    it.each(FILES)('%s: the export passes the checker and its recomputed outcome is the API’s', (file) => {
      const { text, selected } = exported.get(file)!;
      // The OpenStad simulator publishes no voting dates, so those two (and nothing else) are missing.
      expect(checkPabulib(text).errors).toEqual([
        "meta field 'date_begin' is required but missing",
        "meta field 'date_end' is required but missing",
      ]);
      const out = parsePabulib(text);
      expect(out.votes!.rows).toHaveLength(elections.find((x) => x.file === file)!.voters);
      expect(recompute(out).sort()).toEqual([...selected].sort());
    });
  });
});

/** The winners a .pb file's own rule gives on the file's own data. */
function recompute(file: ReturnType<typeof parsePabulib>): string[] {
  const budget = Number(metaValue(file, 'budget'));
  const projects = projectRecords(file).map((p) => ({
    id: p.project_id!,
    cost: Number(p.cost),
    votes: Number(p.votes),
  }));
  const vote = file.votes!.columns.indexOf('vote');
  const ballots = file.votes!.rows.map((r) => r[vote]!.split(','));
  switch (metaValue(file, 'rule')) {
    case 'equalshares/add1':
      return equalSharesAdd1({ projects, ballots, budget }, 'approval');
    case 'equalshares':
      return equalShares({ projects, ballots, budget }, 'approval');
    case 'greedy':
      return greedyByVotes(projects, budget);
    default:
      throw new Error(`no recomputation for rule ${metaValue(file, 'rule')}`);
  }
}
