/**
 * `npx cdk synth|deploy [-c topology=single|split] [-c sources=path] [-c region=…] …` (docs/operations.md).
 * The account comes from the CLI's credentials; the region from context (cdk.json: eu-west-1, so that
 * municipal data stays in the EU whatever the operator's default profile says).
 */
import { App } from 'aws-cdk-lib';
import { createInspraak } from '../inspraak';

const app = new App();
createInspraak(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: (app.node.tryGetContext('region') as string | undefined) ?? process.env.CDK_DEFAULT_REGION,
});
app.synth();
