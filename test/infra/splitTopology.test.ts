/**
 * The split topology: one Lambda per subgraph behind an IAM-only Function URL, invoked by the gateway.
 * Synthesised once without bundling (the single-topology test bundles for real).
 */
import { Match } from 'aws-cdk-lib/assertions';
import { SUBGRAPH_NAMES } from '../../services/gateway/subgraphs';
import { nagFindings, ownResources, removeAssembly, synthInspraak, type Synthesised } from './support';

let s: Synthesised;
beforeAll(() => {
  s = synthInspraak({ topology: 'split' }, { bundle: false });
}, 60_000);
afterAll(() => removeAssembly(s));

const pascal = (n: string) => n.charAt(0).toUpperCase() + n.slice(1);

it('deploys one Lambda per subgraph besides the gateway, each on Node 22 arm64', () => {
  expect(Object.keys(ownResources(s.api, 'AWS::Lambda::Function'))).toHaveLength(SUBGRAPH_NAMES.length + 1);
  for (const name of SUBGRAPH_NAMES) {
    s.api.hasResourceProperties('AWS::Lambda::Function', {
      Description: `Inspraak ${name} subgraph`,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      // No longer than the gateway waits for a subgraph (INSPRAAK_SUBGRAPH_TIMEOUT_MS=5000).
      Timeout: 5,
      Environment: {
        Variables: Match.objectLike({ INSPRAAK_TABLE: 'inspraak', INSPRAAK_SCHEMA_DIR: '/var/task/schema' }),
      },
    });
  }
});

it('gives each subgraph a Function URL that only IAM-signed requests may call', () => {
  s.api.resourceCountIs('AWS::Lambda::Url', SUBGRAPH_NAMES.length);
  s.api.allResourcesProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM' });
});

it('tells the gateway the subgraph URLs and lets it invoke exactly those', () => {
  const gateway = s.api.findResources('AWS::Lambda::Function', {
    Properties: { Description: Match.stringLikeRegexp('gateway') },
  });
  const env = Object.values(gateway)[0]!.Properties.Environment.Variables as Record<string, unknown>;
  const joined = JSON.stringify(env.INSPRAAK_SUBGRAPH_URLS);
  for (const name of SUBGRAPH_NAMES) {
    expect(joined).toContain(`"${name}\\":\\"`);
    expect(joined).toContain(`Gateway${pascal(name)}SubgraphFunctionFunctionUrl`);
  }
  // CDK sorts the resources by logical id.
  const subgraphArns = SUBGRAPH_NAMES.map(pascal)
    .sort()
    .map((n) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(`^Gateway${n}SubgraphFunction`), 'Arn'] }));
  s.api.hasResourceProperties('AWS::IAM::Policy', {
    Roles: [{ Ref: Match.stringLikeRegexp('^GatewayRole') }],
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Action: 'lambda:InvokeFunctionUrl',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } },
          Resource: subgraphArns,
        }),
        Match.objectLike({
          Action: 'lambda:InvokeFunction',
          Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': true } },
        }),
      ]),
    },
  });
});

it('does not let the gateway read the table, the data version item aside: only the subgraphs do', () => {
  const policies = s.api.findResources('AWS::IAM::Policy');
  const gatewayPolicy = Object.entries(policies).find(([id]) => id.startsWith('GatewayRoleDefaultPolicy'))![1];
  const dynamodb = (gatewayPolicy.Properties.PolicyDocument.Statement as { Action: unknown }[]).filter((st) =>
    JSON.stringify(st.Action).includes('dynamodb:'),
  );
  expect(dynamodb).toEqual([
    expect.objectContaining({
      Action: 'dynamodb:GetItem',
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['META#DATAVERSION'] } },
    }),
  ]);
  const readers = Object.entries(policies).filter(([, p]) => JSON.stringify(p).includes('dynamodb:Query'));
  expect(readers.map(([id]) => id)).toHaveLength(SUBGRAPH_NAMES.length);
  expect(readers.map(([id]) => id)).toEqual(
    expect.arrayContaining(
      SUBGRAPH_NAMES.map((n) => expect.stringMatching(`^Gateway${pascal(n)}SubgraphRoleDefaultPolicy`)),
    ),
  );
});

it("alarms on every function's errors and throttles", () => {
  const alarms = Object.values(s.api.findResources('AWS::CloudWatch::Alarm')).map(
    (a) => a.Properties.MetricName as string,
  );
  expect(alarms.filter((m) => m === 'Errors')).toHaveLength(SUBGRAPH_NAMES.length + 1);
  expect(alarms.filter((m) => m === 'Throttles')).toHaveLength(SUBGRAPH_NAMES.length + 1);
});

it('leaves the data and harvest stacks as in the single topology', () => {
  s.data.resourceCountIs('AWS::DynamoDB::Table', 1);
  // Fan-out, worker, the search snapshot job and the export job.
  s.harvest.resourceCountIs('AWS::Lambda::Function', 4);
  // The search snapshots and the exports.
  s.data.resourceCountIs('AWS::S3::Bucket', 2);
});

it('finds nothing unacknowledged in the AwsSolutions pack', () => {
  expect(nagFindings(s.app)).toEqual([]);
});
