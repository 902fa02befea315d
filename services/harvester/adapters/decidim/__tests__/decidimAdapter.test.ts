import {
  buildDecidimSeed,
  generateDecidimSeed,
  startDecidimSimulator,
  type DecidimSeed,
  type DecidimSimulator,
  type DecidimVersion,
  type SeedAttachment,
  type SeedComponent,
  type SeedSpace,
} from '../../../../../dev/simulators/decidim';
import type { ProposalStatus } from '../../../../core/model';
import type { HarvestResult, RecordIssue } from '../../../adapter';
import type { DecidimSourceConfig } from '../../../config';
import { PaginationError, UpstreamSchemaError } from '../../../errors';
import { PoliteHttpClient } from '../../../http/HttpClient';
import { decidimAdapter } from '../index';

const HARVESTED_AT = '2025-06-01T02:00:00.000Z';
const sims: DecidimSimulator[] = [];
afterAll(() => Promise.all(sims.map((s) => s.close())));

async function harvest(sim: DecidimSimulator, statusMap: DecidimSourceConfig['statusMap'] = {}) {
  const source: DecidimSourceConfig = {
    id: `${sim.seed.municipality.toLowerCase()}-decidim`,
    platform: 'decidim',
    municipality: sim.seed.municipality,
    baseUrl: sim.url,
    currency: 'EUR',
    timeoutMs: 2000,
    maxResponseBytes: 5_000_000,
    statusMap,
    minBallotVoters: 10,
  };
  const http = new PoliteHttpClient({
    baseUrl: sim.url,
    timeoutMs: 2000,
    maxResponseBytes: 5_000_000,
    requestsPerMinute: 6000,
    retries: 1,
    backoffMs: 10,
    fetch: sim.fetch,
  });
  const issues: RecordIssue[] = [];
  const before = sim.requests.length;
  const result = await decidimAdapter.harvest({
    source,
    http,
    harvestedAt: HARVESTED_AT,
    report: (i) => issues.push(i),
  });
  return { result, issues, source, requests: sim.requests.length - before };
}

async function start(version: DecidimVersion, options: Parameters<typeof startDecidimSimulator>[0] = {}) {
  const sim = await startDecidimSimulator({ version, listen: false, ...options });
  sims.push(sim);
  return sim;
}

/** What the seed says an anonymous harvest must see (docs/upstreams/decidim.md §4.4). */
function expectedFromSeed(seed: DecidimSeed, version: DecidimVersion) {
  const spaces: [SeedSpace, string][] = [...seed.processes.map((s) => [s, 'processes'] as [SeedSpace, string])];
  const walk = (a: SeedSpace) => {
    spaces.push([a, 'assemblies']);
    a.children.forEach(walk);
  };
  seed.assemblies.forEach(walk);
  const published = (kind: SeedComponent['manifest']) =>
    spaces.flatMap(([s, path]) =>
      s.components.filter((c) => c.published && c.manifest === kind).map((c) => ({ c, path: `${path}/${s.slug}` })),
    );
  const proposals = published('proposals').flatMap(({ c, path }) =>
    c.proposals.filter((p) => p.publishedAt !== null && (!p.hidden || version === '0.27')).map((p) => ({ p, c, path })),
  );
  const budgets = published('budgets').flatMap(({ c }) => c.budgets);
  return { proposals, budgets, projects: budgets.flatMap((b) => b.projects.map((p) => ({ p, b }))) };
}

function expectedStatus(
  state: string | null,
  withdrawn: boolean,
  legacy: string | null | undefined,
  version: DecidimVersion,
): ProposalStatus {
  if (withdrawn) return 'WITHDRAWN';
  const s = version === '0.27' && legacy !== undefined ? legacy : state;
  return (
    (
      { evaluating: 'UNDER_REVIEW', accepted: 'ACCEPTED', rejected: 'REJECTED', not_answered: 'OPEN' } as Record<
        string,
        ProposalStatus
      >
    )[s ?? 'not_answered'] ?? 'UNKNOWN'
  );
}

