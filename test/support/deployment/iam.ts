/**
 * What a function's role may do, read from the synthesised template, and what each recorded AWS SDK
 * command needs in IAM's terms (action and resource ARNs), per the service authorization references:
 * batch and transaction APIs are authorised by their per-item actions (SendMessageBatch by
 * sqs:SendMessage, TransactWriteItems by dynamodb:PutItem/UpdateItem/…), HeadObject by s3:GetObject.
 */
import type { Resolver, StackTemplate } from './cfn';

export interface Statement {
  actions: string[];
  resources: string[];
}

/** One AWS SDK command a function sent, as the harness's middleware recorded it. */
export interface RecordedCall {
  client: string;
  command: string;
  input: Record<string, unknown>;
}

export interface Needed {
  action: string;
  resource: string;
}

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The Allow statements of every policy attached to the role `roleId` (inline and AWS::IAM::Policy). */
export function roleStatements(stack: StackTemplate, roleId: string, resolver: Resolver): Statement[] {
  const role = stack.resources[roleId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${stack.name}: ${roleId} is not a role`);
  if (list(role.Properties?.ManagedPolicyArns).length)
    throw new Error(`${stack.name}: ${roleId} has managed policies, which the harness cannot read`);
  const documents = [
    ...list(role.Properties?.Policies).map((p) => (p as { PolicyDocument: unknown }).PolicyDocument),
    ...Object.values(stack.resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          list(r.Properties?.Roles).some((x) => JSON.stringify(x) === JSON.stringify({ Ref: roleId })),
      )
      .map((r) => r.Properties!.PolicyDocument),
  ];
  return documents.flatMap((doc) =>
    list((doc as { Statement: unknown }).Statement)
      .map((s) => s as { Effect: string; Action: unknown; Resource: unknown })
      .filter((s) => s.Effect === 'Allow')
      .map((s) => ({
        actions: list(s.Action).map(String),
        resources: list(resolver.resolve(stack, s.Resource)).map(String),
      })),
  );
}

/** An IAM-style pattern (`*`, `?`) as a regular expression. */
export const glob = (pattern: string, caseless = false) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    caseless ? 'i' : '',
  );

/** Whether one of `statements` allows `needed` (IAM wildcards `*` and `?`; actions case-insensitive). */
export function allows(statements: readonly Statement[], needed: Needed): boolean {
  return statements.some(
    (s) =>
      s.actions.some((a) => glob(a, true).test(needed.action)) &&
      s.resources.some((r) => glob(r, false).test(needed.resource)),
  );
}

export interface Arns {
  region: string;
  account: string;
  /** The queue ARN behind a queue URL. */
  queueArn(url: string): string;
}

/** The IAM action(s) and resource(s) a recorded SDK command needs. Throws for a command it does not know. */
export function neededFor(call: RecordedCall, arns: Arns): Needed[] {
  const op = call.command.replace(/Command$/, '');
  const table = (name: unknown) => `arn:aws:dynamodb:${arns.region}:${arns.account}:table/${String(name)}`;
  const input = call.input;
  if (/DynamoDB/.test(call.client)) {
    switch (op) {
      case 'BatchGetItem':
      case 'BatchWriteItem':
        return Object.keys(input.RequestItems as object).map((t) => ({ action: `dynamodb:${op}`, resource: table(t) }));
      case 'TransactWriteItems':
      case 'TransactGetItems':
        return (input.TransactItems as Record<string, { TableName: string }>[]).map((item) => {
          const [kind, body] = Object.entries(item)[0]!;
          const action = {
            Put: 'PutItem',
            Update: 'UpdateItem',
            Delete: 'DeleteItem',
            ConditionCheck: 'ConditionCheckItem',
            Get: 'GetItem',
          }[kind];
          if (!action) throw new Error(`no IAM mapping for a ${kind} in ${op}`);
          return { action: `dynamodb:${action}`, resource: table(body.TableName) };
        });
      default:
        return [
          {
            action: `dynamodb:${op}`,
            resource: `${table(input.TableName)}${input.IndexName ? `/index/${String(input.IndexName)}` : ''}`,
          },
        ];
    }
  }
  if (/SQS/.test(call.client)) {
    const action = op.replace(/Batch$/, '');
    return [{ action: `sqs:${action}`, resource: arns.queueArn(String(input.QueueUrl)) }];
  }
  if (/S3/.test(call.client)) {
    const bucket = `arn:aws:s3:::${String(input.Bucket)}`;
    switch (op) {
      case 'GetObject':
      case 'HeadObject':
        return [{ action: 's3:GetObject', resource: `${bucket}/${String(input.Key)}` }];
      case 'PutObject':
      case 'DeleteObject':
        return [{ action: `s3:${op}`, resource: `${bucket}/${String(input.Key)}` }];
      case 'ListObjectsV2':
        return [{ action: 's3:ListBucket', resource: bucket }];
      default:
        throw new Error(`no IAM mapping for S3 ${op}`);
    }
  }
  throw new Error(`no IAM mapping for ${call.client} ${call.command}`);
}

/** The request context a bucket policy's conditions are read against (the keys IAM compares case-insensitively). */
export type ConditionContext = Record<string, string>;

/**
 * Whether a bucket policy lets the AWS service `service` (e.g. `cloudfront.amazonaws.com`) do `needed`
 * in `context`: an Allow naming the service whose conditions (StringEquals, StringLike, ArnLike,
 * ArnEquals, Bool) all hold, and no Deny that applies. Unknown condition operators count as not holding.
 */
export function bucketPolicyAllows(
  statements: readonly Record<string, any>[],
  service: string,
  needed: Needed,
  context: ConditionContext,
): boolean {
  const value = (key: string) => Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  const holds = (conditions: Record<string, Record<string, unknown>> | undefined) =>
    Object.entries(conditions ?? {}).every(([operator, pairs]) =>
      Object.entries(pairs).every(([key, expected]) => {
        const actual = value(key);
        if (actual === undefined) return false;
        const wanted = list(expected).map(String);
        switch (operator) {
          case 'StringEquals':
          case 'ArnEquals':
          case 'Bool':
            return wanted.includes(actual);
          case 'StringLike':
          case 'ArnLike':
            return wanted.some((w) => glob(w).test(actual));
          default:
            return false;
        }
      }),
    );
  const applies = (s: Record<string, any>) =>
    list(s.Action).some((a) => glob(String(a), true).test(needed.action)) &&
    list(s.Resource).some((r) => glob(String(r)).test(needed.resource)) &&
    (s.Principal?.AWS === '*' || list(s.Principal?.Service).includes(service)) &&
    holds(s.Condition);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s));
}
