/**
 * Real-shaped API Gateway HTTP API (payload format 2.0) events: for warming a bundle up at bundle time
 * (infra/codeCache.ts), the cold-start bench and the tests (test/support/events.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function httpApiEvent(
  body: string | undefined,
  overrides: Partial<APIGatewayProxyEventV2> = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body ?? '')),
      host: 'api.inspraak.example',
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-67a0c0de-1234567890abcdef01234567',
      'x-forwarded-for': '198.51.100.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'api.inspraak.example',
      domainPrefix: 'api',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '198.51.100.7',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'JKJaXmPLoAMEWkw=',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '27/Nov/2026:09:00:00 +0000',
      timeEpoch: 1_795_770_000_000,
    },
    ...(body !== undefined && { body }),
    isBase64Encoded: false,
    ...overrides,
  };
}