function checkAgainstSeed(
  result: HarvestResult,
  seed: DecidimSeed,
  version: DecidimVersion,
  sourceId: string,
  baseUrl: string,
) {
  const want = expectedFromSeed(seed, version);
  const byId = new Map(result.proposals.map((p) => [p.provenance.upstreamId, p]));
  expect([...byId.keys()].sort()).toEqual(want.proposals.map(({ p }) => p.id).sort());
  for (const { p, c, path } of want.proposals) {
    const got = byId.get(p.id)!;
    expect(got).toMatchObject({
      id: `${sourceId}:proposal:${p.id}`,
      municipalityCode: seed.municipality,
      title: p.title.find((t) => t.locale === 'nl')!.text,
      locale: 'nl',
      status: expectedStatus(p.state, p.withdrawnAt !== null, p.legacyState, version),
      supportCount: c.votesHidden ? null : p.voteCount,
      commentCount: p.commentsCount,
      createdAt: p.createdAt,
      publishedAt: p.publishedAt,
      url: `${baseUrl}/${path}/f/${c.id}/proposals/${p.id}`,
      provenance: {
        sourceId,
        platform: 'DECIDIM',
        upstreamId: p.id,
        upstreamReference: p.reference,
        harvestedAt: HARVESTED_AT,
      },
    });
    expect(got.translations.map((t) => [t.locale, t.machineTranslated])).toEqual(
      p.title.map((t) => [t.locale, t.machineTranslated ?? false]),
    );
    expect(got.location?.address ?? null).toBe(p.address);
    expect(got.location?.point ?? null).toEqual(
      p.latitude === null ? null : { latitude: p.latitude, longitude: p.longitude },
    );
    expect(got.tags.map((t) => t.kind)).toEqual(['THEME', 'AREA']);
    expect(got.area).toBe(seed.scopes.find((s) => s.id === p.scopeId)!.name[0]!.text);
  }
  expect(result.budgets.map((b) => [b.provenance.upstreamId, b.total?.amountMinor, b.phase]).sort()).toEqual(
    want.budgets
      .map((b) => [b.id, b.totalBudget * 100, b.projects.some((p) => p.selectedAt) ? 'FINISHED' : 'UNKNOWN'])
      .sort(),
  );
  expect(
    result.projects
      .map((p) => [p.provenance.upstreamId, p.budgetId, p.cost?.amountMinor, p.voteCount, p.selected, p.proposalId])
      .sort(),
  ).toEqual(
    want.projects
      .map(({ p, b }) => [
        p.id,
        `${sourceId}:budget:${b.id}`,
        p.budgetAmount * 100,
        // Vote counts are public from 0.31, as `confirmedVotes` (docs/upstreams/decidim.md §3); before, the API has none.
        version === '0.31' ? p.confirmedVotes : null,
        p.selectedAt !== null,
        version === '0.31' && p.relatedProposalIds[0] ? `${sourceId}:proposal:${p.relatedProposalIds[0]}` : null,
      ])
      .sort(),
  );
}

