/**
 * Pabulib as a platform: all twelve real files in ../shared/data/pabulib harvested as `pabulib` sources
 * (over HTTP from a simulated file host, and from a local directory named relative to the sources file),
 * then read back through the gateway the way a client reads them. The files are read at test time and
 * never copied into the repository.
 */
import { unthrottledHarvestDeps } from './support/unthrottledHarvest';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type PabulibSimulator, startPabulibSimulator } from '../dev/simulators/pabulib';
import { inventedElection } from '../dev/simulators/pabulib/buildPabulibSeed';
import { checkPabulib } from '../services/budgets/pabulib/check';
import { metaValue, parsePabulib, projectRecords } from '../services/core/pabulib/parse';
import { writePabulib } from '../services/core/pabulib/write';
import { ensureRegistry } from '../services/core/registry';
import { loadSources, parseSources } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';

const DATA = join(__dirname, '..', '..', 'shared', 'data', 'pabulib');
const FILES = readdirSync(DATA).filter((f) => f.endsWith('.pb'));
const byUnit = (unit: string) => FILES.filter((f) => f.includes(`_${unit}_`));
/** The source of each file: Amsterdam and Łódź over HTTP, Assen from the local directory. */
const SOURCE_OF = (file: string) =>
  file.includes('_Assen_') ? 'pb-assen' : file.includes('_Amsterdam_') ? 'pb-amsterdam' : 'pb-lodz';

/**
 * A POST on a connection of its own: the big exports keep this process busy for seconds, long enough for
 * the server to drop an idle kept-alive connection just as fetch reuses it (ECONNRESET).
 */
