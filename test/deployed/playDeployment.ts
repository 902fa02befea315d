/**
 * The deploy-shaped end-to-end test, shared by both topologies (single.test.ts, split.test.ts): from
 * `cdk synth` output (templates and asset folders, bundled as CDK uploads them) and an empty DynamoDB
 * Local, it plays a deployment (test/support/deployment/LocalDeployment.ts), harvests simulated
 * installations through the schedule → fan-out → queue → worker path, calls every route of the HTTP
 * API, and checks every AWS call against the synthesised IAM policies. It also shows that it fails
 * when the bootstrap, a route or an IAM action is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startConsulSimulator } from '../../dev/simulators/consul';
import { startOpenstadSimulator } from '../../dev/simulators/openstad';
import type { SimServer } from '../../dev/simulators/simServer';
import { LocalDeployment } from '../support/deployment/LocalDeployment';
import { removeAssembly, synthInspraak, type Synthesised } from '../infra/support';
import { probeExports, probeRoutes } from './probes';

export function playDeployment(topology: 'single' | 'split') {
  let sims: SimServer[] = [];
  let synth: Synthesised | undefined;
  let d: LocalDeployment;
  let dir: string;

  beforeAll(async () => {
    const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
    if (!endpoint) throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run through jest.');
    const amsterdam = await startOpenstadSimulator({ municipality: 'GM0363' });
    const tilburg = await startConsulSimulator({ municipality: 'GM0855' });
    sims = [amsterdam, tilburg];
    dir = mkdtempSync(join(tmpdir(), 'inspraak-deployed-'));
    const sources = join(dir, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify([
        {
          id: 'gm0363-openstad-ideeen',
          municipality: 'GM0363',
          platform: 'openstad',
          baseUrl: amsterdam.url,
          projectId: 12,
          generation: 'headless',
          requestsPerMinute: 600,
        },
        {
          id: 'gm0363-openstad-buurtbudget',
          municipality: 'GM0363',
          platform: 'openstad',
          baseUrl: amsterdam.url,
          projectId: 14,
          generation: 'headless',
          proposalSourceId: 'gm0363-openstad-ideeen',
          requestsPerMinute: 600,
        },
        {
          id: 'gm0855-consul',
          municipality: 'GM0855',
          platform: 'consul',
          baseUrl: tilburg.url,
          votesForProposalSuccess: 300,
          requestsPerMinute: 600,
        },
      ]),
    );
    // A prefix of its own: its own table, queue and bucket names in the shared stand-ins.
    const prefix = `dep${randomBytes(4).toString('hex')}`;
    synth = synthInspraak({ topology, prefix, sources }, { bundle: true });
    d = await LocalDeployment.create(synth.outdir, endpoint);
  }, 180_000);

  afterAll(async () => {
    await d?.stop();
    await Promise.all(sims.map((s) => s.close()));
    removeAssembly(synth);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails the answers check when the deploy-time bootstrap is removed from the template', async () => {
    const removed = d.removeResources((r) => r.Type === 'Custom::InspraakBootstrap');
    expect(removed.length).toBe(1);
    expect(await d.runCustomResources()).toEqual([]);
    const failures = await probeRoutes(d, { only: ['POST /graphql'], municipalityOnly: true });
    expect(failures.join('\n')).toMatch(/GM0363/);
    d.restoreResources(removed);
    // Start from cold again: a deployment's functions have not run before its bootstrap.
    await d.stopFunctions();
  });

  it('runs the deploy-time bootstrap, which writes the municipality registry', async () => {
    const answers = await d.runCustomResources();
    expect(answers).toEqual([
      expect.objectContaining({
        resource: expect.stringMatching(/-data\/TableBootstrap/),
        Status: 'SUCCESS',
        Data: { 'registry.written': 342 },
      }),
    ]);
  });

  it('fans the schedule out to one message per source; the worker harvests each from its installation', async () => {
    expect(await d.fireSchedules(/^HarvestScheduler/)).toEqual([{ queued: 3 }]);
    expect(await d.drainQueues()).toEqual({ delivered: 3, failed: [] });
  }, 120_000);

  it('writes the search snapshot to S3 on its schedule, which whatever serves search restores at init', async () => {
    const [written] = (await d.fireSchedules(/SearchSnapshot/)) as { items: number; bytes: number; from: string }[];
    expect(written).toMatchObject({ from: 'dynamodb', items: expect.any(Number), bytes: expect.any(Number) });
    expect(written!.items).toBeGreaterThan(10);
    // The next run starts from that snapshot and catches up from the change feed.
    expect(await d.fireSchedules(/SearchSnapshot/)).toEqual([
      expect.objectContaining({ from: 'snapshot', items: written!.items }),
    ]);
  }, 60_000);

  it("writes every export to S3 once the data version moved, which CloudFront serves at /export/* with the API's counts", async () => {
    const [run] = (await d.fireSchedules(/^ExportFunction/)) as { exported: boolean; reason: string }[];
    expect(run).toMatchObject({ exported: true, reason: 'no export yet' });
    // Nothing changed since: the next run only reads the data version and the manifest.
    expect(await d.fireSchedules(/^ExportFunction/)).toEqual([expect.objectContaining({ exported: false })]);
    expect(await probeExports(d)).toEqual([]);
  }, 120_000);

  it('fails the export check when the bucket policy no longer lets CloudFront read the exports', async () => {
    const [policy] = d.removeResources(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r).includes('CloudFrontReadsExports'),
    );
    expect(policy).toBeDefined();
    const failures = await probeExports(d).finally(() => d.restoreResources([policy!]));
    expect(failures.join('\n')).toMatch(/proposals\.ndjson: 200 from api, not 200 from the export bucket/);
  }, 120_000);

  it('answers every route of the HTTP API: municipality, proposals with province, budget outcome, search, Pabulib', async () => {
    expect(d.routeKeys()).toEqual(
      expect.arrayContaining(['GET /graphql', 'POST /graphql', 'GET /export/budgets/{file}']),
    );
    expect(await probeRoutes(d)).toEqual([]);
    // Search was answered from the index restored from the snapshot in S3.
    const searcher = d.functionsNamed(topology === 'single' ? /^GatewayFunction/ : /SearchSubgraphFunction/)[0]!;
    expect(searcher.calls.map((c) => c.command)).toContain('GetObjectCommand');
  }, 60_000);

  it('fails when a route is removed from the template', async () => {
    const removed = d.removeResources(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.RouteKey === 'GET /export/budgets/{file}',
    );
    expect(removed.length).toBe(1);
    expect((await probeRoutes(d)).join('\n')).toMatch(/no route .*\.pb/);
    d.restoreResources(removed);
  });

  it('sends only AWS calls that the synthesised IAM policies allow', () => {
    const called = [...d.functions.values()].filter((f) => f.calls.length > 0).map((f) => f.spec.logicalId);
    expect(called.length).toBeGreaterThanOrEqual(topology === 'single' ? 4 : 6);
    expect(d.iamViolations()).toEqual([]);
  });

  it('fails the IAM check when an action is removed from a policy', () => {
    const reader = topology === 'single' ? /^GatewayFunction/ : /ProposalsSubgraphFunction/;
    let restore = d.removeAction(reader, 'dynamodb:Query');
    expect(d.iamViolations().join('\n')).toMatch(
      /is not allowed dynamodb:Query arn:aws:dynamodb:eu-west-1:123456789012:table\/dep[0-9a-f]+\/index\//,
    );
    restore();
    restore = d.removeAction(/^HarvestWorkerFunction/, 'dynamodb:UpdateItem');
    expect(d.iamViolations().join('\n')).toMatch(/HarvestWorkerFunction\w+ is not allowed dynamodb:UpdateItem/);
    restore();
    if (topology === 'split') {
      restore = d.removeAction(/^GatewayGatewayFunction|^GatewayFunction/, 'lambda:InvokeFunctionUrl');
      expect(d.iamViolations().join('\n')).toMatch(/is not allowed lambda:InvokeFunctionUrl arn:aws:lambda:/);
      restore();
    }
    expect(d.iamViolations()).toEqual([]);
  });
}
