/**
 * A deployment of the synthesised cloud assembly, played locally: what CloudFormation, Lambda, API
 * Gateway, EventBridge Scheduler and SQS's event source mapping would do with the templates, with
 * DynamoDB Local for tables, s3rver for buckets and sqsStandIn.ts for queues. Every function is its own
 * asset folder in a fresh Node process (functionHost.ts) with the template's environment, and every AWS
 * SDK command it sends is checked against its role's policies (`iamViolations`).
 */
import { CreateTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { createDynamo } from '../../../services/core/dynamo/client';
import { readAssembly, Resolver, resourcesOf, type Physical, type Resource, type StackTemplate } from './cfn';
import { FunctionHost, type FunctionSpec } from './functionHost';
import { allows, bucketPolicyAllows, glob, neededFor, roleStatements, type Needed } from './iam';
import { startSqsStandIn, type SqsStandIn } from './sqsStandIn';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
/** s3rver's built-in account: the stand-ins accept these credentials, as Lambda's runtime would give its role's. */
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_SESSION_TOKEN: 'harness' };

const CROSS_REGION_WRITER = 'Custom::CrossRegionExportWriter';
const CROSS_REGION_READER = 'Custom::CrossRegionExportReader';

type Id = `${string}/${string}`;
const key = (stack: StackTemplate | string, id: string): Id =>
  `${typeof stack === 'string' ? stack : stack.name}/${id}`;

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** What the CloudFront stand-in answered, and from which origin. */
export interface CdnResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
  /** `s3` (the export bucket, through OAC) or `api` (the HTTP API's route). */
  origin: 's3' | 'api';
}

export class LocalDeployment {
  readonly stacks: StackTemplate[];
  readonly resolver: Resolver;
  readonly functions = new Map<Id, FunctionHost>();
  /** lambda:InvokeFunctionUrl calls the Lambda URL stand-in saw: [caller, target function ARN]. */
  readonly urlCalls: { caller: Id; target: string }[] = [];
  private readonly physical = new Map<Id, Physical>();
  private sqs!: SqsStandIn;
  private s3!: S3rver;
  private s3Endpoint = '';
  private s3Client!: S3Client;
  private s3Dir = '';
  private urlServer!: Server;
  private urlBase = '';

  private constructor(
    readonly outdir: string,
    private readonly dynamoEndpoint: string,
  ) {
    this.stacks = readAssembly(outdir);
    this.resolver = new Resolver({ region: REGION, account: ACCOUNT }, (stack, id) => this.physicalOf(stack, id));
  }

  /** Starts the stand-ins and creates what the templates declare (tables, buckets, queues), empty. */
  static async create(outdir: string, dynamoEndpoint: string): Promise<LocalDeployment> {
    const d = new LocalDeployment(outdir, dynamoEndpoint);
    await d.startStandIns();
    await d.createResources();
    d.createFunctions();
    return d;
  }

