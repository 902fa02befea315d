/**
 * What happens to budgets stored before CONSUL budgets became one Budget per heading (docs/data-model.md §3.2):
 * the whole-budget item of a budget with several headings is tombstoned by the next complete harvest, the
 * heading Budgets are written, and the investments keep their ids and move. Real adapter, simulated
 * Tilburg, in-memory harvest store.
 */
import { startConsulSimulator, type ConsulSimulator } from '../../../../../dev/simulators/consul';
import { inMemoryHarvestStore } from '../../../../../test/support/fakes/inMemoryHarvestStore';
import { everyPlatform } from '../../../../../test/support/fakes/everyPlatform';
import { makeId } from '../../../../core/ids';
import type { PlatformAdapter } from '../../../adapter';
import { parseSources, type SourceConfig } from '../../../config';
import { harvestSource } from '../../../harvestSource';
import { harvestDeps, httpFor } from '../../../runtime';
import { consulAdapter } from '../index';

let sim: ConsulSimulator | undefined;
afterAll(() => sim?.close());

it('tombstones a stored whole-budget item of a budget with several headings and moves its investments', async () => {
  sim = await startConsulSimulator({ listen: false, municipality: 'GM0855' });
  const [source] = parseSources(
    [{ id: 'gm0855-consul', municipality: 'GM0855', platform: 'consul', baseUrl: sim.url, requestsPerMinute: 600 }],
    'test',
  );
  const store = inMemoryHarvestStore();
  const id = (n: string) => makeId('gm0855-consul', 'budget', n);
  // Before the change: one Budget per CONSUL budget, its investments pointing at it.
  const before: PlatformAdapter<SourceConfig> = {
    platform: 'consul',
    async harvest(ctx) {
      const r = await consulAdapter.harvest(ctx as never);
      const whole = (b: (typeof r.budgets)[number]) => b.provenance.upstreamId.split('-')[0]!;
      const budgets = [
        ...new Map(
          r.budgets.map((b) => [
            whole(b),
            { ...b, id: id(whole(b)), provenance: { ...b.provenance, upstreamId: whole(b) } },
          ]),
        ).values(),
      ];
      const projects = r.projects.map((p) => ({ ...p, budgetId: p.budgetId.replace(/-\d+$/, '') }));
      return { ...r, budgets, projects };
    },
  };
  let clock = Date.UTC(2026, 10, 1);
  const tick = () => {
    clock += 60_000;
    return new Date(clock);
  };
  const deps = (adapter: PlatformAdapter<SourceConfig>) =>
    harvestDeps(store, { adapters: everyPlatform(adapter), http: (s) => httpFor(s, sim!.fetch), now: tick });

  await harvestSource(deps(before), source!);
  expect(store.records('budget').map((b) => b.record.id)).toEqual([id('4'), id('5')]);

  const report = await harvestSource(deps(consulAdapter as PlatformAdapter<SourceConfig>), source!);
  expect(report).toMatchObject({ state: 'OK', tombstoned: 2 });
  expect(store.records('budget').map((b) => [b.record.id, b.removed])).toEqual([
    [id('4'), true],
    [id('4-21'), false],
    [id('4-22'), false],
    [id('5'), true],
    [id('5-23'), false],
    [id('5-25'), false],
  ]);
  const p380 = store.records('project').find((p) => p.record.provenance.upstreamId === '380')!;
  expect([p380.record.id, p380.record.budgetId, p380.removed]).toEqual([
    'gm0855-consul:project:380',
    id('4-21'),
    false,
  ]);
});
