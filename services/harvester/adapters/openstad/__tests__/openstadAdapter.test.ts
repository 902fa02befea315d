import {
  generateOpenstadSeed,
  startOpenstadSimulator,
  type OpenstadSeed,
  type OpenstadSimulator,
} from '../../../../../dev/simulators/openstad';
import { budgetProjectSchema, budgetSchema, proposalSchema } from '../../../../core/model';
import type { RecordIssue } from '../../../adapter';
import type { OpenstadSourceConfig } from '../../../config';
import { PaginationError, UpstreamSchemaError } from '../../../errors';
import { PoliteHttpClient } from '../../../http/HttpClient';
import { openstadAdapter } from '..';

const harvestedAt = '2026-11-26T02:45:05.540Z';

function source(
  sim: OpenstadSimulator,
  projectId: number,
  extra: Partial<OpenstadSourceConfig> = {},
): OpenstadSourceConfig {
  return {
    id: 'gm0518-openstad',
    platform: 'openstad',
    municipality: 'GM0518',
    baseUrl: sim.url,
    currency: 'EUR',
    timeoutMs: 2000,
    maxResponseBytes: 5_000_000,
    statusMap: {},
    minBallotVoters: 10,
    projectId,
    generation: sim.generation,
    ...extra,
  };
}

async function harvest(sim: OpenstadSimulator, projectId: number, extra: Partial<OpenstadSourceConfig> = {}) {
  const issues: RecordIssue[] = [];
  const http = new PoliteHttpClient({
    baseUrl: sim.url,
    timeoutMs: 2000,
    maxResponseBytes: 5_000_000,
    requestsPerMinute: 6000,
    retries: 1,
    backoffMs: 10,
    fetch: sim.fetch,
  });
  const before = sim.requests.length;
  const result = await openstadAdapter.harvest({
    source: source(sim, projectId, extra),
    http,
    harvestedAt,
    report: (i) => issues.push(i),
  });
  for (const p of result.proposals) proposalSchema.parse(p);
  for (const b of result.budgets) budgetSchema.parse(b);
  for (const p of result.projects) budgetProjectSchema.parse(p);
  return { ...result, issues, requests: sim.requests.slice(before).map((r) => `${r.path}${r.query}`) };
}

