/**
 * What protects the public API on AWS, in both topologies: the WAF web ACL in us-east-1 on the CloudFront
 * distribution, sealed cursors, and cdk-nag's AwsSolutions and Serverless packs with nothing unacknowledged.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { nagFindings, removeAssembly, synthInspraak, type Synthesised } from './support';

describe.each(['single', 'split'] as const)('the %s topology', (topology) => {
  let s: Synthesised;
  beforeAll(() => {
    s = synthInspraak({ topology, wafRequestsPerIp: 600 }, { bundle: false });
  });
  afterAll(() => removeAssembly(s));

  it('creates the web ACL in us-east-1, scope CLOUDFRONT, with a per-IP rule that answers 429', () => {
    expect(s.stacks.edge.region).toBe('us-east-1');
    s.edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    s.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RatePerIp',
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 600, EvaluationWindowSec: 300 } },
          Action: { Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'tooMany' } } },
        }),
      ]),
    });
  });

  it("attaches that web ACL to the distribution, through CDK's cross-region reference", () => {
    const [aclId] = Object.keys(s.edge.findResources('AWS::WAFv2::WebACL'));
    // The edge stack writes the ACL's ARN to an SSM parameter in the api stack's region …
    const writers = Object.values(s.edge.findResources('Custom::CrossRegionExportWriter'));
    expect(writers).toHaveLength(1);
    const { region, exports } = writers[0]!.Properties.WriterProps;
    expect(region).toBe('eu-west-1');
    const [parameter, value] = Object.entries(exports)[0] as [string, unknown];
    expect(value).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    // … and the api stack reads it back and gives it to CloudFront.
    const [readerId] = Object.keys(s.api.findResources('Custom::CrossRegionExportReader'));
    s.api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: { 'Fn::GetAtt': [readerId, parameter] } }),
    });
    expect(s.stacks.api.dependencies).toContain(s.stacks.edge);
  });

  it("seals cursors in every API function with one secret: the stack id's UUID, unique to the deployment", () => {
    const fns = Object.values(s.api.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.Environment?.Variables?.INSPRAAK_TABLE,
    );
    const secrets = fns.map((f) => JSON.stringify(f.Properties.Environment.Variables.INSPRAAK_CURSOR_SECRET));
    expect(fns.length).toBe(topology === 'single' ? 1 : 5);
    expect(new Set(secrets)).toEqual(
      new Set([JSON.stringify({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] })]),
    );
  });

  it("leaves cdk-nag's AwsSolutions and Serverless packs nothing unacknowledged", () => {
    expect(nagFindings(s.app)).toEqual([]);
  });
});

describe('the cdk-nag check', () => {
  it('reports a Serverless finding nobody acknowledged, so the tests above can fail', () => {
    const app = new App();
    const stack = new Stack(app, 'Bare', { env: { account: '123456789012', region: 'eu-west-1' } });
    new LambdaFunction(stack, 'Fn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => 1;'),
    });
    expect(nagFindings(app)).toEqual(
      expect.arrayContaining([
        'Serverless-LambdaDLQ at Bare/Fn/Resource',
        'Serverless-LambdaTracing at Bare/Fn/Resource',
      ]),
    );
  });
});

describe('trusted documents on AWS', () => {
  it('leaves the API open by default, and with -c trustedDocuments=only tells the gateway where its manifest is', () => {
    const open = synthInspraak({}, { bundle: false });
    const only = synthInspraak({ trustedDocuments: 'only' }, { bundle: false });
    try {
      const envOf = (t: Synthesised['api']) =>
        Object.values(t.findResources('AWS::Lambda::Function')).find((f) =>
          String(f.Properties.Description).startsWith('Inspraak GraphQL gateway'),
        )!.Properties.Environment.Variables;
      expect(envOf(open.api).INSPRAAK_TRUSTED_DOCUMENTS).toBeUndefined();
      expect(envOf(only.api)).toMatchObject({
        INSPRAAK_TRUSTED_DOCUMENTS: 'only',
        INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST: '/var/task/trusted-documents.json',
      });
    } finally {
      removeAssembly(open);
      removeAssembly(only);
    }
  });

  it('refuses an unknown mode at synth, naming the context key', () => {
    expect(() => synthInspraak({ trustedDocuments: 'strict' }, { bundle: false })).toThrow(/"trustedDocuments"/);
  });
});