describe('decidimAdapter against the simulator', () => {
  it.each([
    ['0.27', 'GM0599', 7],
    ['0.30', 'GM0599', 8],
    ['0.31', 'GM0599', 8],
    ['0.27', 'GM0344', 7],
    ['0.30', 'GM0344', 8],
    ['0.31', 'GM0344', 8],
  ] as const)(
    'harvests the Decidim %s installation of %s as seeded, in %i requests',
    async (version, municipality, requests) => {
      const sim = await start(version, { municipality });
      const run = await harvest(sim);
      expect(run.issues).toEqual([]);
      expect(run.result.platformVersion).toBe(version);
      checkAgainstSeed(run.result, sim.seed, version, run.source.id, sim.url);
      expect(run.requests).toBe(requests);
    },
  );

  it('keeps a custom 0.31 state as UNKNOWN with its label, and maps it through the statusMap', async () => {
    const sim = await start('0.31');
    const plain = (await harvest(sim)).result.proposals.find((p) => p.provenance.upstreamId === '108')!;
    expect([plain.status, plain.platformStatus]).toEqual([
      'UNKNOWN',
      { code: 'in_uitvoering', label: 'In uitvoering' },
    ]);
    const mapped = (await harvest(sim, { in_uitvoering: 'IN_PROGRESS' })).result.proposals.find(
      (p) => p.provenance.upstreamId === '108',
    )!;
    expect(mapped.status).toBe('IN_PROGRESS');
  });

  it('follows child assemblies the root list leaves out, one assembly query each', async () => {
    const sim = await start('0.30', { childAssembliesAtRoot: false });
    const run = await harvest(sim);
    expect(run.result.proposals.map((p) => p.provenance.upstreamId)).toContain('113');
    expect(run.requests).toBe(9);
  });

  it('pages a large component 50 at a time until hasNextPage is false', async () => {
    const sim = await start('0.31', { seed: (url) => generateDecidimSeed(120, url) });
    const run = await harvest(sim);
    expect(run.result.proposals.filter((p) => Number(p.provenance.upstreamId) > 100_000)).toHaveLength(120);
    expect(sim.requests.length).toBe(10); // probe, spaces, taxonomies, 3 pages + 3 other proposal components, budgets
  });

  it('reports and skips a proposal and a project with a bad field while the rest arrives', async () => {
    const sim = await start('0.30');
    const process = sim.seed.processes[1]!;
    process.components[0]!.proposals[0]!.overrides = { createdAt: 'gisteren' };
    process.components[1]!.budgets[0]!.projects[2]!.overrides = { budget_amount: -140000 };
    const run = await harvest(sim);
    expect(run.issues.map((i) => [i.kind, i.upstreamId])).toEqual([
      ['proposal', '108'],
      ['project', '203'],
    ]);
    expect(run.result.proposals.map((p) => p.provenance.upstreamId)).not.toContain('108');
    expect(run.result.proposals).toHaveLength(9);
    expect(run.result.projects.map((p) => p.provenance.upstreamId).sort()).toEqual(['201', '202', '204', '205']);
  });

  it('throws an UpstreamSchemaError naming the missing field when the schema drifts', async () => {
    // GraphQL validates the whole query, so a renamed field leaves no record to keep: the source fails.
    const sim = await start('0.31');
    sim.setFault({ kind: 'drift' });
    const run = harvest(sim);
    await expect(run).rejects.toThrow(UpstreamSchemaError);
    await expect(run).rejects.toThrow("Field 'voteCount' doesn't exist on type 'Proposal'");
  });

  it('throws a PaginationError when the same cursor comes back', async () => {
    const sim = await start('0.27');
    sim.setFault({ kind: 'paginationLoop' });
    await expect(harvest(sim)).rejects.toThrow(PaginationError);
  });

  it('reads the Utrecht seed with English machine translations kept and flagged', async () => {
    const sim = await start('0.30', { seed: (url) => buildDecidimSeed('GM0344', url) });
    const pannakooi = (await harvest(sim)).result.proposals.find((p) => p.title === 'Pannakooi in het Máximapark')!;
    expect(pannakooi.translations).toEqual([
      expect.objectContaining({ locale: 'nl', machineTranslated: false }),
      expect.objectContaining({
        locale: 'en',
        title: 'Street football cage in the Máximapark',
        machineTranslated: true,
      }),
    ]);
  });

  it.each(['0.27', '0.31'] as const)(
    'keeps the image attachments of proposals and projects as images (%s), and leaves documents out',
    async (version) => {
      const sim = await start(version, { municipality: 'GM0599' });
      const { result } = await harvest(sim);
      // Every seeded record with attachments, by its reference (walked, so the seed's layout does not matter).
      const seeded = new Map<string, SeedAttachment[]>();
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) for (const y of x) walk(y);
        else if (x && typeof x === 'object') {
          const o = x as { reference?: string; attachments?: SeedAttachment[] };
          if (typeof o.reference === 'string' && o.attachments) seeded.set(o.reference, o.attachments);
          for (const v of Object.values(o)) walk(v);
        }
      };
      walk(sim.seed);
      const records = [...result.proposals, ...result.projects];
      const withImages = records.filter((r) => r.images.length > 0);
      expect(withImages.length).toBeGreaterThan(0);
      for (const r of records) {
        const expected = (seeded.get(r.provenance.upstreamReference!) ?? [])
          .filter((a) => a.image)
          .map((a) => ({ url: `${sim.url}${a.path}`, alt: version === '0.27' ? null : a.title[0]!.text }));
        expect(r.images).toEqual(expected);
      }
      // The PDFs are there upstream, but never become images.
      expect([...seeded.values()].flat().some((a) => !a.image)).toBe(true);
      expect(records.flatMap((r) => r.images).some((i) => i.url.endsWith('.pdf'))).toBe(false);
    },
  );
});