describe('the OpenStad adapter against a headless installation', () => {
  let sim: OpenstadSimulator;
  beforeAll(async () => {
    sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0518' });
  });
  afterAll(() => sim.close());

  it('harvests an idea project as proposals that match the seed', async () => {
    const r = await harvest(sim, 6, { statusMap: { afgewezen: 'REJECTED', 'In behandeling': 'UNDER_REVIEW' } });
    expect(r.platformVersion).toBe('headless');
    expect(r.budgets).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.proposals.map((p) => [p.id, p.status])).toEqual([
      ['gm0518-openstad:proposal:388', 'SHORTLISTED'],
      ['gm0518-openstad:proposal:389', 'SHORTLISTED'],
      ['gm0518-openstad:proposal:390', 'REJECTED'],
      ['gm0518-openstad:proposal:391', 'UNDER_REVIEW'],
      ['gm0518-openstad:proposal:392', 'OPEN'],
      ['gm0518-openstad:proposal:393', 'IN_PROGRESS'],
      ['gm0518-openstad:proposal:394', 'OPEN'],
    ]);
    const p388 = r.proposals[0]!;
    expect(p388).toMatchObject({
      title: 'Geveltuintjes in de Reinkenstraat',
      summary: 'Meer bloemen voor bijen & vlinders in de Reinkenstraat.',
      supportCount: 132,
      opposeCount: 6,
      commentCount: 11,
      area: 'Duinoord',
      tags: [
        { name: 'Groen en duurzaamheid', kind: 'THEME' },
        { name: 'Duinoord', kind: 'AREA' },
      ],
      location: { point: { latitude: 52.08402, longitude: 4.29187 }, address: null },
      images: [{ url: `${sim.url}/image/7f3a0c12be.jpg`, alt: 'Reinkenstraat met een paar bestaande geveltuinen' }],
      platformStatus: { code: '21', label: 'Door naar stemronde' },
      url: `${sim.url}/ideeen-segbroek?openstadResourceId=388`,
      createdAt: '2026-05-03T09:12:00.000Z',
      publishedAt: '2026-05-04T08:00:00.000Z',
      translations: [{ locale: 'nl', title: 'Geveltuintjes in de Reinkenstraat', machineTranslated: false }],
    });
    expect(r.requests).toEqual([
      '/api/project/6?includeConfig=1',
      '/api/project/6/status',
      '/api/project/6/resource?sort=id_asc&includeTags=1&includeVoteCount=1&includeCommentsCount=1&page=0&pageSize=100',
    ]);
  });

  it('harvests Duinoord Begroot as one budget with its projects, costs in cents and votes', async () => {
    const r = await harvest(sim, 7);
    expect(r.proposals).toEqual([]);
    expect(r.budgets).toHaveLength(1);
    expect(r.budgets[0]).toMatchObject({
      id: 'gm0518-openstad:budget:7',
      title: 'Duinoord Begroot',
      total: { amountMinor: 3_000_000, currency: 'EUR' },
      phase: 'VOTING',
      voterCount: 412,
      url: `${sim.url}/duinoord-begroot`,
      votingPeriod: { start: null, end: '2026-11-30T23:00:00.000Z' },
      votingRule: {
        kind: 'APPROVAL_WITHIN_BUDGET',
        minTotal: { amountMinor: 100, currency: 'EUR' },
        maxTotal: { amountMinor: 3_000_000, currency: 'EUR' },
      },
    });
    expect(r.projects.map((p) => [p.id, p.position, p.cost?.amountMinor, p.voteCount])).toEqual([
      ['gm0518-openstad:project:412', 0, 450_000, 87],
      ['gm0518-openstad:project:413', 1, 780_000, 143],
      ['gm0518-openstad:project:414', 2, 320_000, 61],
      ['gm0518-openstad:project:415', 3, 250_000, 104],
      ['gm0518-openstad:project:416', 4, 900_000, 129],
      ['gm0518-openstad:project:417', 5, 1_250_000, 72],
      ['gm0518-openstad:project:418', 6, 600_000, 48],
      ['gm0518-openstad:project:419', 7, 90_000, 95],
    ]);
    expect(r.projects.every((p) => p.budgetId === 'gm0518-openstad:budget:7' && p.selected === null)).toBe(true);
    expect(r.projects.map((p) => p.proposalId).filter(Boolean)).toEqual([
      'gm0518-openstad:proposal:388',
      'gm0518-openstad:proposal:389',
    ]);
    expect(r.requests.slice(3)).toEqual([
      '/stats/project/7/vote/no-of-users',
      // The vote list is public here (isViewable): read, 1000 rows a page, and reduced to anonymous ballots.
      '/api/project/7/vote?opinion=yes&page=0&pageSize=1000',
    ]);
    // One ballot per distinct voter of the list (the simulator's voter k holds the k-th yes of each project).
    const most = Math.max(...r.projects.map((p) => p.voteCount ?? 0));
    expect(r.ballots).toHaveLength(1);
    expect(r.ballots![0]!.ballots).toHaveLength(most);
    expect(r.budgets[0]!.ballots).toEqual({ count: most, digest: expect.any(String) });
    for (const [i, p] of r.projects.entries())
      expect(r.ballots![0]!.ballots.filter((b) => b.vote.includes(i))).toHaveLength(p.voteCount!);
  });

  it('reads no vote list where votes are not public, and keeps no ballots under the voter minimum', async () => {
    const hidden = await startOpenstadSimulator({
      listen: false,
      seed: {
        projects: [
          {
            id: 3,
            name: 'klein',
            title: 'Klein budget',
            config: { votes: { voteType: 'budgeting', isViewable: false, minBudget: 1, maxBudget: 100 } },
            resources: [{ id: 1, title: 'Bankje', budget: 50, yes: 4 }],
          },
          {
            id: 4,
            name: 'weinig',
            title: 'Weinig stemmers',
            config: { votes: { voteType: 'budgeting', isViewable: true, minBudget: 1, maxBudget: 100 } },
            resources: [{ id: 2, title: 'Boom', budget: 50, yes: 9 }],
          },
        ],
      },
    });
    try {
      const notPublic = await harvest(hidden, 3);
      expect(notPublic.requests.some((q) => q.includes('/vote?'))).toBe(false);
      expect(notPublic.budgets[0]!.ballots).toBeNull();
      const few = await harvest(hidden, 4);
      expect(few.requests.some((q) => q.includes('/vote?'))).toBe(true);
      expect(few.ballots).toEqual([]);
      expect(few.budgets[0]!.ballots).toBeNull();
    } finally {
      await hidden.close();
    }
  });

  it('reports a resource with a bad field and keeps the rest', async () => {
    const seed: OpenstadSeed = {
      projects: [
        {
          id: 7,
          name: 'begroot',
          config: { votes: { voteType: 'budgeting', isViewable: true, maxBudget: 5000 } },
          resources: [
            { id: 1, title: 'Bankje', budget: 800, yes: 3 },
            { id: 2, title: 'Boom', budget: 400, yes: 5, overrides: { budget: 'vierhonderd' } },
            { id: 3, title: 'Prullenbak', budget: 300, yes: 1 },
          ],
        },
      ],
    };
    const bad = await startOpenstadSimulator({ listen: false, seed });
    try {
      const r = await harvest(bad, 7);
      expect(r.projects.map((p) => p.id)).toEqual(['gm0518-openstad:project:1', 'gm0518-openstad:project:3']);
      expect(r.projects.map((p) => p.position)).toEqual([0, 1]);
      expect(r.issues).toEqual([{ kind: 'project', upstreamId: '2', message: expect.stringContaining('budget') }]);
    } finally {
      await bad.close();
    }
  });

  it('fails the source when the list envelope drifts', async () => {
    sim.setFault({ kind: 'drift' });
    try {
      await expect(harvest(sim, 6)).rejects.toThrow(UpstreamSchemaError);
      await expect(harvest(sim, 6)).rejects.toThrow(/not the \{metadata, records\} envelope/);
    } finally {
      sim.setFault(null);
    }
  });

  it('fails the source when every resource lost a field, rather than reporting each', async () => {
    // A field gone from every record is an upgrade, not a bad record: failing keeps the stored data untombstoned.
    sim.setFault({ kind: 'drift' });
    sim.setDriftMode('field');
    try {
      await expect(harvest(sim, 6)).rejects.toThrow(/none of the 7 records has the expected shape \(first: .*title/);
    } finally {
      sim.setFault(null);
      sim.setDriftMode('envelope');
    }
  });

  it('throws PaginationError when the installation answers the same page again', async () => {
    sim.setFault({ kind: 'paginationLoop' });
    try {
      await expect(harvest(sim, 6)).rejects.toThrow(PaginationError);
    } finally {
      sim.setFault(null);
    }
  });

  it('says which generation answered when the configured one does not', async () => {
    await expect(harvest(sim, 6, { generation: 'legacy' })).rejects.toThrow(
      /configured as OpenStad legacy.*runs the headless \(openstad-headless\) generation/,
    );
  });

  it('rethrows the 404 of an unknown project', async () => {
    await expect(harvest(sim, 999)).rejects.toMatchObject({ code: 'UPSTREAM_HTTP_ERROR', status: 404 });
  });
});

