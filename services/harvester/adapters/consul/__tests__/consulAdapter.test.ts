import {
  startConsulSimulator,
  type ConsulSimulator,
  type ConsulSimulatorOptions,
} from '../../../../../dev/simulators/consul';
import { budgetProjectSchema, budgetSchema, proposalSchema } from '../../../../core/model';
import type { RecordIssue } from '../../../adapter';
import { sourceSchema as consulSourceSchema } from '../sourceSchema';
import { PaginationError, UpstreamHttpError, UpstreamSchemaError } from '../../../errors';
import { PoliteHttpClient, type Query } from '../../../http/HttpClient';
import { consulAdapter } from '../index';

const harvestedAt = '2026-11-26T02:00:00.000Z';
let sim: ConsulSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Starts a simulator and harvests it, recording every GraphQL body sent. */
async function harvest(
  options: ConsulSimulatorOptions,
  config: Record<string, unknown> = {},
  prepare?: (s: ConsulSimulator & { http: PoliteHttpClient }) => void,
) {
  sim = await startConsulSimulator({ listen: false, ...options });
  const http = new PoliteHttpClient({
    baseUrl: sim.url,
    timeoutMs: 2000,
    maxResponseBytes: 5_000_000,
    requestsPerMinute: 6000,
    retries: 1,
    backoffMs: 10,
    fetch: sim.fetch,
  });
  prepare?.(Object.assign(sim, { http }));
  const bodies: unknown[] = [];
  const post = http.postJson.bind(http);
  http.postJson = (path, body) => {
    bodies.push(body);
    return post(path, body);
  };
  const municipality = options.municipality ?? 'GM0106';
  const source = consulSourceSchema.parse({
    id: `${municipality.toLowerCase()}-consul`,
    platform: 'consul',
    municipality,
    baseUrl: sim.url,
    votesForProposalSuccess: 300,
    ...config,
  });
  const issues: RecordIssue[] = [];
  const run = consulAdapter.harvest({ source, http, harvestedAt, report: (i) => issues.push(i) });
  return { run, issues, bodies, sim };
}

const ids = (records: { provenance: { upstreamId: string } }[]) => records.map((r) => r.provenance.upstreamId);

