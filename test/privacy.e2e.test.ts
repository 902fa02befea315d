/**
 * Privacy: no voter identifier, IP address or time of voting from any installation is stored or served;
 * the only per-voter records kept are anonymous ballots (sets of project indexes, shuffled). The harvest of one installation of each platform is checked at both ends: what the adapters
 * ask for, and everything they leave in the table.
 */
import { unthrottledHarvestDeps } from './support/unthrottledHarvest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startConsulSimulator } from '../dev/simulators/consul';
import { ballotsOf } from '../services/core/dynamo/ballotItems';
import { startDecidimSimulator } from '../dev/simulators/decidim';
import { startOpenstadSimulator } from '../dev/simulators/openstad';
import { ensureRegistry } from '../services/core/registry';
import { parseSources } from '../services/harvester/config';
import { harvestAll } from '../services/harvester/harvestAll';
import { freshTable } from './support/db';
import { keysOf, PERSONAL_KEYS } from './support/personalKeys';

it('stores no voter, author or IP data from any platform, and never asks for per-voter records', async () => {
  const consul = await startConsulSimulator({ municipality: 'GM0855' });
  const decidim = await startDecidimSimulator({ municipality: 'GM0344', version: '0.27', rateLimitPerMinute: 10_000 });
  const openstad = await startOpenstadSimulator({ municipality: 'GM0518' });
  try {
    const db = await freshTable('privacy');
    await ensureRegistry(db.doc, db.table);
    const sources = parseSources(
      [
        { id: 'c', municipality: 'GM0855', platform: 'consul', baseUrl: consul.url },
        { id: 'd', municipality: 'GM0344', platform: 'decidim', baseUrl: decidim.url },
        {
          id: 'o',
          municipality: 'GM0518',
          platform: 'openstad',
          baseUrl: openstad.url,
          projectId: 7,
          generation: 'headless',
        },
      ],
      'test',
    );
    const deps = unthrottledHarvestDeps(db);
    expect((await harvestAll(deps, sources)).map((r) => r.state)).toEqual(['OK', 'OK', 'OK']);

    // OpenStad's vote list carries pseudonymous user ids (docs/upstreams/openstad.md §7 note 8): read where public, and
    // reduced to anonymous ballots inside the harvest run.
    expect(openstad.requests.some((r) => /^\/api\/project\/7\/vote$/.test(r.path))).toBe(true);

    const items = (await db.doc.send(new ScanCommand({ TableName: db.table }))).Items ?? [];
    const harvested = items.filter((i) => ['Proposal', 'Budget', 'BudgetProject'].includes(String(i.type)));
    expect(harvested.length).toBeGreaterThan(20);
    // The stored ballots: project indexes and nothing else, no user id among them.
    const ballotItems = items.filter((i) => i.type === 'Ballots');
    const budgetIds = [...new Set(ballotItems.map((i) => String(i.pk).replace(/^BALLOTS#/, '')))];
    expect(budgetIds).toEqual(['o:budget:7']);
    const stored = ballotsOf(ballotItems.sort((a, b) => String(a.sk).localeCompare(String(b.sk))))!;
    expect(Object.keys(stored).sort()).toEqual(['ballots', 'budgetId', 'projects']);
    expect(stored.ballots.length).toBeGreaterThanOrEqual(10);
    for (const b of stored.ballots) {
      expect(Object.keys(b).sort()).toEqual(['points', 'vote']);
      for (const i of b.vote) expect(i).toBeLessThan(stored.projects.length);
    }
    const everything = JSON.stringify(stored);
    expect(everything).not.toMatch(/user|voter|created|time/i);
    const keys = keysOf(harvested);
    for (const forbidden of PERSONAL_KEYS) {
      expect({ key: forbidden, present: keys.has(forbidden) }).toEqual({ key: forbidden, present: false });
    }
  } finally {
    await Promise.all([consul.close(), decidim.close(), openstad.close()]);
  }
}, 60_000);
