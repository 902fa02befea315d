/**
 * The deployment in the single topology (gateway with in-process subgraphs), synthesised once with real
 * esbuild bundling: the three stacks' resources by intent, what the bundles carry, and cdk-nag.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INDEXES } from '../../services/core/dynamo/table';
import { routeKeys } from '../../services/gateway/routes';
import { SUBGRAPH_NAMES } from '../../services/gateway/subgraphs';
import { bootstrapVersion } from '../../services/bootstrap/steps';
import { BOOTSTRAP_ACTIONS } from '../../infra/constructs/TableBootstrap';
import { nagFindings, ownResources, removeAssembly, synthInspraak, type Synthesised } from './support';

let s: Synthesised;
beforeAll(() => {
  s = synthInspraak({ topology: 'single' }, { bundle: true });
}, 120_000);
afterAll(() => removeAssembly(s));

/**
 * Loads a bundle in a fresh Node process, as Lambda would (its environment, with /var/task replaced by
 * the asset folder), calls `handler` with `event`, and returns what it answered.
 */
/** The Lambda runtime's own modules (the AWS SDK v3): here, the repository's. */
const RUNTIME_MODULES = join(__dirname, '..', '..', 'node_modules');

function invokeBundle(dir: string, handler: string, event: unknown, env: Record<string, string>): unknown {
  const script = `require(${JSON.stringify(join(dir, 'index.js'))}).${handler}(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const out = execFileSync(process.execPath, ['-e', script], {
    // NODE_PATH stands in for the runtime's /var/runtime/node_modules, which provides the AWS SDK (external).
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-1',
      LOG_LEVEL: 'silent',
      NODE_OPTIONS: '--enable-source-maps',
      NODE_PATH: RUNTIME_MODULES,
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out);
}

/** The asset folder of a function, found through its Code in the template. */
function assetDir(template: Synthesised['api'], logicalIdPrefix: string): string {
  const fns = template.findResources('AWS::Lambda::Function');
  const id = Object.keys(fns).find((k) => k.startsWith(logicalIdPrefix));
  if (!id) throw new Error(`no function ${logicalIdPrefix}*`);
  const key = (fns[id]!.Properties.Code.S3Key as string).replace(/\.zip$/, '');
  return join(s.outdir, `asset.${key}`);
}

describe('the data stack', () => {
  it('builds the table from tableDefinition: pk/sk, every index of INDEXES with its projection', () => {
    s.data.resourceCountIs('AWS::DynamoDB::Table', 1);
    s.data.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'inspraak',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Object.entries(INDEXES).map(([name, k]) =>
        Match.objectLike({
          IndexName: name,
          KeySchema: [
            { AttributeName: k.pk, KeyType: 'HASH' },
            { AttributeName: k.sk, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
    s.data.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'bySource',
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'contentHash', 'version', 'removed'] },
        }),
      ]),
    });
  });

  it('keeps the table: point-in-time recovery, deletion protection, retained on stack deletion', () => {
    s.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('bootstraps the table at deploy time: a custom resource keyed by the registry hash, served by its own function', () => {
    s.data.hasResourceProperties('Custom::InspraakBootstrap', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TableBootstrap'), 'Arn'] },
      TableName: { Ref: Match.stringLikeRegexp('^DataTable') },
      Version: bootstrapVersion(),
    });
    s.data.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: [...BOOTSTRAP_ACTIONS].sort(),
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'Arn'] },
          }),
        ]),
      },
    });
  });

  it('has the alarm topic, TLS only', () => {
    s.data.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'inspraak-alarms' });
    s.data.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the api stack', () => {
  it('runs one gateway Lambda on Node 22, arm64, 1769 MB, 15 s, with the schema and supergraph beside the bundle', () => {
    // One of ours; CDK's own reader of the web ACL's ARN (cross-region reference) is not counted.
    expect(Object.keys(ownResources(s.api, 'AWS::Lambda::Function'))).toHaveLength(1);
    s.api.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1769,
      Timeout: 15,
      // Reserved concurrency: excess requests are throttled at once, other functions cannot starve it.
      ReservedConcurrentExecutions: 50,
      Handler: 'index.handler',
      Environment: {
        Variables: {
          INSPRAAK_TABLE: 'inspraak',
          INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000',
          INSPRAAK_SCHEMA_DIR: '/var/task/schema',
          INSPRAAK_SUPERGRAPH: '/var/task/supergraph.graphql',
          NODE_OPTIONS: '--enable-source-maps',
          APOLLO_TELEMETRY_DISABLED: '1',
          LOG_LEVEL: 'info',
        },
      },
    });
  });

  it('bundles the gateway with esbuild: minified main.js with a source map and a V8 code cache behind the loader, the SDL files, the supergraph and the explorer', () => {
    const dir = assetDir(s.api, 'GatewayFunction');
    expect(readdirSync(dir).sort()).toEqual([
      'explorer',
      'index.js',
      'main.js',
      'main.js.map',
      'main.js.v8cache',
      'schema',
      'supergraph.graphql',
    ]);
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).toBe(
      readFileSync(join(__dirname, '../../infra/codeCache/loader.cjs'), 'utf8'),
    );
    expect(readdirSync(join(dir, 'explorer'))).toEqual(expect.arrayContaining(['explorer.js', 'explorer.js.gz']));
    expect(readdirSync(join(dir, 'schema'))).toEqual(
      expect.arrayContaining(['municipalities.graphql', 'proposals.graphql', 'budgets.graphql']),
    );
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toBe(
      readFileSync(join(__dirname, '../../services/gateway/supergraph.graphql'), 'utf8'),
    );
    const js = readFileSync(join(dir, 'main.js'), 'utf8');
    expect(js).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
    expect(js.split('\n').length).toBeLessThan(1000); // minified
  });

  it('keeps the gateway bundle within its 3 MB budget', () => {
    const bytes = statSync(join(assetDir(s.api, 'GatewayFunction'), 'main.js')).size;
    expect(bytes).toBeLessThan(3_000_000); // as scripts/bundle-sizes.ts counts MB
  });

  it('answers a query from the bundle alone, with the schema and supergraph it carries', () => {
    const dir = assetDir(s.api, 'GatewayFunction');
    const body = JSON.stringify({ query: '{ __typename }' });
    const event = {
      version: '2.0',
      routeKey: 'POST /graphql',
      rawPath: '/graphql',
      rawQueryString: '',
      body,
      isBase64Encoded: false,
      headers: { 'content-type': 'application/json' },
      requestContext: {
        http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
        requestId: 'test',
        routeKey: 'POST /graphql',
        stage: '$default',
      },
    };
    const answer = invokeBundle(dir, 'handler', event, {
      INSPRAAK_SCHEMA_DIR: join(dir, 'schema'),
      INSPRAAK_SUPERGRAPH: join(dir, 'supergraph.graphql'),
      APOLLO_TELEMETRY_DISABLED: '1',
    }) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      extensions: { cost: expect.any(Object) },
      data: { __typename: 'Query' },
    });
  });

  it('lets the gateway read the table and its indexes, and nothing else of DynamoDB', () => {
    s.api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']),
            Resource: [
              'arn:aws:dynamodb:eu-west-1:123456789012:table/inspraak',
              'arn:aws:dynamodb:eu-west-1:123456789012:table/inspraak/index/*',
            ],
          }),
        ]),
      },
    });
    const text = JSON.stringify(s.api.findResources('AWS::IAM::Policy'));
    expect(text).not.toMatch(/dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/);
  });

  it("keeps function logs for one month in the function's own log group", () => {
    s.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    s.api.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^GatewayLogs') } },
    });
    expect(JSON.stringify(ownResources(s.api, 'AWS::IAM::Role'))).not.toContain('AWSLambdaBasicExecutionRole');
  });

  it('serves every route of the route table (GET and POST /graphql, the Pabulib export) with CORS for any origin', () => {
    s.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: ['GET', 'POST', 'OPTIONS'],
        AllowHeaders: Match.arrayWith(['content-type']),
      },
    });
    const keys = Object.values(s.api.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(routeKeys().sort());
    expect(keys).toEqual(expect.arrayContaining(['GET /graphql', 'POST /graphql', 'GET /export/budgets/{file}']));
    s.api.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      TimeoutInMillis: 29_000,
    });
  });

  it('throttles the stage and writes JSON access logs', () => {
    s.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  it('alarms on gateway errors and throttles and on API 5xx answers, notifying the alarm topic', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:inspraak-alarms';
    s.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Threshold: 5,
      AlarmActions: [topic],
      OKActions: [topic],
    });
    s.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Throttles',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
    });
    s.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      Statistic: 'Sum',
      Threshold: 5,
    });
  });
});

describe('the outage alarm per subgraph', () => {
  it("alarms on each subgraph's failed calls from the gateway's EMF metric, notifying the alarm topic", () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:inspraak-alarms';
    const alarms = Object.values(s.api.findResources('AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((p) => p.MetricName === 'SubgraphFailures');
    expect(alarms.map((p) => p.Dimensions).sort((a, b) => a[0].Value.localeCompare(b[0].Value))).toEqual(
      [...SUBGRAPH_NAMES].sort().map((name) => [{ Name: 'Subgraph', Value: name }]),
    );
    for (const p of alarms) {
      expect(p).toMatchObject({
        Namespace: 'Inspraak',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      });
    }
  });
});

describe('the harvest stack', () => {
  it('queues harvests with a dead-letter queue after three receives, visibility six times the worker timeout', () => {
    s.harvest.resourceCountIs('AWS::SQS::Queue', 2);
    s.harvest.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 3600,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HarvestDeadLetters'), 'Arn'] },
        maxReceiveCount: 3,
      },
      SqsManagedSseEnabled: true,
    });
    s.harvest.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('runs the worker on the queue with bounded concurrency and partial batch failures', () => {
    s.harvest.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 4 },
    });
    s.harvest.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.workerHandler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 600,
      Environment: {
        Variables: Match.objectLike({ INSPRAAK_SOURCES: '/var/task/sources.json', INSPRAAK_TABLE: 'inspraak' }),
      },
    });
  });

  it('fans out from an hourly EventBridge Scheduler schedule to the scheduler function, which may send to the queue and read the table (to retire sources)', () => {
    s.harvest.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HarvestSchedulerFunction'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      }),
    });
    s.harvest.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.scheduleHandler',
      MemorySize: 256,
      Timeout: 60,
      Environment: {
        Variables: Match.objectLike({ INSPRAAK_HARVEST_QUEUE_URL: { Ref: Match.stringLikeRegexp('^HarvestQueue') } }),
      },
    });
    s.harvest.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^HarvestSchedulerRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HarvestQueue'), 'Arn'] },
          }),
        ]),
      },
    });
  });

  it('ships the sources file with the harvester bundle', () => {
    const dir = assetDir(s.harvest, 'HarvestWorkerFunction');
    expect(existsSync(join(dir, 'sources.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'))).toHaveLength(2);
  });

  it('loads the harvester bundle with its sources file and handles an empty batch', () => {
    const dir = assetDir(s.harvest, 'HarvestWorkerFunction');
    expect(
      invokeBundle(dir, 'workerHandler', { Records: [] }, { INSPRAAK_SOURCES: join(dir, 'sources.json') }),
    ).toEqual({ batchItemFailures: [] });
  });

  it('alarms on dead letters and on a stale harvest (missing reports count as stale)', () => {
    s.harvest.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HarvestDeadLetters'), 'QueueName'] } },
      ],
    });
    s.harvest.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Inspraak',
      MetricName: 'HarvestAgeSeconds',
      Statistic: 'Maximum',
      Period: 3600,
      Threshold: 24 * 3600,
      EvaluationPeriods: 3,
      TreatMissingData: 'breaching',
    });
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the AwsSolutions pack', () => {
    expect(nagFindings(s.app)).toEqual([]);
  });
});