describe('the OpenStad adapter on other headless projects', () => {
  it('harvests a finished count ballot with chosen projects from statuses (Amsterdam)', async () => {
    const sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0363' });
    try {
      const r = await harvest(sim, 14, {
        id: 'gm0363-openstad',
        municipality: 'GM0363',
        statusMap: { 'Niet gekozen': 'REJECTED' },
      });
      expect(r.budgets[0]).toMatchObject({
        id: 'gm0363-openstad:budget:14',
        municipalityCode: 'GM0363',
        phase: 'FINISHED',
        total: null,
        voterCount: 1168,
        votingRule: { kind: 'CHOOSE_K', minProjects: 1, maxProjects: 3, minTotal: null, maxTotal: null },
      });
      expect(r.projects.map((p) => [p.provenance.upstreamId, p.selected])).toEqual([
        ['301', true],
        ['302', true],
        ['303', true],
        ['304', false],
        ['305', false],
      ]);
      const ideas = await harvest(sim, 12, { id: 'gm0363-openstad', municipality: 'GM0363' });
      expect(ideas.proposals).toHaveLength(7); // the concept and the deleted resource stay hidden
      expect(ideas.proposals.find((p) => p.provenance.upstreamId === '1207')?.summary).toBe(
        'Gratis water voor sporters en wandelaars & hun honden.',
      );
    } finally {
      await sim.close();
    }
  });

  it('harvests a budget with hidden votes and per-tag groups from an explicit seed', async () => {
    const seed: OpenstadSeed = {
      projects: [
        {
          id: 30,
          name: 'wijkbudget',
          title: 'Wijkbudget Noord',
          config: {
            votes: { voteType: 'budgetingPerTag', isViewable: false, isActive: false, maxBudget: 10000 },
            project: { endDate: '2026-10-01T00:00:00.000Z' },
          },
          tags: [
            { id: 1, name: 'Groen', type: 'theme' },
            { id: 2, name: 'Verkeer', type: 'theme' },
            { id: 3, name: 'Noord', type: 'area' },
          ],
          voterCount: 77,
          resources: [
            { id: 5, title: 'Boom', budget: 2500, yes: 40, tags: ['Groen', 'Noord'] },
            { id: 6, title: 'Drempel', budget: 0, yes: 30, tags: ['Verkeer'] },
          ],
        },
      ],
    };
    const sim = await startOpenstadSimulator({ listen: false, seed });
    try {
      const r = await harvest(sim, 30);
      expect(r.budgets[0]).toMatchObject({
        title: 'Wijkbudget Noord',
        total: null,
        phase: 'COUNTING',
        voterCount: 77,
        votingRule: {
          kind: 'PER_THEME_BUDGET',
          maxTotal: { amountMinor: 1_000_000, currency: 'EUR' },
          themes: ['Groen', 'Verkeer'],
        },
      });
      expect(r.projects.map((p) => [p.cost, p.voteCount])).toEqual([
        [{ amountMinor: 250_000, currency: 'EUR' }, null],
        [null, null],
      ]);
    } finally {
      await sim.close();
    }
  });

  it('pages through 250 resources in three requests of 100', async () => {
    const sim = await startOpenstadSimulator({ listen: false, seed: generateOpenstadSeed(250) });
    try {
      const r = await harvest(sim, 1);
      expect(r.proposals).toHaveLength(250);
      expect(new Set(r.proposals.map((p) => p.id)).size).toBe(250);
      expect(
        r.requests.filter((q) => q.includes('/resource?')).map((q) => new URLSearchParams(q.split('?')[1]).get('page')),
      ).toEqual(['0', '1', '2']);
    } finally {
      await sim.close();
    }
  });
});