describe('consulAdapter against a simulated CONSUL 2.4.1 (Assen)', () => {
  it('harvests every public proposal, budget and investment of the seed, valid against the unified model', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' });
    const result = await run;
    expect(issues).toEqual([]);
    expect(result.platformVersion).toBe('2.4.1');
    // 161 is hidden by a moderator, so the API never serves it (docs/upstreams/consul.md §6).
    expect(ids(result.proposals)).toEqual(['112', '118', '125', '131', '140', '147', '153', '158']);
    for (const p of result.proposals) proposalSchema.parse(p);
    for (const b of result.budgets) budgetSchema.parse(b);
    for (const p of result.projects) budgetProjectSchema.parse(p);
    expect(
      Object.fromEntries(
        result.proposals.map((p) => [p.provenance.upstreamId, [p.status, p.platformStatus?.code ?? null]]),
      ),
    ).toEqual({
      112: ['OPEN', null],
      118: ['SHORTLISTED', null],
      125: ['CLOSED', null],
      131: ['WITHDRAWN', 'retired:duplicated'],
      140: ['OPEN', null],
      147: ['WITHDRAWN', 'retired:unfeasible'],
      153: ['OPEN', null],
      158: ['OPEN', null],
    });
    const p112 = result.proposals.find((p) => p.id === 'gm0106-consul:proposal:112');
    expect(p112).toMatchObject({
      title: 'Meer bankjes in het Asserbos',
      createdAt: '2026-03-14T10:00:00.000Z',
      supportCount: 87,
      commentCount: 6,
      area: 'Centrum',
      tags: [
        { name: 'Groen', kind: 'THEME' },
        { name: 'ouderen', kind: 'FREE' },
      ],
      url: `${sim!.url}/proposals/112`,
    });
    expect(result.proposals.find((p) => p.id.endsWith(':153'))?.area).toBeNull();
    expect(result.proposals.find((p) => p.id.endsWith(':158'))?.body.html).not.toContain('<script');
  });

  it('places investments in their budgets and reads winners and ballots from the results page', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' });
    const { budgets, projects } = await run;
    expect(issues).toEqual([]);
    expect(budgets.map((b) => [b.id, b.phase, b.platformPhase])).toEqual([
      ['gm0106-consul:budget:3', 'FINISHED', 'finished'],
      ['gm0106-consul:budget:4', 'VOTING', 'balloting'],
    ]);
    const summary = Object.fromEntries(
      projects.map((p) => [
        p.provenance.upstreamId,
        [p.budgetId.split(':')[2], p.cost?.amountMinor ?? null, p.voteCount, p.selected],
      ]),
    );
    expect(summary).toEqual({
      // docs/upstreams/consul.md §5.2 "Winners": greedy by ballots within € 100.000; 277 and 279 no longer fit.
      274: ['3', 3_800_000, 402, true],
      275: ['3', 4_500_000, 377, true],
      276: ['3', 850_000, 355, true],
      277: ['3', 1_200_000, 301, false],
      278: ['3', 600_000, 250, true],
      279: ['3', 2_200_000, 199, false],
      280: ['3', 9_500_000, null, false],
      281: ['3', null, null, false],
      301: ['4', 3_000_000, null, null],
      302: ['4', 4_800_000, null, null],
      303: ['4', 950_000, null, null],
      304: ['4', 1_500_000, null, null],
      305: ['4', null, null, null],
      306: ['4', null, null, null],
      307: ['4', 700_000, null, null],
    });
    expect(projects.filter((p) => p.budgetId.endsWith(':4')).map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("takes each budget's amount as its knapsack total and the balloting days the page identifies", async () => {
    const knapsack = { votingStyle: 'knapsack' };
    const { run } = await harvest({ municipality: 'GM0106' }, { budgets: { 3: knapsack, 4: knapsack } });
    const { budgets } = await run;
    expect(
      budgets.map((b) => [
        b.id,
        b.total?.amountMinor,
        b.votingRule.kind,
        b.votingRule.maxTotal?.amountMinor,
        b.votingPeriod,
      ]),
    ).toEqual([
      // Nine phases shown: balloting is the seventh, July 2025 (summer time).
      [
        'gm0106-consul:budget:3',
        10_000_000,
        'APPROVAL_WITHIN_BUDGET',
        10_000_000,
        { start: '2025-06-30T22:00:00.000Z', end: '2025-07-31T21:59:59.999Z' },
      ],
      // Eight phases shown, but balloting is the current one: November 2026 (winter time).
      [
        'gm0106-consul:budget:4',
        12_000_000,
        'APPROVAL_WITHIN_BUDGET',
        12_000_000,
        { start: '2026-10-31T23:00:00.000Z', end: '2026-11-30T22:59:59.999Z' },
      ],
    ]);
  });

  it('keeps requests few and never asks for more than 25 rows', async () => {
    const { run, bodies, sim: s } = await harvest({ municipality: 'GM0106' });
    await run;
    // consul.json, the schema probe, proposals, one proposals index page (images), budgets, investments, two
    // budget pages, one results page, …
    expect(s.requests.length).toBe(11);
    expect(s.requests.filter((r) => r.path === '/proposals')).toHaveLength(1);
    for (const b of bodies) {
      const firsts = [...JSON.stringify(b).matchAll(/first: (\d+)/g)].map((m) => Number(m[1]));
      for (const f of firsts) expect(f).toBeLessThanOrEqual(25);
    }
  });

  it('crawls several pages of 25, following endCursor, and deduplicates repeated rows', async () => {
    const { run } = await harvest({ municipality: 'GM0106' }, {}, (s) => {
      const extra = Array.from({ length: 55 }, (_, i) => ({ ...s.seed.proposals[0]!, id: 2000 + i }));
      // Row 2000 twice, as an unordered relation can repeat a row across pages (docs/upstreams/consul.md §8 note 4).
      s.seed = { ...s.seed, proposals: [...s.seed.proposals, ...extra, extra[0]!] };
    });
    const result = await run;
    expect(result.proposals).toHaveLength(8 + 55);
    expect(new Set(ids(result.proposals)).size).toBe(63);
  });
});

describe('consulAdapter: proposal images from the proposals index (docs/upstreams/consul.md §6.1)', () => {
  it("attaches the index card's image on the installation's own host, alt the proposal title, and nothing else", async () => {
    const { run, issues, sim: s } = await harvest({ municipality: 'GM0106' });
    const result = await run;
    expect(issues).toEqual([]);
    const imagesOf = (id: string) => result.proposals.find((p) => p.provenance.upstreamId === id)!.images;
    expect(imagesOf('112')).toEqual([
      {
        url: `${s.url}/rails/active_storage/representations/redirect/eyJfcmFpbHMiOnsiZGF0YSI6MTEyfX0/eyJfcmFpbHMiOnsiZGF0YSI6InRodW1iIn19/bankje.jpg`,
        alt: 'Meer bankjes in het Asserbos',
      },
    ]);
    // 140's image is on another host (a CDN): left out, never fetched.
    expect(imagesOf('140')).toEqual([]);
    expect(result.proposals.filter((p) => p.images.length > 0).map((p) => p.provenance.upstreamId)).toEqual(['112']);
    for (const p of result.proposals) proposalSchema.parse(p);
    // The image URLs were only read from the page, never requested.
    expect(s.requests.some((r) => r.path.startsWith('/rails/') || r.path.includes('hondenveld'))).toBe(false);
  });

  it('reads only as many index pages as needed: it stops at the last (short) page or once every proposal was seen', async () => {
    const fresh = (n: number) => (s: ConsulSimulator) => {
      const base = s.seed.proposals[1]!; // 118, no image
      const proposals = Array.from({ length: n }, (_, i) => ({
        ...base,
        id: 3000 + i,
        createdAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
        ...(i === 0 && { image: { path: '/system/images/3000/thumb.jpg', title: 'x' } }),
      }));
      s.seed = { ...s.seed, proposals };
    };
    const indexPages = (x: ConsulSimulator) => x.requests.filter((r) => r.path === '/proposals').map((r) => r.query);
    const a = await harvest({ municipality: 'GM0106' }, {}, fresh(60));
    const r60 = await a.run;
    // 60 listed, 25 a page: pages 1, 2 and the short page 3; the oldest (3000) is on page 3.
    expect(indexPages(a.sim).map((q) => new URLSearchParams(q).get('page'))).toEqual(['1', '2', '3']);
    expect(r60.proposals.find((p) => p.provenance.upstreamId === '3000')!.images).toHaveLength(1);
    await a.sim.close();
    const b = await harvest({ municipality: 'GM0106' }, {}, fresh(50));
    await b.run;
    // 50 listed: every proposal was seen after two full pages, so no empty third page is asked for.
    expect(indexPages(b.sim)).toHaveLength(2);
  });

  it('a proposals page that is not the index: proposals still harvested without images, one issue reported', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' }, {}, (s) => {
      const get = s.http.getText.bind(s.http);
      s.http.getText = (path: string, query?: Query) =>
        path === 'proposals' ? Promise.resolve('<html><body><p>Onderhoud</p></body></html>') : get(path, query);
    });
    const result = await run;
    expect(ids(result.proposals)).toEqual(['112', '118', '125', '131', '140', '147', '153', '158']);
    expect(result.proposals.every((p) => p.images.length === 0)).toBe(true);
    expect(issues).toEqual([
      {
        kind: 'proposal',
        upstreamId: null,
        message: expect.stringMatching(/^CONSUL \/proposals index \(UPSTREAM_SCHEMA_ERROR\): page 1 is not/),
      },
    ]);
  });

  it('an index page failing over HTTP leaves the images of earlier pages and reports the failure', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' }, {}, (s) => {
      const get = s.http.getText.bind(s.http);
      s.http.getText = (path: string, query?: Query) =>
        path === 'proposals' ? Promise.reject(new UpstreamHttpError(500, 'CONSUL answered 500')) : get(path, query);
    });
    const result = await run;
    expect(result.proposals).toHaveLength(8);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('(UPSTREAM_HTTP_ERROR)')]);
  });
});

