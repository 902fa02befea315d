/**
 * The Inspraak CDK app: three stacks split by lifecycle (data, api, harvest), checked by cdk-nag's
 * AwsSolutions pack at synth. `bin/app.ts` calls this; the tests call it with their own context.
 */
import { Tags, Validations, type App, type Environment, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './stacks/ApiStack';
import { DataStack } from './stacks/DataStack';
import { HarvestStack } from './stacks/HarvestStack';
import { readSettings, type InspraakSettings } from './settings';

export interface InspraakStacks {
  readonly settings: InspraakSettings;
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly harvest: HarvestStack;
}

/**
 * Adds the stacks to `app`, reading settings from its context, and registers the AwsSolutions checks
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
  const api = new ApiStack(app, `${p}-api`, {
    env,
    settings,
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
  for (const stack of [data, api, harvest]) {
    Tags.of(stack).add('project', 'inspraak');
    acknowledgeCommon(stack);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { settings, data, api, harvest };
}

/** Findings that hold for every Inspraak function, with the reason each is accepted. */
function acknowledgeCommon(stack: Stack): void {
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Inspraak runs on Node.js 22 on purpose: package.json requires >=22, and development, the tests and the cold-start benchmark run on 22, which Lambda supports until 2027. Moving to 24 is a deliberate upgrade, not a side effect of a CDK bump.',
  });
}
