/**
 * Licence and attribution: declared per source in the sources file, stamped on every record at harvest,
 * shown by `Provenance` and carried by the exports; unknown (null) where nothing is declared.
 */
import { parse } from 'csv-parse/sync';
import { ensureRegistry } from '../services/core/registry';
import { harvestDeps } from '../services/harvester/runtime';
import type { PlatformAdapter } from '../services/harvester/adapter';
import { parseSources, type SourceConfig } from '../services/harvester/config';
import { harvestSource } from '../services/harvester/harvestSource';
import type { HttpClient } from '../services/harvester/http/HttpClient';
import { aBudget, aProject, aProposal } from './support/builders';
import { freshTable } from './support/db';
import { everyPlatform } from './support/fakes/everyPlatform';
import { startTestGateway, type TestGateway } from './support/gateway';

const entry = (id: string, municipality: string, extra: object = {}) => ({
  id,
  municipality,
  platform: 'openstad',
  baseUrl: 'http://127.0.0.1:9',
  projectId: 1,
  generation: 'headless',
  ...extra,
});

describe('licence and attribution', () => {
  let gw: TestGateway;
  const [declared, undeclared] = parseSources(
    [
      entry('gm0363-openstad', 'GM0363', { licence: 'CC-BY-4.0', attribution: 'Gemeente Amsterdam' }),
      entry('gm0518-openstad', 'GM0518'),
    ],
    'test',
  ) as [SourceConfig, SourceConfig];
  const proposalOf = (source: SourceConfig) =>
    aProposal(1, {
      id: `${source.id}:proposal:1`,
      municipalityCode: source.municipality,
      provenance: { ...aProposal(1).provenance, sourceId: source.id },
    });
  const budget = aBudget(1);
  const project = aProject(budget, 0);

  beforeAll(async () => {
    const db = await freshTable('licence');
    await ensureRegistry(db.doc, db.table);
    const adapter: PlatformAdapter<SourceConfig> = {
      platform: 'openstad',
      harvest: async (ctx) => ({
        platformVersion: 'headless',
        proposals: [proposalOf(ctx.source)],
        budgets: ctx.source.id === declared.id ? [budget] : [],
        projects: ctx.source.id === declared.id ? [project] : [],
      }),
    };
    const deps = harvestDeps(db, {
      adapters: everyPlatform(adapter),
      http: () => ({}) as HttpClient,
    });
    for (const source of [declared, undeclared]) expect((await harvestSource(deps, source)).state).toBe('OK');
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('shows the declared licence on proposals, budgets and projects, and null where none is declared', async () => {
    const { json } = await gw.post({
      query: `query($a: ID!, $b: ID!, $budget: ID!, $project: ID!) {
        a: proposal(id: $a) { provenance { licence attribution } }
        b: proposal(id: $b) { provenance { licence attribution } }
        budget(id: $budget) { provenance { licence attribution } }
        budgetProject(id: $project) { provenance { licence attribution } } }`,
      variables: { a: proposalOf(declared).id, b: proposalOf(undeclared).id, budget: budget.id, project: project.id },
    });
    expect(json.errors).toBeUndefined();
    const declaredProvenance = { provenance: { licence: 'CC-BY-4.0', attribution: 'Gemeente Amsterdam' } };
    expect(json.data).toEqual({
      a: declaredProvenance,
      b: { provenance: { licence: null, attribution: null } },
      budget: declaredProvenance,
      budgetProject: declaredProvenance,
    });
  });

  it('carries them in the exports', async () => {
    const csv = await (await fetch(new URL('/export/proposals.csv', gw.url))).text();
    const [header, ...rows] = parse(csv) as string[][];
    const licence = header!.indexOf('provenance.licence');
    const attribution = header!.indexOf('provenance.attribution');
    expect(rows.map((r) => [r[0], r[licence], r[attribution]]).sort()).toEqual([
      [proposalOf(declared).id, 'CC-BY-4.0', 'Gemeente Amsterdam'],
      [proposalOf(undeclared).id, '', ''],
    ]);
  });

  it('refuses an empty licence in the sources file', () => {
    expect(() => parseSources([entry('gm0363-x', 'GM0363', { licence: ' ' })], 'test')).toThrow(/licence/);
  });
});
