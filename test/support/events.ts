/** Real-shaped API Gateway HTTP API (payload format 2.0) events. */
import type { Context } from 'aws-lambda';

export { httpApiEvent } from '../../infra/apiEvents';

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'inspraak-gateway',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:inspraak-gateway',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/inspraak-gateway',
  logStreamName: '2026/11/27/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;
