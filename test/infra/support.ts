/** Synthesises the Inspraak CDK app for the infra tests. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspraak, type InspraakStacks } from '../../infra/inspraak';
import { SOURCE_HASHED_ASSETS } from '../../infra/assetHash';
import { cacheNewAssets, linkCachedAssets } from './assetCache';

export const TEST_SOURCES = join(__dirname, 'fixtures', 'sources.json');
/** cdk.json's context (feature flags, defaults), as the CLI would pass it. */
const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(join(__dirname, '../../cdk.json'), 'utf8')) as { context: Record<string, unknown> }
).context;

export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' };

export interface Synthesised {
  app: App;
  stacks: InspraakStacks;
  outdir: string;
  data: Template;
  edge: Template;
  api: Template;
  harvest: Template;
}

/**
 * Builds the app with `context` (plus a test sources file) and synthesises it. With `bundle: false`
 * CDK skips bundling (context aws:cdk:bundling-stacks = []), which keeps a test file to a second. With
 * `bundle: true`, bundles built before from the same sources are reused (test/infra/assetCache.ts).
 */
export function synthInspraak(context: Record<string, unknown>, options: { bundle: boolean }): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'inspraak-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...CDK_JSON_CONTEXT,
      sources: TEST_SOURCES,
      ...context,
      ...(options.bundle ? { [SOURCE_HASHED_ASSETS]: true } : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  // CDK bundles while the constructs are built: the cached bundles must be in place before.
  if (options.bundle) linkCachedAssets(outdir);
  const stacks = createInspraak(app, TEST_ENV);
  app.synth();
  if (options.bundle) cacheNewAssets(outdir);
  return {
    app,
    stacks,
    outdir,
    data: Template.fromStack(stacks.data),
    edge: Template.fromStack(stacks.edge),
    api: Template.fromStack(stacks.api),
    harvest: Template.fromStack(stacks.harvest),
  };
}

/** cdk-nag's AwsSolutions and Serverless findings that are not acknowledged, as "rule at path" lines. */
export function nagFindings(app: App): string[] {
  return [new AwsSolutionsChecks(app), new ServerlessChecks(app)].flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) =>
        v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`),
      ),
  );
}

/** Removes the cloud assembly a test synthesised. */
export function removeAssembly(s: Synthesised | undefined): void {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
}

/** Logical ids of what CDK adds for the cross-region reference to the web ACL (its SSM reader and provider). */
export const CDK_CROSS_REGION = /^(ExportsReader|ExportsWriter|CustomCrossRegionExport)/;

/** The resources of `type` in `template` that Inspraak declares, without CDK's cross-region plumbing. */
export function ownResources(template: Template, type: string): Record<string, Record<string, any>> {
  return Object.fromEntries(Object.entries(template.findResources(type)).filter(([id]) => !CDK_CROSS_REGION.test(id)));
}
