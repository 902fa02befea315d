/**
 * Fault injection through a fake HTTP subgraph: whatever one subgraph does, the client gets a 200 with
 * the other subgraphs' fields, and an error at the failed field's path with a code and the subgraph's
 * name, naming no address; and 200 concurrent requests get no 5xx.
 */
import { type ServerResponse } from 'node:http';
import type { RunningHttp } from '../services/core/http';
import { ensureRegistry } from '../services/core/registry';
import { startSubgraphServer } from '../services/core/serve';
import { SUBGRAPHS } from '../services/gateway/subgraphs';
import { aBudget, aProposal, aSource } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { startFakeSubgraph } from './support/fakeSubgraph';
import { closedPort } from './support/ports';
import { seed } from './support/seed';

/** One root field per subgraph, so one failing subgraph leaves the others' answers. */
const PARTIAL = `{ municipality(code: "GM0363") { name } proposal(id: "gm0363-openstad:proposal:1") { title }
  budget(id: "gm0363-openstad:budget:1") { title } }`;

const json = (body: unknown) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('one subgraph misbehaving', () => {
  let db: TestDb;
  const closers: (() => Promise<void>)[] = [];
  let urls: Record<string, string>;

  beforeAll(async () => {
    db = await freshTable('reliability');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { sources: [aSource()], proposals: [aProposal(1)], budgets: [aBudget(1)] });
    urls = {};
    // Every registered subgraph as its own server, as `npm run subgraph -- <name>` starts it.
    for (const definition of SUBGRAPHS) {
      const running: RunningHttp = await startSubgraphServer(definition, {
        DYNAMODB_ENDPOINT: db.endpoint,
        INSPRAAK_TABLE: db.table,
        PORT: '0',
      });
      closers.push(running.close);
      urls[definition.name] = running.url;
    }
    // One healthy request first: the servers' first DynamoDB calls (client set-up, connections) can take
    // longer than the 500 ms subgraph timeout below on a busy machine.
    const warm = await startTestGateway(db, { INSPRAAK_SUBGRAPH_URLS: JSON.stringify(urls) });
    await warm.post({ query: PARTIAL });
    await warm.close();
  });
  afterAll(async () => {
    await Promise.all(closers.map((c) => c()));
  });

  async function gatewayWith(over: Record<string, string>, env: Record<string, string> = {}): Promise<TestGateway> {
    const gw = await startTestGateway(db, {
      INSPRAAK_SUBGRAPH_URLS: JSON.stringify({ ...urls, ...over }),
      INSPRAAK_SUBGRAPH_TIMEOUT_MS: '500',
      ...env,
    });
    closers.push(gw.close);
    return gw;
  }

  const fakeSubgraph = (handler: Parameters<typeof startFakeSubgraph>[0]) => startFakeSubgraph(handler, closers);

  const fiftyMegabytes = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":{"budget":{"title":"');
    const chunk = 'x'.repeat(1 << 20);
    let sent = 0;
    const more = () => {
      while (sent < 50 && res.write(chunk)) sent++;
      if (sent < 50) res.once('drain', more);
      else res.end('"}}}');
    };
    more();
  };

  it.each<[string, () => Promise<string>, string]>([
    ['refuses connections', async () => `http://127.0.0.1:${await closedPort()}/graphql`, 'SUBGRAPH_UNAVAILABLE'],
    ['hangs', () => fakeSubgraph(() => undefined), 'SUBGRAPH_TIMEOUT'],
    [
      'answers an HTML 500',
      () => fakeSubgraph((res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Oops</h1>')),
      'SUBGRAPH_UNAVAILABLE',
    ],
    [
      'answers 200 with something not JSON',
      () => fakeSubgraph((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>')),
      'SUBGRAPH_UNAVAILABLE',
    ],
    ['answers {}', () => fakeSubgraph(json({})), 'SUBGRAPH_UNAVAILABLE'],
    ['answers 50 MB', () => fakeSubgraph(fiftyMegabytes), 'SUBGRAPH_UNAVAILABLE'],
  ])(
    'when the budgets subgraph %s: 200, the rest intact, an error at the path with code and name',
    async (_name, url, code) => {
      const gw = await gatewayWith({ budgets: await url() }, { INSPRAAK_SUBGRAPH_MAX_BYTES: String(1 << 20) });
      const res = await gw.post({ query: PARTIAL });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({
        municipality: { name: 'Amsterdam' },
        proposal: { title: 'Voorstel 1' },
        budget: null,
      });
      expect(res.json.errors).toEqual([
        { message: expect.any(String), path: ['budget'], extensions: { code, serviceName: 'budgets' } },
      ]);
      expect(res.text).not.toMatch(/127\.0\.0\.1|Oops|<html>|stacktrace/);
    },
  );

  // A field that another subgraph resolves is nullable (schema/*.graphql says so), so that subgraph's
  // failure nulls that field only, never its parent or the whole answer.
  const refused = async () => `http://127.0.0.1:${await closedPort()}/graphql`;
  it.each<[string, string, string, unknown, (string | number)[][]]>([
    [
      "a municipality's budgets",
      'budgets',
      `{ municipality(code: "GM0363") { name budgets { edges { node { title } } } } }`,
      { municipality: { name: 'Amsterdam', budgets: null } },
      [['municipality', 'budgets']],
    ],
    [
      "a municipality's proposals, and the proposals root list",
      'proposals',
      `{ municipality(code: "GM0363") { name proposals { edges { node { title } } } }
         proposals(first: 1) { edges { cursor } } }`,
      { municipality: { name: 'Amsterdam', proposals: null }, proposals: null },
      [['municipality', 'proposals'], ['proposals']],
    ],
    [
      "a proposal's municipality and source",
      'municipalities',
      `{ proposal(id: "gm0363-openstad:proposal:1") { title municipality { code name }
           provenance { upstreamId source { id name } } } }`,
      { proposal: { title: 'Voorstel 1', municipality: null, provenance: { upstreamId: '1', source: null } } },
      [
        ['proposal', 'municipality', 'name'],
        ['proposal', 'provenance', 'source', 'name'],
      ],
    ],
    [
      "a budget's municipality",
      'municipalities',
      `{ budget(id: "gm0363-openstad:budget:1") { title municipality { name } } }`,
      { budget: { title: 'Begroting 1', municipality: null } },
      [['budget', 'municipality', 'name']],
    ],
    [
      'a search hit',
      'proposals',
      `{ search(query: "voorstel", filter: { kinds: [PROPOSAL] }) { totalCount
           edges { cursor node { ... on Proposal { title } } } } }`,
      { search: { totalCount: 1, edges: [{ cursor: expect.any(String), node: null }] } },
      [['search', 'edges', 0, 'node', 'title']],
    ],
  ])(
    '%s: null when the %s subgraph refuses; its parent and their other fields survive',
    async (_name, subgraph, query, data, paths) => {
      const gw = await gatewayWith({ [subgraph]: await refused() });
      const res = await gw.post({ query });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual(data);
      expect(res.json.errors.map((e: { path: unknown }) => e.path).sort()).toEqual([...paths].sort());
      for (const error of res.json.errors) {
        expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph });
      }
    },
  );

  // What a subgraph answers is checked against the schema: a value of the wrong shape becomes an error
  // at its path (SUBGRAPH_BAD_RESPONSE, with the subgraph's name) instead of a 500 or a silent null.
  const BUDGET = `{ municipality(code: "GM0363") { name }
    budget(id: "gm0363-openstad:budget:1") { title voterCount projects(first: 2) { edges { cursor } } } }`;
  const budget = (o: Record<string, unknown>) => ({
    data: { budget: { title: 'Begroting 1', voterCount: 7, projects: { edges: [{ cursor: 'c1' }] }, ...o } },
  });
  const badResponse = { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: 'budgets' };
  it.each<[string, unknown, unknown, (string | number)[]]>([
    [
      'a string for an Int',
      budget({ voterCount: 'many' }),
      { title: 'Begroting 1', voterCount: null, projects: { edges: [{ cursor: 'c1' }] } },
      ['budget', 'voterCount'],
    ],
    [
      'a fraction for an Int',
      budget({ voterCount: 1.5 }),
      { title: 'Begroting 1', voterCount: null, projects: { edges: [{ cursor: 'c1' }] } },
      ['budget', 'voterCount'],
    ],
    ['an object for a String', budget({ title: { not: 'a string' } }), null, ['budget', 'title']],
    ['a list for a String', budget({ title: ['Begroting 1'] }), null, ['budget', 'title']],
    ['null for a non-null String', budget({ title: null }), null, ['budget', 'title']],
    [
      'nothing for a field asked for',
      { data: { budget: { title: 'Begroting 1', projects: { edges: [] } } } },
      { title: 'Begroting 1', voterCount: null, projects: { edges: [] } },
      ['budget', 'voterCount'],
    ],
    [
      'a non-list where a list belongs',
      budget({ projects: { edges: { cursor: 'c1' } } }),
      null,
      ['budget', 'projects', 'edges'],
    ],
    ['a string where a list belongs', budget({ projects: { edges: 'none' } }), null, ['budget', 'projects', 'edges']],
    [
      'a string in a list of objects',
      budget({ projects: { edges: [{ cursor: 'c1' }, 'c2'] } }),
      null,
      ['budget', 'projects', 'edges', 1],
    ],
    ['a list where an object belongs', { data: { budget: [{ title: 'Begroting 1' }] } }, null, ['budget']],
    ['data that is not an object', { data: 'budget' }, null, ['budget']],
  ])(
    'when the budgets subgraph answers %s: an error at its path, the rest intact, never a 500',
    async (_name, body, budgetData, path) => {
      const gw = await gatewayWith({ budgets: await fakeSubgraph(json(body)) });
      const res = await gw.post({ query: BUDGET });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ municipality: { name: 'Amsterdam' }, budget: budgetData });
      expect(res.json.errors).toEqual([
        { message: expect.stringContaining('budgets subgraph'), path, extensions: badResponse },
      ]);
    },
  );

  it.each<[string, unknown, (string | number)[]]>([
    ['entities that are not a list', { data: { _entities: { budgets: null } } }, ['municipality', 'budgets']],
    ['fewer entities than asked for', { data: { _entities: [] } }, ['municipality', 'budgets']],
    [
      'a number where a list belongs in an entity',
      { data: { _entities: [{ budgets: { edges: 5 } }] } },
      ['municipality', 'budgets', 'edges'],
    ],
  ])(
    "when the budgets subgraph answers a municipality's budgets with %s: an error there, the name intact",
    async (_name, body, path) => {
      const gw = await gatewayWith({ budgets: await fakeSubgraph(json(body)) });
      const res = await gw.post({ query: `{ municipality(code: "GM0363") { name budgets { edges { cursor } } } }` });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ municipality: { name: 'Amsterdam', budgets: null } });
      expect(res.json.errors).toEqual([
        { message: expect.stringContaining('budgets subgraph'), path, extensions: badResponse },
      ]);
    },
  );

  /** The EMF lines of the per-subgraph outage metric written while `run` runs. */
  async function outageLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array) => boolean;
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return write(chunk);
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.includes('"SubgraphFailures"'))
      .map((l) => JSON.parse(l));
  }

  it.each<[string, () => Promise<string>, string]>([
    ['refuses connections', refused, 'SUBGRAPH_UNAVAILABLE'],
    ['answers a string for an Int', () => fakeSubgraph(json(budget({ voterCount: 'many' }))), 'SUBGRAPH_BAD_RESPONSE'],
  ])('counts a call to a subgraph that %s in the outage metric, by subgraph and code', async (_name, url, code) => {
    const gw = await gatewayWith({ budgets: await url() });
    const lines = await outageLines(() => gw.post({ query: BUDGET }));
    expect(lines).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
          CloudWatchMetrics: [
            {
              Namespace: 'Inspraak',
              Dimensions: [['Subgraph'], ['Subgraph', 'Code']],
              Metrics: [{ Name: 'SubgraphFailures', Unit: 'Count' }],
            },
          ],
        },
        Subgraph: 'budgets',
        Code: code,
        SubgraphFailures: 1,
        level: 'info',
        message: 'subgraph call failed',
      },
    ]);
  });

  it('answers 200 concurrent requests without a 5xx', async () => {
    const gw = await gatewayWith(
      { budgets: await fakeSubgraph(() => undefined) },
      { INSPRAAK_SUBGRAPH_TIMEOUT_MS: '300' },
    );
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => gw.post({ query: PARTIAL }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