describe('consulAdapter against a simulated CONSUL 2.4.1 (Tilburg, nl and en)', () => {
  it('crawls once per locale and keeps real translations only', async () => {
    const { run, issues, sim: s } = await harvest({ municipality: 'GM0855' }, { locales: ['nl', 'en'] });
    const result = await run;
    expect(issues).toEqual([]);
    const p58 = result.proposals.find((p) => p.id === 'gm0855-consul:proposal:58')!;
    expect(p58.locale).toBe('nl');
    expect(p58.title).toBe('Overdekte fietsenstalling in de Spoorzone');
    expect(p58.translations.map((t) => [t.locale, t.title])).toEqual([
      ['nl', 'Overdekte fietsenstalling in de Spoorzone'],
      ['en', 'Covered bicycle parking in the Spoorzone'],
    ]);
    expect(result.proposals.find((p) => p.id.endsWith(':63'))!.translations.map((t) => t.locale)).toEqual(['nl']);
    expect(s.requests.filter((r) => r.query.includes('locale=en'))).toHaveLength(1);
  });

  it('reads every heading of a multi-heading results page and pages the investments index by ten', async () => {
    const { run, issues, sim: s } = await harvest({ municipality: 'GM0855' });
    const { budgets, projects } = await run;
    expect(issues).toEqual([]);
    // Budget 6 is not published (drafting), so neither it nor its investment 420 is served (docs/upstreams/consul.md §3.4).
    // Each budget has two headings, so each heading is its own Budget (docs/data-model.md §3.2).
    expect(ids(budgets)).toEqual(['4-21', '4-22', '5-23', '5-25']);
    expect(projects.some((p) => p.provenance.upstreamId === '420')).toBe(false);
    const winners = projects.filter((p) => p.selected).map((p) => p.provenance.upstreamId);
    // 382 does not fit Noord's € 75.000 after 380 and 381; 385 is incompatible.
    expect(winners).toEqual(['380', '381', '383', '384', '386']);
    const inBudget = (key: string) => projects.filter((p) => p.budgetId === `gm0855-consul:budget:${key}`);
    expect(inBudget('4-21').map((p) => p.provenance.upstreamId)).toEqual(['380', '381', '382', '383']);
    expect(inBudget('5-23').map((p) => p.provenance.upstreamId)).toEqual(['402', '404', '406', '408', '410', '412']);
    expect(inBudget('5-25')).toHaveLength(6);
    // The index card's image, on the installation's own host; the placeholder of the others is not an image.
    expect(projects.find((p) => p.provenance.upstreamId === '402')!.images).toEqual([
      {
        url: `${s.url}/rails/active_storage/representations/redirect/eyJfcmFpbHMiOnsiZGF0YSI6NDAyfX0/eyJfcmFpbHMiOnsiZGF0YSI6InRodW1iIn19/leijpark.jpg`,
        alt: 'Toestellen voor buitenfitness in het Leijpark',
      },
    ]);
    expect(projects.find((p) => p.provenance.upstreamId === '404')!.images).toEqual([]);
    expect([...inBudget('5-23'), ...inBudget('5-25')].every((p) => p.cost === null && p.selected === null)).toBe(true);
    // Each heading's index is read with its heading_id; Zuid of 2026, whose index would cost most, gets what
    // is left (docs/data-model.md §3.7).
    expect(
      s.requests
        .filter((r) => r.path === '/budgets/5/investments')
        .map((r) => new URLSearchParams(r.query).get('heading_id')),
    ).toEqual(['23', '25']);
    expect(s.requests.some((r) => r.path === '/budgets/4/investments' && r.query.includes('heading_id=22'))).toBe(
      false,
    );
  });

  it('reads each heading amount, the currency and the balloting days from the budget pages', async () => {
    const { run } = await harvest(
      { municipality: 'GM0855' },
      { budgets: { 4: { votingStyle: 'approval', maxBallotLines: 3 } } },
    );
    const { budgets } = await run;
    const view = Object.fromEntries(
      budgets.map((b) => [
        b.provenance.upstreamId,
        [b.title, b.total?.amountMinor ?? null, b.total?.currency ?? null, b.votingRule.kind, b.votingRule.maxProjects],
      ]),
    );
    expect(view).toEqual({
      '4-21': ['Tilburg Begroot 2026 – Tilburg-Noord', 7_500_000, 'EUR', 'CHOOSE_K', 3],
      '4-22': ['Tilburg Begroot 2026 – Tilburg-Zuid', 7_500_000, 'EUR', 'CHOOSE_K', 3],
      // hide_money: the page shows no amount, so none is stated (docs/upstreams/consul.md §5.4 item 5).
      '5-23': ['Tilburg Begroot 2027 – Centrum', null, null, 'UNKNOWN', null],
      '5-25': ['Tilburg Begroot 2027 – Reeshof', null, null, 'UNKNOWN', null],
    });
    // All nine phases shown: balloting is the seventh, April 2026 in Amsterdam time.
    expect(budgets[0]!.votingPeriod).toEqual({ start: '2026-03-31T22:00:00.000Z', end: '2026-04-30T21:59:59.999Z' });
    expect(budgets[2]!.votingPeriod).toBeNull();
  });

  it('fails the source with UpstreamSchemaError naming the page when a budget page is not one', async () => {
    const { run } = await harvest({ municipality: 'GM0855' }, {}, (s) => {
      const get = s.http.getText.bind(s.http);
      // A maintenance page answered with 200 where the budget page should be.
      s.http.getText = (path, query) =>
        path === 'budgets/5' ? Promise.resolve('<html><body><p>Onderhoud</p></body></html>') : get(path, query);
    });
    await expect(run).rejects.toThrow(
      new UpstreamSchemaError('CONSUL /budgets/5 is not a CONSUL budget page: no budget header or #budget_info'),
    );
  });
});