  private async startStandIns() {
    this.sqs = await startSqsStandIn();
    this.s3Dir = mkdtempSync(join(tmpdir(), 'inspraak-s3-'));
    this.s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: this.s3Dir });
    const { port } = await this.s3.run();
    this.s3Endpoint = `http://127.0.0.1:${port}`;
    this.urlServer = createServer((req, res) => {
      this.serveFunctionUrl(req).then(
        (r) => res.writeHead(r.statusCode ?? 200, r.headers as Record<string, string>).end(r.body ?? ''),
        (e: Error) => res.writeHead(502).end(e.message),
      );
    });
    await new Promise<void>((r) => this.urlServer.listen(0, '127.0.0.1', () => r()));
    this.urlBase = `http://127.0.0.1:${(this.urlServer.address() as AddressInfo).port}`;
  }

  /** What a logical id is locally: names, URLs and ARNs of the stand-ins. */
  private physicalOf(stack: StackTemplate, id: string): Physical | undefined {
    const cached = this.physical.get(key(stack, id));
    if (cached) return cached;
    const r = stack.resources[id];
    if (!r) return undefined;
    const p = this.standIn(stack, id, r);
    this.physical.set(key(stack, id), p);
    return p;
  }

  private standIn(stack: StackTemplate, id: string, r: Resource): Physical {
    const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
    const props = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::DynamoDB::Table': {
        const name = this.resolver.string(stack, props.TableName ?? id);
        return { ref: name, attributes: { Arn: arn('dynamodb', `table/${name}`) } };
      }
      case 'AWS::SQS::Queue': {
        const url = this.sqs.queueUrl(ACCOUNT, id);
        return { ref: url, attributes: { Arn: arn('sqs', id), QueueName: id, QueueUrl: url } };
      }
      case 'AWS::S3::Bucket': {
        const name = props.BucketName ? this.resolver.string(stack, props.BucketName) : id.toLowerCase();
        return { ref: name, attributes: { Arn: `arn:aws:s3:::${name}`, RegionalDomainName: name } };
      }
      case 'AWS::Lambda::Function':
        return { ref: id, attributes: { Arn: arn('lambda', `function:${id}`) } };
      case 'AWS::Lambda::Url':
        return { ref: id, attributes: { FunctionUrl: `${this.urlBase}/${stack.name}/${id}/`, FunctionArn: '' } };
      case 'AWS::IAM::Role':
        return { ref: id, attributes: { Arn: `arn:aws:iam::${ACCOUNT}:role/${id}` } };
      case CROSS_REGION_READER:
        return { ref: id, attributes: this.crossRegionExports() };
      default:
        return { ref: id, attributes: { Arn: arn(r.Type.split('::')[1]!.toLowerCase(), id) } };
    }
  }

  /**
   * What CDK's cross-region export writers put in SSM for this region (parameter name → value, each
   * resolved in the writer's stack): the attributes its readers answer with.
   */
  private crossRegionExports(): Record<string, string> {
    const exports: Record<string, string> = {};
    for (const [stack, , r] of resourcesOf(this.stacks, CROSS_REGION_WRITER)) {
      const props = r.Properties as { WriterProps: { region: string; exports: Record<string, unknown> } };
      if (props.WriterProps.region !== REGION) continue;
      for (const [name, value] of Object.entries(props.WriterProps.exports))
        exports[name] = this.resolver.string(stack, value);
    }
    return exports;
  }

  private async createResources() {
    const { raw } = createDynamo({ region: REGION, endpoint: this.dynamoEndpoint });
    try {
      for (const [stack, id, r] of resourcesOf(this.stacks, 'AWS::DynamoDB::Table')) {
        const p = r.Properties as Record<string, unknown>;
        const input = {
          TableName: this.physicalOf(stack, id)!.ref,
          KeySchema: p.KeySchema,
          AttributeDefinitions: p.AttributeDefinitions,
          BillingMode: p.BillingMode ?? 'PROVISIONED',
          ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
        } as CreateTableCommandInput;
        await raw.send(new CreateTableCommand(input));
      }
    } finally {
      raw.destroy();
    }
    this.s3Client = new S3Client({
      region: REGION,
      endpoint: this.s3Endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    for (const [stack, id] of resourcesOf(this.stacks, 'AWS::S3::Bucket')) {
      await this.s3Client.send(new CreateBucketCommand({ Bucket: this.physicalOf(stack, id)!.ref }));
    }
    for (const [stack, id] of resourcesOf(this.stacks, 'AWS::SQS::Queue')) this.physicalOf(stack, id);
  }

  private createFunctions() {
    const runtimeEnv = {
      ...CREDENTIALS,
      AWS_ENDPOINT_URL_DYNAMODB: this.dynamoEndpoint,
      AWS_ENDPOINT_URL_SQS: this.sqs.endpoint,
      AWS_ENDPOINT_URL_S3: this.s3Endpoint,
      // s3rver does not decode the aws-chunked bodies (with a trailing checksum) that the SDK sends for
      // streamed uploads by default, and would store the chunk framing; S3 itself accepts both.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    };
    for (const [stack, id, r] of resourcesOf(this.stacks, 'AWS::Lambda::Function')) {
      const p = r.Properties as Record<string, any>;
      const s3Key = String(p.Code?.S3Key ?? '');
      if (!s3Key.endsWith('.zip')) throw new Error(`${stack.name}/${id}: code is not a CDK file asset`);
      const roleAtt = p.Role?.['Fn::GetAtt'] as [string, string] | undefined;
      if (!roleAtt) throw new Error(`${stack.name}/${id}: its role is not in the template`);
      const spec: FunctionSpec = {
        logicalId: id,
        stack: stack.name,
        arn: this.physicalOf(stack, id)!.attributes!.Arn!,
        dir: join(this.outdir, `asset.${s3Key.replace(/\.zip$/, '')}`),
        handler: String(p.Handler),
        environment: this.resolver.resolve(stack, p.Environment?.Variables ?? {}) as Record<string, string>,
        memoryMb: Number(p.MemorySize ?? 128),
        timeoutSeconds: Number(p.Timeout ?? 3),
        roleId: roleAtt[0],
      };
      this.functions.set(key(stack, id), new FunctionHost(spec, runtimeEnv));
    }
  }

  /** The function that `value` (a Ref or GetAtt …Arn of a function) names. */
  functionAt(stack: StackTemplate, value: unknown): FunctionHost {
    const arn = this.resolver.string(stack, value);
    const host = [...this.functions.values()].find((f) => f.spec.arn === arn || f.spec.logicalId === arn);
    if (!host) throw new Error(`${stack.name}: no function ${arn}`);
    return host;
  }

  /**
   * CloudFormation's part: every custom resource, Create, in stack order; the answer comes back on a
   * response URL (a loopback server standing in for the pre-signed S3 URL). Returns the answers.
   */
  async runCustomResources(): Promise<
    { resource: string; Status: string; Reason?: string; Data?: Record<string, unknown> }[]
  > {
    const answers: { resource: string; Status: string; Reason?: string; Data?: Record<string, unknown> }[] = [];
    const received: Record<string, any>[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const stack of this.stacks) {
        for (const [id, r] of Object.entries(stack.resources)) {
          if (!(r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')) continue;
          // CDK's cross-region references: SSM parameters written in one region and read in another,
          // which the reader's stand-in resolves directly (crossRegionExports).
          if (r.Type === CROSS_REGION_WRITER || r.Type === CROSS_REGION_READER) continue;
          const props = this.resolver.resolve(stack, r.Properties ?? {}) as Record<string, unknown>;
          const fn = this.functionAt(stack, (r.Properties as Record<string, unknown>).ServiceToken);
          const requestId = `${stack.name}-${id}`;
          await fn.invoke({
            RequestType: 'Create',
            ServiceToken: props.ServiceToken,
            ResponseURL: `${url}/${requestId}?X-Amz-Signature=harness`,
            StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stack.name}/harness`,
            RequestId: requestId,
            LogicalResourceId: id,
            ResourceType: r.Type,
            ResourceProperties: props,
          });
          const answer = received.find((a) => a.RequestId === requestId);
          answers.push({
            resource: `${stack.name}/${id}`,
            Status: answer?.Status ?? 'NO ANSWER',
            Reason: answer?.Reason,
            Data: answer?.Data,
          });
        }
      }
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    return answers;
  }

  /** EventBridge Scheduler's part: fires every schedule (whose target matches `target`) once, with its Input. */
  async fireSchedules(targetFilter?: RegExp): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const [stack, id, r] of resourcesOf(this.stacks, 'AWS::Scheduler::Schedule')) {
      const target = (r.Properties as Record<string, any>).Target;
      const fn = this.functionAt(stack, target.Arn);
      if (targetFilter && !targetFilter.test(fn.spec.logicalId)) continue;
      this.requireAllowed(
        stack,
        String(target.RoleArn?.['Fn::GetAtt']?.[0]),
        { action: 'lambda:InvokeFunction', resource: fn.spec.arn },
        `schedule ${id}`,
      );
      const input = String(target.Input ?? '{}')
        .replace('<aws.scheduler.execution-id>', `harness-${Date.now()}`)
        .replace('<aws.scheduler.scheduled-time>', new Date().toISOString())
        .replace('<aws.scheduler.schedule-arn>', `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/default/${id}`);
      results.push(await fn.invoke(JSON.parse(input)));
    }
    return results;
  }

  /**
   * Lambda's SQS event source mapping: delivers each mapped queue's messages to its function in
   * batches of BatchSize until the queue is empty, deleting what succeeded (partial batch responses
   * honoured). A failed record is a test failure here: returns them.
   */
  async drainQueues(): Promise<{ delivered: number; failed: string[] }> {
    let delivered = 0;
    const failed: string[] = [];
    for (const [stack, id, r] of resourcesOf(this.stacks, 'AWS::Lambda::EventSourceMapping')) {
      const p = r.Properties as Record<string, any>;
      const queueArn = this.resolver.string(stack, p.EventSourceArn);
      const queueId = p.EventSourceArn['Fn::GetAtt'][0] as string;
      const url = this.physicalOf(stack, queueId)!.ref;
      const fn = this.functionAt(stack, p.FunctionName);
      // The mapping polls with the function's role.
      for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'])
        this.requireAllowed(stack, fn.spec.roleId, { action, resource: queueArn }, `event source ${id}`);
      const size = Number(p.BatchSize ?? 10);
      for (
        let batch = this.sqs.waiting(url).slice(0, size);
        batch.length;
        batch = this.sqs.waiting(url).slice(0, size)
      ) {
        const event = {
          Records: batch.map((m) => ({
            messageId: m.MessageId,
            receiptHandle: m.ReceiptHandle,
            body: m.Body,
            attributes: {
              ApproximateReceiveCount: '1',
              SentTimestamp: String(m.SentTimestamp),
              SenderId: 'harness',
              ApproximateFirstReceiveTimestamp: String(Date.now()),
            },
            messageAttributes: {},
            md5OfBody: m.MD5OfBody,
            eventSource: 'aws:sqs',
            eventSourceARN: queueArn,
            awsRegion: REGION,
          })),
        };
        const out = (await fn.invoke(event)) as { batchItemFailures?: { itemIdentifier: string }[] } | null;
        const failures = new Set(
          (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures')
            ? (out?.batchItemFailures ?? []).map((f) => f.itemIdentifier)
            : [],
        );
        for (const m of batch) {
          if (failures.has(m.MessageId)) failed.push(m.Body);
          // A real queue would hand a failed message out again after its visibility timeout; here it is reported once.
          this.sqs.waiting(url).splice(this.sqs.waiting(url).indexOf(m), 1);
        }
        delivered += batch.length;
      }
    }
    return { delivered, failed };
  }

  /**
   * CloudFront's part, for GET: picks the cache behaviour whose PathPattern matches `path` (else the
   * default), then its origin, or each member of its origin group in turn while the answer's status is
   * one of the group's failover codes. An S3 origin with origin access control is read from the s3rver
   * stand-in, if the bucket's policy lets cloudfront.amazonaws.com read the key for this distribution
   * (else 403, as S3 answers); a missing key is a 403 too (no s3:ListBucket). The HTTP API origin is
   * `http()` on the route the path matches. Caching is not played: every request reaches an origin.
   */
  async cdn(path: string, headers: Record<string, string> = {}): Promise<CdnResponse> {
    const [stack, distributionId, distribution] = resourcesOf(this.stacks, 'AWS::CloudFront::Distribution')[0] ?? [];
    if (!stack || !distribution) throw new Error('the templates have no CloudFront distribution');
    const config = distribution.Properties!.DistributionConfig as Record<string, any>;
    const behaviour =
      (config.CacheBehaviors ?? []).find((b: { PathPattern: string }) => glob(b.PathPattern).test(path)) ??
      config.DefaultCacheBehavior;
    const group = (config.OriginGroups?.Items ?? []).find((g: { Id: string }) => g.Id === behaviour.TargetOriginId);
    const memberIds: string[] = group
      ? group.Members.Items.map((m: { OriginId: string }) => m.OriginId)
      : [behaviour.TargetOriginId];
    const failover: number[] = group?.FailoverCriteria.StatusCodes.Items ?? [];
    let answer: CdnResponse | undefined;
    for (const id of memberIds) {
      const origin = (config.Origins as Record<string, any>[]).find((o) => o.Id === id)!;
      answer = origin.S3OriginConfig
        ? await this.fromBucket(stack, distributionId!, origin, path)
        : await this.fromApi(path, headers);
      if (!failover.includes(answer.statusCode)) break;
    }
    return answer!;
  }

  private async fromBucket(
    apiStack: StackTemplate,
    distributionId: string,
    origin: Record<string, any>,
    path: string,
  ): Promise<CdnResponse> {
    const bucket = String(this.resolver.string(apiStack, origin.DomainName)).replace(/\.s3\.[^/]+$/, '');
    const denied = (statusCode: number): CdnResponse => ({
      statusCode,
      headers: {},
      body: Buffer.from(''),
      origin: 's3',
    });
    if (!origin.OriginAccessControlId) return denied(403);
    const key = decodeURIComponent(path.slice(1));
    const policies = resourcesOf(this.stacks, 'AWS::S3::BucketPolicy').filter(
      ([st, , r]) => this.resolver.string(st, r.Properties!.Bucket) === bucket,
    );
    const statements = policies.flatMap(([st, , r]) =>
      [(this.resolver.resolve(st, r.Properties!.PolicyDocument) as { Statement: unknown }).Statement].flat(),
    ) as Record<string, any>[];
    const allowed = bucketPolicyAllows(
      statements,
      'cloudfront.amazonaws.com',
      { action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${key}` },
      {
        'AWS:SourceAccount': ACCOUNT,
        'AWS:SourceArn': `arn:aws:cloudfront::${ACCOUNT}:distribution/${distributionId}`,
        'aws:SecureTransport': 'true',
      },
    );
    if (!allowed) return denied(403);
    try {
      const out = await this.s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const headers: Record<string, string> = {};
      if (out.ContentType) headers['content-type'] = out.ContentType;
      if (out.ContentDisposition) headers['content-disposition'] = out.ContentDisposition;
      if (out.CacheControl) headers['cache-control'] = out.CacheControl;
      if (out.ETag) headers.etag = out.ETag;
      if (out.LastModified) headers['last-modified'] = out.LastModified.toUTCString();
      return { statusCode: 200, headers, body: Buffer.from(await out.Body!.transformToByteArray()), origin: 's3' };
    } catch (e) {
      if (e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404))
        return denied(403);
      throw e;
    }
  }

  private async fromApi(path: string, headers: Record<string, string>): Promise<CdnResponse> {
    const segments = path.split('/');
    const routeKey = this.routeKeys().find((k) => {
      const [method, pattern] = k.split(' ') as [string, string];
      const parts = pattern.split('/');
      return (
        method === 'GET' &&
        parts.length === segments.length &&
        parts.every((p, i) => (p.startsWith('{') ? segments[i] !== '' : p === segments[i]))
      );
    });
    if (!routeKey) return { statusCode: 404, headers: {}, body: Buffer.from('Not Found'), origin: 'api' };
    const r = await this.http(routeKey, { method: 'GET', path, headers });
    const body = Buffer.from(r.body ?? '', r.isBase64Encoded ? 'base64' : 'utf8');
    return {
      statusCode: r.statusCode ?? 200,
      headers: (r.headers ?? {}) as Record<string, string>,
      body,
      origin: 'api',
    };
  }

  /** The HTTP API's route keys (`GET /graphql`, …). */
  routeKeys(): string[] {
    return resourcesOf(this.stacks, 'AWS::ApiGatewayV2::Route').map(([, , r]) => String(r.Properties!.RouteKey));
  }

  /**
   * API Gateway's part: finds the route for `request` among the template's routes, checks that API
   * Gateway may invoke its integration's function, and invokes it with a payload 2.0 event.
   */
  async http(routeKey: string, request: HttpRequest): Promise<APIGatewayProxyStructuredResultV2> {
    const found = resourcesOf(this.stacks, 'AWS::ApiGatewayV2::Route').find(
      ([, , r]) => r.Properties!.RouteKey === routeKey,
    );
    if (!found) throw new Error(`the HTTP API has no route ${routeKey}`);
    const [stack, , route] = found;
    const integrationId = String(this.resolver.resolve(stack, route.Properties!.Target)).replace(/^integrations\//, '');
    const integration = Object.entries(stack.resources).find(
      ([id, r]) => r.Type === 'AWS::ApiGatewayV2::Integration' && this.physicalOf(stack, id)!.ref === integrationId,
    )?.[1];
    if (!integration) throw new Error(`route ${routeKey} has no integration`);
    const ip = integration.Properties as Record<string, unknown>;
    if (ip.IntegrationType !== 'AWS_PROXY' || ip.PayloadFormatVersion !== '2.0')
      throw new Error(`route ${routeKey}: not a Lambda proxy integration with payload 2.0`);
    const fn = this.functionAt(stack, ip.IntegrationUri);
    const [method, path] = routeKey.split(' ') as [string, string];
    const apiRef = this.resolver.string(stack, route.Properties!.ApiId);
    const sourceArn = `arn:aws:execute-api:${REGION}:${ACCOUNT}:${apiRef}/$default/${method}${path}`;
    const permitted = Object.values(stack.resources).some(
      (r) =>
        r.Type === 'AWS::Lambda::Permission' &&
        r.Properties!.Principal === 'apigateway.amazonaws.com' &&
        r.Properties!.Action === 'lambda:InvokeFunction' &&
        this.resolver.string(stack, r.Properties!.FunctionName) === fn.spec.arn &&
        glob(this.resolver.string(stack, r.Properties!.SourceArn)).test(sourceArn),
    );
    if (!permitted)
      throw new Error(`API Gateway may not invoke ${fn.spec.logicalId} for ${routeKey}: no AWS::Lambda::Permission`);
    return (await fn.invoke(httpApiEvent(routeKey, request))) as APIGatewayProxyStructuredResultV2;
  }

  /** A Lambda function URL: checks the IAM auth (a SigV4 signature for service lambda) and invokes the target. */
  private async serveFunctionUrl(req: IncomingMessage): Promise<APIGatewayProxyStructuredResultV2> {
    const url = new URL(req.url ?? '/', this.urlBase);
    const [, stackName, urlId, ...rest] = url.pathname.split('/');
    const stack = this.stacks.find((s) => s.name === stackName);
    const resource = stack?.resources[urlId ?? ''];
    if (!stack || resource?.Type !== 'AWS::Lambda::Url') return { statusCode: 404, body: 'no such function URL' };
    const fn = this.functionAt(stack, resource.Properties!.TargetFunctionArn);
    let body = '';
    for await (const c of req) body += (c as Buffer).toString();
    const auth = String(req.headers.authorization ?? '');
    if (resource.Properties!.AuthType === 'AWS_IAM') {
      if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/eu-west-1\/lambda\/aws4_request/.test(auth))
        return { statusCode: 403, body: JSON.stringify({ Message: 'Forbidden' }) };
      const caller = [...this.functions.entries()].find(([, f]) =>
        Object.values(f.spec.environment).some((v) => v.includes(`/${stackName}/${urlId}/`)),
      );
      this.urlCalls.push({ caller: caller?.[0] ?? ('unknown/caller' as Id), target: fn.spec.arn });
    }
    const path = `/${rest.join('/')}`;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    return (await fn.invoke(
      httpApiEvent(`$default`, {
        method: req.method as 'GET' | 'POST',
        path,
        query: url.search.slice(1),
        body,
        headers,
      }),
    )) as APIGatewayProxyStructuredResultV2;
  }

  /** Every recorded call a function's role does not allow, as readable lines; empty when all are allowed. */
  iamViolations(): string[] {
    const lines: string[] = [];
    for (const [id, fn] of this.functions) {
      const stack = this.stacks.find((s) => s.name === fn.spec.stack)!;
      const needed = new Map<string, Needed>();
      for (const call of fn.calls) {
        for (const n of neededFor(call, { region: REGION, account: ACCOUNT, queueArn: (u) => this.queueArnOf(u) }))
          needed.set(`${n.action} ${n.resource}`, n);
      }
      for (const c of this.urlCalls.filter((c) => c.caller === id))
        needed.set(`lambda:InvokeFunctionUrl ${c.target}`, { action: 'lambda:InvokeFunctionUrl', resource: c.target });
      // A function that sent nothing needs nothing (CDK's own providers, e.g. the cross-region
      // export writer, are never invoked here and carry managed policies the harness cannot read).
      if (needed.size === 0) continue;
      const statements = roleStatements(stack, fn.spec.roleId, this.resolver);
      for (const [text, n] of needed) if (!allows(statements, n)) lines.push(`${id} is not allowed ${text}`);
    }
    for (const c of this.urlCalls)
      if (!this.functions.has(c.caller)) lines.push(`an unknown caller invoked ${c.target}`);
    return lines;
  }

  /** What each function sent, as `action resource` lines (for the report of a failing test). */
  callsOf(id: string): string[] {
    const fn = [...this.functions.entries()].find(([k]) => k.endsWith(`/${id}`) || k === id)?.[1];
    return (fn?.calls ?? []).map((c) => `${c.client} ${c.command}`);
  }

  /** Functions whose logical id matches `name`. */
  functionsNamed(name: RegExp): FunctionHost[] {
    return [...this.functions.values()].filter((f) => name.test(f.spec.logicalId));
  }

  private queueArnOf(url: string): string {
    for (const p of this.physical.values()) if (p.ref === url && p.attributes?.Arn) return p.attributes.Arn;
    throw new Error(`no queue at ${url}`);
  }

  private requireAllowed(stack: StackTemplate, roleId: string, needed: Needed, what: string) {
    if (!allows(roleStatements(stack, roleId, this.resolver), needed))
      throw new Error(`${what}: role ${roleId} is not allowed ${needed.action} on ${needed.resource}`);
  }

  /** Takes resources out of the in-memory templates (to show what the checks do without them). */
  removeResources(match: (r: Resource) => boolean): [StackTemplate, string, Resource][] {
    const removed: [StackTemplate, string, Resource][] = [];
    for (const stack of this.stacks)
      for (const [id, r] of Object.entries(stack.resources))
        if (match(r)) {
          removed.push([stack, id, r]);
          delete stack.resources[id];
        }
    return removed;
  }

  restoreResources(removed: readonly [StackTemplate, string, Resource][]): void {
    for (const [stack, id, r] of removed) stack.resources[id] = r;
  }

  /** Removes `action` from every statement of the role of the function whose logical id matches; returns an undo. */
  removeAction(name: RegExp, action: string): () => void {
    const [fn] = this.functionsNamed(name);
    if (!fn) throw new Error(`no function ${name}`);
    const stack = this.stacks.find((s) => s.name === fn.spec.stack)!;
    const undo: (() => void)[] = [];
    for (const r of Object.values(stack.resources)) {
      if (r.Type !== 'AWS::IAM::Policy' || !JSON.stringify(r.Properties?.Roles).includes(`"${fn.spec.roleId}"`))
        continue;
      const doc = r.Properties!.PolicyDocument as { Statement: { Action: string | string[] }[] };
      for (const st of doc.Statement) {
        const before = st.Action;
        const actions = [before].flat();
        if (!actions.includes(action)) continue;
        st.Action = actions.filter((a) => a !== action);
        undo.push(() => (st.Action = before));
      }
    }
    if (!undo.length) throw new Error(`${fn.spec.logicalId}'s policies do not name ${action}`);
    return () => {
      for (const u of undo) u();
    };
  }

  /** Stops every function's execution environment; the next invocation starts it cold. */
  async stopFunctions(): Promise<void> {
    await Promise.all([...this.functions.values()].map((f) => f.stop()));
  }

  async stop(): Promise<void> {
    await this.stopFunctions();
    await this.sqs?.close();
    this.s3Client?.destroy();
    await this.s3?.close();
    await new Promise<void>((r) => (this.urlServer ? this.urlServer.close(() => r()) : r()));
    this.urlServer?.closeAllConnections();
    if (this.s3Dir) rmSync(this.s3Dir, { recursive: true, force: true });
  }
}

/** An API Gateway HTTP API (payload format 2.0) event, as API Gateway (or a function URL) sends it. */
export function httpApiEvent(routeKey: string, r: HttpRequest): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {
    accept: 'application/json',
    host: 'api.inspraak.example',
    'user-agent': 'inspraak-deployed-test',
    'x-forwarded-for': '198.51.100.7',
    'x-forwarded-proto': 'https',
    ...(r.body !== undefined && {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(r.body)),
    }),
    ...r.headers,
  };
  return {
    version: '2.0',
    routeKey,
    rawPath: r.path,
    rawQueryString: r.query ?? '',
    ...(r.query && { queryStringParameters: Object.fromEntries(new URLSearchParams(r.query)) }),
    headers,
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'harness',
      domainName: 'api.inspraak.example',
      domainPrefix: 'api',
      http: {
        method: r.method,
        path: r.path,
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.7',
        userAgent: 'inspraak-deployed-test',
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(r.body !== undefined && { body: r.body }),
    isBase64Encoded: false,
  };
}
