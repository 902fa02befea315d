/**
 * The Pabulib adapter on its own (unit tier): a real file read from a local directory (../shared/data,
 * read at test time and never copied), and invented files served by the simulated file host.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPabulibSimulator } from '../../../../../dev/simulators/pabulib';
import type { RecordIssue } from '../../../adapter';
import { parseSources } from '../../../config';
import { PoliteHttpClient } from '../../../http/HttpClient';
import { pabulibAdapter } from '..';
import type { PabulibSourceConfig } from '../sourceSchema';

const DATA = join(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'data', 'pabulib');

/** `fetch`: a simulated directory's in-process fetch, for sources it serves. */
function harvest(entry: Record<string, unknown>, dir?: string, fetch?: typeof globalThis.fetch) {
  const [source] = parseSources([{ id: 'pb', municipality: 'GM0106', platform: 'pabulib', ...entry }], 'test', dir) as [
    PabulibSourceConfig,
  ];
  const issues: RecordIssue[] = [];
  const http = new PoliteHttpClient({
    baseUrl: source.baseUrl,
    timeoutMs: 2000,
    maxResponseBytes: 1 << 20,
    requestsPerMinute: 6000,
    retries: 0,
    ...(fetch && { fetch }),
  });
  return pabulibAdapter
    .harvest({ source, http, harvestedAt: '2026-01-01T00:00:00.000Z', report: (i) => issues.push(i) })
    .then((result) => ({ result, issues, source }));
}

describe('the Pabulib adapter', () => {
  it('harvests a real file from a directory named relative to the sources file', async () => {
    const { result, issues, source } = await harvest(
      { baseUrl: 'pabulib', files: ['Netherlands_Assen_2024.pb'] },
      join(DATA, '..'),
    );
    expect(source.baseUrl).toBe(pathToFileURL(DATA).href);
    expect(issues).toEqual([]);
    const [budget] = result.budgets;
    expect(budget).toMatchObject({
      id: 'pb:budget:Netherlands_Assen_2024',
      title: 'Assen Top Idee',
      total: { amountMinor: 10_000_000, currency: 'EUR' },
      phase: 'FINISHED',
      votingPeriod: { start: '2024-03-30T23:00:00.000Z', end: '2024-04-15T21:59:59.999Z' }, // Dutch days (CET, then CEST)
      votingRule: { kind: 'CHOOSE_K', minProjects: 2, maxProjects: null },
      voterCount: 84,
      outcomeRule: { rule: 'equalshares/add1', threshold: null, statedBy: 'PLATFORM' },
      ballots: { count: 84 },
      url: null,
      provenance: { platform: 'PABULIB', upstreamId: 'Netherlands_Assen_2024' },
    });
    expect(result.projects).toHaveLength(14);
    expect(result.projects[0]).toMatchObject({
      id: 'pb:project:Netherlands_Assen_2024/3',
      title: 'PopUp Podium',
      cost: { amountMinor: 720_000, currency: 'EUR' },
      voteCount: 43,
      selected: true,
    });
    // The anonymous ballots: no voter ids, every ballot a set of indexes into the projects.
    const [ballots] = result.ballots!;
    expect(ballots!.ballots).toHaveLength(84);
    expect(Object.keys(ballots!.ballots[0]!).sort()).toEqual(['points', 'vote']);
  });

  it('reports a file the host does not have, by name and code, and still harvests the others', async () => {
    const sim = await startPabulibSimulator({ listen: false });
    try {
      const files = [...(await sim.files()), 'Missing.pb'];
      const { result, issues } = await harvest({ baseUrl: sim.url, files }, undefined, sim.fetch);
      expect(result.budgets.map((b) => b.provenance.upstreamId)).toEqual(
        files.slice(0, -1).map((f) => f.replace('.pb', '')),
      );
      expect(result.budgets.every((b) => b.url?.startsWith(sim.url))).toBe(true);
      expect(issues).toEqual([
        {
          kind: 'budget',
          upstreamId: 'Missing',
          message: 'Missing.pb: UPSTREAM_HTTP_ERROR GET /Missing.pb answered HTTP 404',
        },
        { kind: 'project', upstreamId: null, message: 'Missing.pb: projects kept as stored (UPSTREAM_HTTP_ERROR)' },
      ]);
    } finally {
      await sim.close();
    }
  });

  it('fails the source when no file can be read at all', async () => {
    const sim = await startPabulibSimulator({ listen: false });
    try {
      sim.setFault({ kind: 'status', status: 404 });
      await expect(harvest({ baseUrl: sim.url, files: await sim.files() }, undefined, sim.fetch)).rejects.toThrow(
        /HTTP 404/,
      );
    } finally {
      await sim.close();
    }
  });

  it('refuses a baseUrl that is neither a URL of the web or disk nor a path, and a file with a path', () => {
    expect(() => harvest({ baseUrl: 'ftp://x.example', files: ['a.pb'] })).toThrow(
      /http\(s\) URL, a file URL or a local directory path/,
    );
    expect(() => harvest({ baseUrl: '/data', files: ['../secrets.pb'] })).toThrow(/without a path/);
  });
});