describe('consulAdapter against a simulated CONSUL 2.2.0', () => {
  it('detects the older generation and harvests proposals only', async () => {
    const { run, sim: s } = await harvest({ municipality: 'GM0106', generation: '2.2.0' });
    const result = await run;
    expect(result.platformVersion).toBe('2.2.0');
    expect(result.proposals).toHaveLength(8);
    expect(result.budgets).toEqual([]);
    expect(result.projects).toEqual([]);
    expect(s.requests.some((r) => r.path.startsWith('/budgets'))).toBe(false);
  });

  it('trusts the schema over a release string a fork left unchanged', async () => {
    const { run } = await harvest({ municipality: 'GM0106', generation: '2.2.0', release: '2.4.1' });
    const result = await run;
    expect(result.platformVersion).toBe('1.5.0-2.2.0');
    expect(result.budgets).toEqual([]);
  });
});

describe('consulAdapter when things go wrong', () => {
  it('throws UpstreamSchemaError naming the field when an upgrade renamed it (drift)', async () => {
    // Drift renames Proposal.cachedVotesUp: the whole query is rejected by validation, so no proposal at all
    // can be read. That is a source-level failure, not a record one (docs/upstreams/consul.md §2: HTTP 200 with errors).
    const { run } = await harvest({ municipality: 'GM0106' }, {}, (s) => s.setFault({ kind: 'drift' }));
    await expect(run).rejects.toThrow(UpstreamSchemaError);
    await expect(run).rejects.toThrow(/cachedVotesUp/);
  });

  it('throws PaginationError when the installation serves the same cursor again', async () => {
    const { run } = await harvest({ municipality: 'GM0106' }, {}, (s) => s.setFault({ kind: 'paginationLoop' }));
    await expect(run).rejects.toThrow(PaginationError);
  });

  it('reports and skips a proposal with a malformed field while the rest arrives', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' }, {}, (s) => {
      s.seed.proposals[1] = { ...s.seed.proposals[1]!, publicCreatedAtRaw: 'gisteren om drie uur' };
    });
    const result = await run;
    expect(issues).toEqual([
      { kind: 'proposal', upstreamId: '118', message: expect.stringMatching(/publicCreatedAt/) },
    ]);
    expect(ids(result.proposals)).toEqual(['112', '125', '131', '140', '147', '153', '158']);
  });

  it('reports and skips an investment with a price that is not a whole number', async () => {
    const { run, issues } = await harvest({ municipality: 'GM0106' }, {}, (s) => {
      const i = s.seed.investments.findIndex((x) => x.id === 302);
      s.seed.investments[i] = { ...s.seed.investments[i]!, price: '48.000,00' };
    });
    const result = await run;
    expect(issues).toEqual([{ kind: 'project', upstreamId: '302', message: expect.stringMatching(/price/) }]);
    expect(result.projects).toHaveLength(14);
  });

  it("reads HTML through the client's getText and reports investments it cannot place when the index is missing", async () => {
    sim = await startConsulSimulator({ listen: false, municipality: 'GM0106' });
    const base = sim.url;
    const texts: string[] = [];
    const http = Object.assign(
      new PoliteHttpClient({
        baseUrl: base,
        timeoutMs: 2000,
        maxResponseBytes: 5_000_000,
        requestsPerMinute: 6000,
        retries: 1,
        backoffMs: 10,
        fetch: sim.fetch,
      }),
      {
        async getText(path: string, query: Query = {}) {
          texts.push(path);
          // A fork that removed the investments index: only the results page is left (docs/upstreams/consul.md §8 note 13).
          if (path.endsWith('/investments')) throw new UpstreamHttpError(404, `GET /${path} answered HTTP 404`);
          const url = new URL(path, `${base}/`);
          for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
          return (await sim!.fetch(url)).text();
        },
      },
    );
    const source = consulSourceSchema.parse({
      id: 'gm0106-consul',
      platform: 'consul',
      municipality: 'GM0106',
      baseUrl: base,
    });
    const issues: RecordIssue[] = [];
    const result = await consulAdapter.harvest({ source, http, harvestedAt, report: (i) => issues.push(i) });
    expect(texts).toContain('budgets/3/results');
    expect(ids(result.projects)).toEqual(['274', '275', '276', '277', '278', '279']);
    expect(issues.map((i) => [i.kind, i.upstreamId])).toEqual(
      ['280', '281', '301', '302', '303', '304', '305', '306', '307'].map((id) => ['project', id]),
    );
  });

  it('skips budgets when /consul.json says the budgets process is off', async () => {
    const { run, sim: s } = await harvest({ municipality: 'GM0106' }, {}, (x) => {
      x.seed = { ...x.seed, features: { ...x.seed.features, budgets: null } };
    });
    const result = await run;
    expect(result.budgets).toEqual([]);
    expect(result.proposals).toHaveLength(8);
    expect(s.requests.some((r) => r.path.startsWith('/budgets'))).toBe(false);
  });
});