describe('the OpenStad adapter against a legacy installation', () => {
  let sim: OpenstadSimulator;
  beforeAll(async () => {
    sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0518', generation: 'legacy' });
  });
  afterAll(() => sim.close());

  it("harvests a site's ideas as proposals with lat-first points and mapped statuses", async () => {
    const r = await harvest(sim, 6);
    expect(r.platformVersion).toBe('legacy');
    expect(r.issues).toEqual([]);
    expect(r.proposals.map((p) => [p.provenance.upstreamId, p.status, p.platformStatus?.code])).toEqual([
      ['388', 'ACCEPTED', 'ACCEPTED'],
      ['389', 'ACCEPTED', 'ACCEPTED'],
      ['390', 'REJECTED', 'DENIED'],
      ['391', 'OPEN', 'OPEN'],
      ['392', 'OPEN', 'OPEN'],
      ['393', 'IN_PROGRESS', 'BUSY'],
      ['394', 'OPEN', 'OPEN'],
    ]);
    expect(r.proposals[0]).toMatchObject({
      supportCount: 132,
      opposeCount: 6,
      area: 'Duinoord',
      location: { point: { latitude: 52.08402, longitude: 4.29187 } },
      tags: [
        { name: 'Groen en duurzaamheid', kind: 'THEME' },
        { name: 'Duinoord', kind: 'AREA' },
      ],
      images: [{ url: `${sim.url}/image/7f3a0c12be.jpg`, alt: null }],
    });
    expect(r.requests).toEqual([
      '/api/site/6',
      '/api/site/6/idea?sort=createdate_asc&includeTags=1&includeVoteCount=1&page=0&pageSize=100',
    ]);
  });

  it('emits no budget for a legacy budgeting site, whose voting config is not public', async () => {
    const r = await harvest(sim, 7);
    expect(r.budgets).toEqual([]);
    expect(r.proposals).toHaveLength(8);
  });

  it('fails on drift and on a pagination loop', async () => {
    try {
      sim.setFault({ kind: 'drift' });
      await expect(harvest(sim, 6)).rejects.toThrow(UpstreamSchemaError);
      sim.setFault({ kind: 'paginationLoop' });
      await expect(harvest(sim, 6)).rejects.toThrow(PaginationError);
    } finally {
      sim.setFault(null);
    }
  });

  it('says which generation answered when configured as headless', async () => {
    await expect(harvest(sim, 6, { generation: 'headless' })).rejects.toThrow(
      /configured as OpenStad headless.*runs the legacy \(openstad-api\) generation; set generation: 'legacy'/,
    );
  });
});

