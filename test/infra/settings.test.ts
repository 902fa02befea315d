/** The deployment's settings: the timeout chain, context validation, and that cdk-nag does catch findings. */
import { App, Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../../infra/settings';

// An App makes a temporary cloud assembly directory unless given one: one for the whole file.
const outdir = mkdtempSync(join(tmpdir(), 'inspraak-cdk-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));
const app = (context: Record<string, unknown> = {}) => new App({ outdir, context });
import { assertTimeouts } from '../../infra/timeouts';

const ok = { subgraphTimeoutMs: 5000, gatewayTimeoutSeconds: 15, integrationTimeoutSeconds: 29 };

describe('the timeout chain', () => {
  it('accepts subgraph call < gateway Lambda < API integration ≤ 29 s', () => {
    expect(() => assertTimeouts(ok)).not.toThrow();
    expect(() =>
      assertTimeouts({ subgraphTimeoutMs: 25_000, gatewayTimeoutSeconds: 28, integrationTimeoutSeconds: 29 }),
    ).not.toThrow();
  });

  it.each([
    [
      "a subgraph timeout equal to the gateway's",
      { ...ok, subgraphTimeoutMs: 15_000 },
      /must be below the gateway Lambda timeout/,
    ],
    [
      "a gateway timeout equal to the integration's",
      { ...ok, gatewayTimeoutSeconds: 29 },
      /must be below the API integration timeout/,
    ],
    [
      "an integration timeout above API Gateway's limit",
      { ...ok, gatewayTimeoutSeconds: 29, integrationTimeoutSeconds: 30 },
      /above API Gateway's limit of 29 s/,
    ],
    [
      'a subgraph timeout the gateway config rejects',
      { subgraphTimeoutMs: 26_000, gatewayTimeoutSeconds: 28, integrationTimeoutSeconds: 29 },
      /above the gateway's maximum of 25000 ms/,
    ],
  ])('rejects %s', (_name, chain, message) => {
    expect(() => assertTimeouts(chain)).toThrow(message);
  });

  it('stops synthesis when context values break the chain', () => {
    expect(() => readSettings(app({ subgraphTimeoutMs: 20_000, gatewayTimeoutSeconds: 15 }).node)).toThrow(
      /Timeouts do not line up: the subgraph timeout \(20000 ms\) must be below the gateway Lambda timeout \(15 s\)/,
    );
  });
});

describe('context', () => {
  it('has defaults for everything', () => {
    const settings = readSettings(app().node);
    expect(settings).toMatchObject({
      topology: 'single',
      prefix: 'inspraak',
      subgraphTimeoutMs: 5000,
      gatewayTimeoutSeconds: 15,
      integrationTimeoutSeconds: 29,
      harvestEveryHours: 1,
    });
    expect(settings.sourcesFile).toMatch(/dev\/sources\.json$/);
  });

  it.each([
    ['topology', 'both', /"topology": expected "single" or "split"/],
    ['harvestConcurrency', '1', /"harvestConcurrency": expected a whole number from 2 to 1000/],
    ['throttleRate', 'lots', /"throttleRate": expected a whole number/],
    ['alarmEmail', 'ops', /"alarmEmail": expected an e-mail address/],
  ])('names the context key %s when its value is bad', (key, value, message) => {
    expect(() => readSettings(app({ [key]: value }).node)).toThrow(message);
  });
});

describe('the cdk-nag check the other tests rely on', () => {
  it('reports an unacknowledged finding', () => {
    const bad = app();
    new Queue(new Stack(bad, 'Bad'), 'Queue');
    const report = new AwsSolutionsChecks(bad).validateScope(bad);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('AwsSolutions-SQS3'),
        expect.stringContaining('AwsSolutions-SQS4'),
      ]),
    );
  });
});