function postOnce(url: string, body: unknown): Promise<{ json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('Pabulib files as a source', () => {
  let sim: PabulibSimulator;
  let gw: TestGateway;
  let reports: Awaited<ReturnType<typeof harvestAll>>;
  const dir = mkdtempSync(join(tmpdir(), 'inspraak-pabulib-'));

  beforeAll(async () => {
    const db = await freshTable('pabulib-source');
    await ensureRegistry(db.doc, db.table);
    sim = await startPabulibSimulator({ dir: DATA });
    // A directory of invented files beside the sources file: one good, one broken on line 21 (its third project).
    const good = writePabulib(inventedElection(30));
    const lines = good.split('\n');
    lines[20] = `${lines[20]};an extra field`;
    writeFileSync(join(dir, 'good.pb'), good);
    writeFileSync(join(dir, 'broken.pb'), lines.join('\n'));
    const sourcesFile = join(dir, 'sources.json');
    writeFileSync(
      sourcesFile,
      JSON.stringify([
        {
          id: 'pb-assen',
          municipality: 'GM0106',
          platform: 'pabulib',
          baseUrl: relative(dir, DATA), // relative to the sources file
          files: byUnit('Assen'),
        },
        { id: 'pb-mixed', municipality: 'GM0106', platform: 'pabulib', baseUrl: '.', files: ['broken.pb', 'good.pb'] },
      ]),
    );
    const http = { requestsPerMinute: 600 };
    const sources = [
      ...parseSources(
        [
          {
            id: 'pb-amsterdam',
            municipality: 'GM0363',
            platform: 'pabulib',
            baseUrl: sim.url,
            files: byUnit('Amsterdam'),
            ...http,
          },
          // Łódź is not a Dutch municipality; the model knows only CBS codes, so this test files it under Utrecht.
          {
            id: 'pb-lodz',
            municipality: 'GM0344',
            platform: 'pabulib',
            baseUrl: `${sim.url}/`,
            files: byUnit('Lodz'),
            ...http,
          },
        ],
        'test',
      ),
      ...loadSources(sourcesFile),
    ];
    const deps = unthrottledHarvestDeps(db);
    reports = await harvestAll(deps, sources);
    gw = await startTestGateway(db);
  }, 60_000);
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it('reads all twelve files, over HTTP and from a directory relative to the sources file', () => {
    expect(FILES).toHaveLength(12);
    expect(Object.fromEntries(reports.map((r) => [r.sourceId, [r.state, r.counts.budgets]]))).toEqual({
      'pb-amsterdam': ['OK', 10],
      'pb-assen': ['OK', 1],
      'pb-lodz': ['OK', 1],
      'pb-mixed': ['DEGRADED', 1],
    });
    // Every file but the local ones came through the simulated host, one request each.
    expect(sim.requests.map((r) => decodeURIComponent(r.path.slice(1))).sort()).toEqual(
      [...byUnit('Amsterdam'), ...byUnit('Lodz')].sort(),
    );
  });

  it('reports a broken file with its line and code in the source status, and the other file still arrives', async () => {
    const { json } = await gw.post({
      query: `{ source(id: "pb-mixed") { platform harvest { state lastError itemCounts { budgets budgetProjects } } } }`,
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.source).toMatchObject({
      platform: 'PABULIB',
      harvest: { state: 'DEGRADED', itemCounts: { budgets: 1, budgetProjects: 8 } },
    });
    expect(json.data.source.harvest.lastError).toMatch(/broken\.pb: PABULIB_FORMAT_INVALID line 21: expected 5 fields/);
  });

  it("publishes an HTTP source's base URL, and no path on the harvesting machine for a local directory", async () => {
    const { json } = await gw.post({
      query: '{ a: source(id: "pb-amsterdam") { baseUrl } b: source(id: "pb-assen") { baseUrl } }',
    });
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({ a: { baseUrl: sim.url }, b: { baseUrl: null } });
  });

  it.each(FILES)('%s: projects, votes, ballots, rule and outcome arrive as the file states them', async (file) => {
    const pb = parsePabulib(readFileSync(join(DATA, file), 'utf8'));
    const projects = projectRecords(pb);
    const id = `${SOURCE_OF(file)}:budget:${file.replace(/\.pb$/, '')}`;
    const { json } = await postOnce(gw.url, {
      query: `query($id: ID!) { budget(id: $id) {
        phase voterCount ballotCount total { amountMinor currency }
        outcomeRule { pabulibRule threshold statedBy }
        outcome { basis selected { provenance { upstreamId } } }
        projects(first: 100) { pageInfo { hasNextPage } edges { node { cost { amountMinor } voteCount provenance { upstreamId } } } }
        pabulib } }`,
      variables: { id },
    });
    expect(json.errors).toBeUndefined();
    const b = json.data.budget;
    const key = (pid: string) => `${file.replace(/\.pb$/, '')}/${pid}`;
    expect(b.phase).toBe('FINISHED');
    expect(b.total).toEqual({
      amountMinor: Number(metaValue(pb, 'budget')) * 100,
      currency: metaValue(pb, 'currency'),
    });
    expect(b.projects.pageInfo.hasNextPage).toBe(false);
    expect(
      b.projects.edges.map((e: any) => [e.node.provenance.upstreamId, e.node.cost.amountMinor, e.node.voteCount]),
    ).toEqual(projects.map((p) => [key(p.project_id!), Math.round(Number(p.cost) * 100), Number(p.votes)]));
    expect(b.voterCount).toBe(Number(metaValue(pb, 'num_votes')));
    expect(b.ballotCount).toBe(pb.votes!.rows.length);
    expect(b.outcomeRule).toEqual({
      pabulibRule: metaValue(pb, 'rule'),
      threshold: metaValue(pb, 'min_project_score_threshold')
        ? Number(metaValue(pb, 'min_project_score_threshold'))
        : null,
      statedBy: 'PLATFORM',
    });
    if (pb.projects.columns.includes('selected')) {
      const selected = projects.filter((p) => p.selected === '1').map((p) => key(p.project_id!));
      expect(b.outcome.selected.map((p: any) => p.provenance.upstreamId).sort()).toEqual(selected.sort());
    }
    // The export re-parses (the checker parses it first), passes the checker, and keeps every project
    // and ballot; where it writes `selected`, the checker recomputes the stated rule from the exported
    // ballots and agrees.
    expect(checkPabulib(b.pabulib).errors).toEqual([]);
    const [, projectLines = '', voteLines = ''] = (b.pabulib as string).split(/^(?:PROJECTS|VOTES)\n/m);
    expect(
      projectLines
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';')[0]),
    ).toEqual(projects.map((p) => p.project_id));
    expect(voteLines.trim().split('\n')).toHaveLength(pb.votes!.rows.length + 1);
  });
});