describe('the OpenStad adapter without a configured generation', () => {
  const sims: OpenstadSimulator[] = [];
  afterAll(async () => {
    for (const s of sims) await s.close();
  });
  const start = async (generation: 'headless' | 'legacy') => {
    const sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0518', generation });
    sims.push(sim);
    return sim;
  };

  it('detects a headless installation with no request more than a configured one', async () => {
    const sim = await start('headless');
    const detected = await harvest(sim, 6, { generation: undefined });
    const configured = await harvest(sim, 6, { generation: 'headless' });
    expect(detected.platformVersion).toBe('headless');
    expect(detected.requests).toEqual(configured.requests);
    expect(detected.proposals).toEqual(configured.proposals);
  });

  it('detects a legacy installation after one not-found project path', async () => {
    const sim = await start('legacy');
    const detected = await harvest(sim, 6, { generation: undefined });
    expect(detected.platformVersion).toBe('legacy');
    expect(detected.requests.slice(0, 2)).toEqual(['/api/project/6?includeConfig=1', '/api/site/6']);
    expect(detected.proposals).toEqual((await harvest(sim, 6, { generation: 'legacy' })).proposals);
  });

  it('names both paths when neither generation knows the project', async () => {
    const sim = await start('headless');
    await expect(harvest(sim, 999, { generation: undefined })).rejects.toThrow(
      /Neither \/api\/project\/999 \(OpenStad headless.*\) nor \/api\/site\/999 \(OpenStad legacy.*\) is found/,
    );
  });
});
