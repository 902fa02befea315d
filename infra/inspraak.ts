/**
 * The Inspraak CDK app: stacks split by lifecycle (data, api, harvest) plus the edge stack in us-east-1
 * (CloudFront's WAF web ACL), checked by cdk-nag's AwsSolutions and Serverless packs at synth. `bin/app.ts` calls this; the tests call it with their own context.
 */
import { Tags, Validations, type App, type Environment, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ApiStack } from './stacks/ApiStack';
import { DataStack } from './stacks/DataStack';
import { CLOUDFRONT_REGION, EdgeStack } from './stacks/EdgeStack';
import { HarvestStack } from './stacks/HarvestStack';
import { readSettings, type InspraakSettings } from './settings';

export interface InspraakStacks {
  readonly settings: InspraakSettings;
  readonly data: DataStack;
  /** us-east-1: the WAF web ACL of the CloudFront distribution. */
  readonly edge: EdgeStack;
  readonly api: ApiStack;
  readonly harvest: HarvestStack;
}

/**
 * Adds the stacks to `app`, reading settings from its context, and registers the AwsSolutions and Serverless checks
 * (synthesis stops on an unacknowledged finding). Throws on invalid settings (see settings.ts).
 */
export function createInspraak(app: App, env?: Environment): InspraakStacks {
  const settings = readSettings(app.node);
  const p = settings.prefix;
  const data = new DataStack(app, `${p}-data`, {
    env,
    description: 'Inspraak: table and alarm topic (retained)',
    prefix: p,
    alarmEmail: settings.alarmEmail,
  });
  // CloudFront's web ACL must live in us-east-1, whatever region the rest is in.
  const edge = new EdgeStack(app, `${p}-edge`, {
    env: { account: env?.account, region: CLOUDFRONT_REGION },
    description: 'Inspraak: WAF web ACL of the public CloudFront distribution (us-east-1)',
    requestsPerIp: settings.wafRequestsPerIp,
  });
  const api = new ApiStack(app, `${p}-api`, {
    env,
    settings,
    webAclArn: edge.webAclArn,
    crossRegionReferences: true,
    description: `Inspraak: public GraphQL API (${settings.topology} topology)`,
  });
  const harvest = new HarvestStack(app, `${p}-harvest`, {
    env,
    settings,
    description: 'Inspraak: scheduled harvest of the platforms',
  });
  // Found by name, not by export (names.ts), so the order is declared: the table and topic exist first.
  api.addStackDependency(data);
  harvest.addStackDependency(data);
  for (const stack of [data, edge, api, harvest]) {
    Tags.of(stack).add('project', 'inspraak');
    acknowledgeCommon(stack);
  }
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
  return { settings, data, edge, api, harvest };
}

/** Findings that hold for every Inspraak function, with the reason each is accepted. */
function acknowledgeCommon(stack: Stack): void {
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions-L1',
    reason: NODE_22,
  });
  Validations.of(stack).acknowledge(
    { id: 'Serverless-LambdaLatestVersion', reason: NODE_22 },
    {
      id: 'Serverless-LambdaTracing',
      reason:
        "X-Ray tracing is off on purpose: every function logs JSON lines with the request's id and timings, and alarms read Lambda's and the API's own metrics; active tracing would add the X-Ray SDK's cost and time to every cold start (docs/operations.md, \"Size and cold start\") for little the logs do not show.",
    },
  );
}

const NODE_22 =
  'Inspraak runs on Node.js 22 on purpose: package.json requires >=22, and development, the tests and the cold-start benchmark run on 22, which Lambda supports until 2027. Moving to 24 is a deliberate upgrade, not a side effect of a CDK bump.';
