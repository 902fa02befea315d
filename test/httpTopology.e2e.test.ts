import type { AddressInfo } from 'node:net';
import type { RunningHttp } from '../services/core/http';
import { ensureRegistry } from '../services/core/registry';
import { startSubgraphServer } from '../services/core/serve';
import { SUBGRAPHS } from '../services/gateway/subgraphs';
import { aBudget, aProject, aProposal } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { startFakeSubgraph } from './support/fakeSubgraph';
import { closedPort } from './support/ports';
import { seed } from './support/seed';

const QUERY = `{ municipality(code: "GM0363") { name proposals(first: 3) { edges { node { title municipality { name } } } }
  budgets { edges { node { title projects { edges { node { title proposal { title } } } } } } } } }`;

/** Nullable root fields, one per subgraph, so one failing subgraph leaves the others' answers. */
const PARTIAL = `{ municipality(code: "GM0363") { name } proposal(id: "gm0363-openstad:proposal:1") { title }
  budget(id: "gm0363-openstad:budget:1") { title } }`;

describe('the gateway over HTTP subgraphs', () => {
  let db: TestDb;
  const subgraphs: RunningHttp[] = [];
  const closers: (() => Promise<void>)[] = [];
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    db = await freshTable('http');
    await ensureRegistry(db.doc, db.table);
    const budget = aBudget(1);
    await seed(db, {
      proposals: [aProposal(1), aProposal(2)],
      budgets: [budget],
      projects: [aProject(budget, 0, { proposalId: aProposal(1).id })],
    });
    // Every registered subgraph as its own server, as `npm run subgraph -- <name>` starts it.
    for (const definition of SUBGRAPHS) {
      const running = await startSubgraphServer(definition, {
        DYNAMODB_ENDPOINT: db.endpoint,
        INSPRAAK_TABLE: db.table,
        PORT: '0',
      });
      subgraphs.push(running);
      urls[definition.name] = running.url;
    }
  });
  afterAll(async () => {
    await Promise.all([...subgraphs.map((s) => s.close()), ...closers.map((c) => c())]);
  });

  async function gatewayWith(over: Record<string, string>, timeoutMs = 2000): Promise<TestGateway> {
    const gw = await startTestGateway(db, {
      INSPRAAK_SUBGRAPH_URLS: JSON.stringify({ ...urls, ...over }),
      INSPRAAK_SUBGRAPH_TIMEOUT_MS: String(timeoutMs),
    });
    closers.push(gw.close);
    return gw;
  }

  const fakeSubgraph = (handler: Parameters<typeof startFakeSubgraph>[0]) => startFakeSubgraph(handler, closers);

  it('answers the same cross-subgraph query as in-process', async () => {
    const gw = await gatewayWith({});
    const res = await gw.post({ query: QUERY });
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data.municipality.name).toBe('Amsterdam');
    expect(res.json.data.municipality.proposals.edges.map((e: any) => e.node.title)).toEqual([
      'Voorstel 2',
      'Voorstel 1',
    ]);
    expect(res.json.data.municipality.budgets.edges[0].node.projects.edges[0].node.proposal.title).toBe('Voorstel 1');
  });

  it('signs subgraph calls with SigV4 when the subgraphs are IAM-authorised function URLs', async () => {
    const seen: { authorization?: string; date?: string; host?: string }[] = [];
    const { createServer } = await import('node:http');
    // A stand-in for a function URL: records the signature, then forwards to the real subgraph.
    const proxy = createServer(async (req, res) => {
      let body = '';
      for await (const c of req) body += c;
      seen.push({
        authorization: req.headers.authorization,
        date: req.headers['x-amz-date'] as string,
        host: req.headers.host,
      });
      const answer = await fetch(urls.proposals!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise((r) => proxy.close(() => r())));
    const signed = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    const env = {
      INSPRAAK_SUBGRAPH_URLS: JSON.stringify({ ...urls, proposals: signed }),
      INSPRAAK_SUBGRAPH_AUTH: 'aws-iam',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const gw = await startTestGateway(db, env);
      closers.push(gw.close);
      const res = await gw.post({ query: PARTIAL });
      expect(res.json.data.proposal).toEqual({ title: 'Voorstel 1' });
    } finally {
      process.env = saved;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[0]!.date).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('gives up on a subgraph that hangs after its timeout, and still answers the rest', async () => {
    const hanging = await fakeSubgraph(() => undefined);
    const gw = await gatewayWith({ proposals: hanging }, 300);
    const res = await gw.post({ query: PARTIAL }); // the hanging subgraph never answers: getting here is the point
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({
      municipality: { name: 'Amsterdam' },
      proposal: null,
      budget: { title: 'Begroting 1' },
    });
    expect(res.json.errors[0].extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'proposals' });
    expect(res.json.errors[0].message).toBe('The proposals subgraph did not answer within 300 ms.');
    expect(res.text).not.toContain('127.0.0.1');
  });

  it.each([
    ['is down', async () => `http://127.0.0.1:${await closedPort()}/graphql`],
    [
      'answers an HTML error page',
      () => fakeSubgraph((res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>')),
    ],
    [
      'answers invalid JSON',
      () => fakeSubgraph((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {')),
    ],
  ])('reports SUBGRAPH_UNAVAILABLE when a subgraph %s, naming no address', async (_name, url) => {
    const gw = await gatewayWith({ budgets: await url() });
    const res = await gw.post({ query: PARTIAL });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({
      municipality: { name: 'Amsterdam' },
      proposal: { title: 'Voorstel 1' },
      budget: null,
    });
    expect(res.json.errors[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'budgets' });
    expect(res.text).not.toMatch(/127\.0\.0\.1|Bad Gateway|Unexpected end/);
  });
});
