/** The Lambda entry points, invoked with real-shaped API Gateway HTTP API v2 events. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ensureRegistry } from '../services/core/registry';
import { aProposal } from './support/builders';
import { freshTable } from './support/db';
import { httpApiEvent, lambdaContext } from './support/events';
import { seed } from './support/seed';

type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;

describe('Lambda handlers', () => {
  let gateway: Handler;
  let proposals: Handler;

  beforeAll(async () => {
    const db = await freshTable('lambda');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { proposals: [aProposal(7, { title: 'Bankjes in het Vondelpark' })] });
    // The handlers read their configuration once, at cold start, like on AWS.
    process.env.DYNAMODB_ENDPOINT = db.endpoint;
    process.env.INSPRAAK_TABLE = db.table;
    // The seed has just advanced the data version; DynamoDB Local's indexes need no time to settle.
    process.env.INSPRAAK_DATA_SETTLE_MS = '0';
    gateway = (require('../services/gateway/lambda') as { handler: Handler }).handler;
    proposals = (require('../services/proposals/lambda') as { handler: Handler }).handler;
  });

  it('answers a cross-subgraph query through the gateway handler', async () => {
    const body = JSON.stringify({
      query: '{ proposals(first: 1) { edges { node { title municipality { name province { name } } } } } }',
    });
    const res = await gateway(httpApiEvent(body), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toMatch(/application\/(graphql-response\+)?json/);
    expect(JSON.parse(res.body!)).toEqual({
      extensions: { cost: expect.any(Object) }, // the estimated cost, always reported
      data: {
        proposals: {
          edges: [
            {
              node: {
                title: 'Bankjes in het Vondelpark',
                municipality: { name: 'Amsterdam', province: { name: 'Noord-Holland' } },
              },
            },
          ],
        },
      },
    });
  });

  it('accepts a base64-encoded body, as API Gateway may send', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ municipality(code: "GM0344") { name } }' })).toString('base64');
    const res = await gateway(httpApiEvent(body, { isBase64Encoded: true }), lambdaContext);
    expect(JSON.parse(res.body!)).toEqual({
      extensions: { cost: expect.any(Object) },
      data: { municipality: { name: 'Utrecht' } },
    });
  });

  it.each([
    ['malformed JSON', '{"query": "{', 400, 'BAD_REQUEST'],
    [
      'first: 1000',
      JSON.stringify({ query: '{ proposals(first: 1000) { edges { cursor } } }' }),
      400,
      'BAD_USER_INPUT',
    ],
    ['an unknown field', JSON.stringify({ query: '{ proposals { total } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with a coded GraphQL error and status %i', async (_name, body, status, code) => {
    const res = await gateway(httpApiEvent(body), lambdaContext);
    expect(res.statusCode).toBe(status);
    expect(JSON.parse(res.body!).errors[0].extensions.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|127\.0\.0\.1/);
  });

  it('serves a subgraph on its own, with its federation entry points', async () => {
    const body = JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Proposal { title } } _service { sdl } }',
      variables: { r: [{ __typename: 'Proposal', id: aProposal(7).id }] },
    });
    const res = await proposals(httpApiEvent(body), lambdaContext);
    expect(res.statusCode).toBe(200);
    const json = JSON.parse(res.body!);
    expect(json.data._entities).toEqual([{ title: 'Bankjes in het Vondelpark' }]);
    expect(json.data._service.sdl).toMatch(/type Proposal\s+@key\(fields: "id"\)/);
  });

  it('answers a GET query with an ETag, and the same GET with If-None-Match with an empty 304', async () => {
    const get = (headers: Record<string, string> = {}) => {
      const base = httpApiEvent(undefined);
      return gateway(
        {
          ...base,
          routeKey: 'GET /graphql',
          rawQueryString: new URLSearchParams({ query: '{ municipality(code: "GM0363") { name } }' }).toString(),
          headers: { ...base.headers, ...headers },
          requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method: 'GET' } },
        },
        lambdaContext,
      );
    };
    const first = await get();
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body!)).toEqual({
      extensions: { cost: expect.any(Object) },
      data: { municipality: { name: 'Amsterdam' } },
    });
    expect(first.headers?.['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const etag = String(first.headers?.etag);
    const again = await get({ 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers?.etag).toBe(etag);
  });
});
