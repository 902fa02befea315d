import { generateConsulSeed, startConsulSimulator, type ConsulSimulator, type ConsulSimulatorOptions } from '..';

let sim: ConsulSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: ConsulSimulatorOptions = {}) {
  sim = await startConsulSimulator({ listen: false, ...options });
  return sim;
}

async function gql(query: string, variables: Record<string, unknown> = {}, path = '/graphql') {
  const res = await sim!.fetch(`${sim!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined,
  };
}

async function page(path: string) {
  const res = await sim!.fetch(`${sim!.url}${path}`, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

type Geozones = { data: { geozones: { nodes: { name: string }[] } } };

const PROPOSAL_IDS = '{ proposals(first: 25) { pageInfo { hasNextPage endCursor } nodes { id } } }';

describe('the simulated CONSUL 2.4.1 GraphQL API', () => {
  it('answers the version probe at /consul.json', async () => {
    await start({ municipality: 'GM0855' });
    const res = await sim!.fetch(`${sim!.url}/consul.json`);
    expect(await res.json()).toEqual({
      release: '2.4.1',
      features: { debates: 't', proposals: 't', polls: 't', budgets: 't', legislation: null },
    });
  });

  it('pages with base64url offset cursors, cuts first to 25 and defaults to 25', async () => {
    await start({ seed: generateConsulSeed(60) });
    const one = await gql(PROPOSAL_IDS);
    expect(one.json.data.proposals.pageInfo).toEqual({ hasNextPage: true, endCursor: 'MjU' });
    const two = await gql(
      'query($a: String) { proposals(first: 25, after: $a) { pageInfo { hasNextPage endCursor } nodes { id } } }',
      { a: 'MjU' },
    );
    expect(two.json.data.proposals.nodes[0].id).toBe('1025');
    expect(two.json.data.proposals.pageInfo.endCursor).toBe('NTA');
    const big = await gql('{ proposals(first: 100) { nodes { id } } }');
    expect(big.json.data.proposals.nodes).toHaveLength(25);
    const none = await gql('{ proposals { nodes { id } } }');
    expect(none.json.data.proposals.nodes).toHaveLength(25);
  });

  it("rejects a query deeper than 8 with graphql-ruby's message and accepts depth 8", async () => {
    await start();
    const eight = await gql(
      '{ proposals(first: 2) { edges { node { publicAuthor { publicProposals(first: 2) { edges { node { id } } } } } } } }',
    );
    expect(eight.json.errors).toBeUndefined();
    const nine = await gql(
      '{ proposals(first: 2) { edges { node { publicAuthor { publicProposals(first: 2) { edges { node { geozone { id } } } } } } } } }',
    );
    expect(nine).toMatchObject({
      status: 200,
      json: { errors: [{ message: 'Query has depth of 9, which exceeds max depth of 8' }] },
    });
  });

  it('rejects a query over complexity 2500 counted from the requested first, and accepts the documented harvest query', async () => {
    await start();
    const documented = `query Proposals($n: Int, $after: String) { proposals(first: $n, after: $after) { pageInfo { hasNextPage endCursor }
      edges { node { id title summary description publicCreatedAt cachedVotesUp commentsCount confidenceScore hotScore
      retiredAt retiredReason retiredExplanation videoUrl geozoneId geozone { id name } publicAuthor { id username }
      tags(first: 6) { edges { node { id name kind } } } } } } }`;
    expect((await gql(documented, { n: 25 })).json.errors).toBeUndefined();
    // first: 100 returns only 25 rows but costs as much as 100 (docs/upstreams/consul.md §3.1).
    expect((await gql(documented, { n: 100 })).json.errors[0].message).toMatch(
      /^Query has complexity of \d+, which exceeds max complexity of 2500$/,
    );
    const twoNested = await gql(
      '{ proposals { edges { node { id comments { edges { node { body } } } tags { edges { node { name } } } } } } }',
    );
    expect(twoNested.json.errors[0].message).toMatch(
      /^Query has complexity of \d+, which exceeds max complexity of 2500$/,
    );
    const oneNested = await gql('{ proposals { edges { node { id tags { edges { node { name } } } } } } }');
    expect(oneNested.json.errors).toBeUndefined();
  });

  it('answers the HTTP forms of GraphqlController and its 400s', async () => {
    await start();
    expect(await gql('')).toMatchObject({ status: 400, json: { message: 'Query string not present' } });
    const badVars = await sim!.fetch(`${sim!.url}/graphql?query=${encodeURIComponent(PROPOSAL_IDS)}&variables=%7Bnope`);
    expect([badVars.status, await badVars.json()]).toEqual([400, { message: 'Error parsing JSON' }]);
    const get = await sim!.fetch(
      `${sim!.url}/graphql?query=${encodeURIComponent('query($n: Int) { geozones(first: $n) { nodes { name } } }')}&variables=${encodeURIComponent('{"n":2}')}`,
    );
    expect(((await get.json()) as Geozones).data.geozones.nodes).toEqual([{ name: 'Centrum' }, { name: 'Assen-Oost' }]);
    const raw = await sim!.fetch(`${sim!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/graphql' },
      body: '{ geozones(first: 1) { nodes { name } } }',
    });
    expect(((await raw.json()) as Geozones).data.geozones.nodes).toEqual([{ name: 'Centrum' }]);
  });

  it("turns the whole response into Rails' 404 page when a single record is missing", async () => {
    await start();
    const missing = await gql('{ a: proposal(id: 112) { id } b: proposal(id: 99999) { id } }');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("The page you were looking for doesn't exist");
    expect((await gql('{ proposal(id: 161) { id } }')).status).toBe(404); // hidden
    expect((await gql('{ proposal(id: 112) { id } }')).json).toEqual({ data: { proposal: { id: '112' } } });
  });

  it("serves CONSUL's formats: hour-truncated local publicCreatedAt, ISO retiredAt, string ids and prices, private authors as null", async () => {
    await start();
    const res = await gql(
      '{ a: proposal(id: 131) { id publicCreatedAt retiredAt retiredReason geozoneId publicAuthor { username } } b: proposal(id: 158) { publicCreatedAt publicAuthor { username } } }',
    );
    expect(res.json.data).toEqual({
      a: {
        id: '131',
        publicCreatedAt: '2025-06-10 16:00:00 +0200',
        retiredAt: '2025-07-02T11:31:12+02:00',
        retiredReason: 'duplicated',
        geozoneId: 1,
        publicAuthor: { username: 'wijkteam-pittelo' },
      },
      b: { publicCreatedAt: '2026-06-22 23:00:00 +0200', publicAuthor: null },
    });
    const inv = await gql('{ budget(id: 3) { investment(id: 274) { id price feasibility } } }');
    expect(inv.json.data.budget.investment).toEqual({ id: '274', price: '38000', feasibility: 'feasible' });
  });

  it('follows ?locale= with a silent fallback to the default locale', async () => {
    await start({ municipality: 'GM0855' });
    const q = '{ a: proposal(id: 58) { title } b: proposal(id: 63) { title } }';
    expect((await gql(q, {}, '/graphql?locale=en')).json.data).toEqual({
      a: { title: 'Covered bicycle parking in the Spoorzone' },
      b: { title: 'Meer groen op het Piusplein' },
    });
    expect((await gql(q, {}, '/graphql?locale=fr')).json.data.a.title).toBe(
      'Overdekte fietsenstalling in de Spoorzone',
    );
  });

  it("lists only published budgets and answers Budget.investments with every published budget's investments", async () => {
    await start({ municipality: 'GM0855' });
    const budgets = await gql('{ budgets { nodes { id name phase } } }');
    expect(budgets.json.data.budgets.nodes).toEqual([
      { id: '4', name: 'Tilburg Begroot 2026', phase: 'finished' },
      { id: '5', name: 'Tilburg Begroot 2027', phase: 'accepting' },
    ]);
    const through4 = await gql('{ budget(id: 4) { investments(first: 25) { nodes { id } } } }');
    const through5 = await gql('{ budget(id: 5) { investments(first: 25) { nodes { id } } } }');
    const idsOf = (r: typeof through4) => r.json.data.budget.investments.nodes.map((n: { id: string }) => n.id);
    expect(idsOf(through4)).toEqual(idsOf(through5));
    expect(idsOf(through4)).toHaveLength(9 + 12);
    expect(idsOf(through4)).not.toContain('420'); // drafting budget 6
    expect((await gql('{ budget(id: 6) { id } }')).status).toBe(404);
  });

  it('renames Proposal.cachedVotesUp under the drift fault, as an unknown upgrade would', async () => {
    const s = await start();
    s.setFault({ kind: 'drift' });
    expect((await gql('{ proposals(first: 1) { nodes { cachedVotesUp } } }')).json.errors[0].message).toBe(
      "Field 'cachedVotesUp' doesn't exist on type 'Proposal'",
    );
    expect((await gql('{ proposals(first: 1) { nodes { supportsCount } } }')).json.data.proposals.nodes).toEqual([
      { supportsCount: 87 },
    ]);
  });

  it('serves the first page again with a next page under the paginationLoop fault', async () => {
    const s = await start();
    s.setFault({ kind: 'paginationLoop' });
    const one = await gql(PROPOSAL_IDS);
    const two = await gql(
      'query($a: String) { proposals(first: 25, after: $a) { pageInfo { hasNextPage endCursor } nodes { id } } }',
      { a: one.json.data.proposals.pageInfo.endCursor },
    );
    expect(two.json.data.proposals).toEqual(one.json.data.proposals);
    expect(two.json.data.proposals.pageInfo.hasNextPage).toBe(true);
  });
});

describe('the simulated CONSUL 2.2.0 GraphQL API', () => {
  it('has no budgets and no limits: an omitted or large first returns every row', async () => {
    await start({ seed: generateConsulSeed(60), generation: '2.2.0' });
    expect(((await sim!.fetch(`${sim!.url}/consul.json`).then((r) => r.json())) as { release: string }).release).toBe(
      '2.2.0',
    );
    const fields = await gql('{ __type(name: "Query") { fields { name } } }');
    const names = fields.json.data.__type.fields.map((f: { name: string }) => f.name);
    expect(names).toContain('proposalNotifications');
    expect(names).not.toContain('budgets');
    expect((await gql('{ proposals { nodes { id } } }')).json.data.proposals.nodes).toHaveLength(60);
    const heavy = await gql(
      '{ proposals(first: 100) { edges { node { id comments { edges { node { body } } } tags { edges { node { name } } } } } } }',
    );
    expect(heavy.json.errors).toBeUndefined();
    expect((await page('/budgets/3/investments')).status).toBe(404);
  });
});

describe('the simulated CONSUL budget HTML pages', () => {
  it('pages the investments index by ten in a random order that random_seed keeps stable', async () => {
    await start({ municipality: 'GM0855' });
    const links = (html: string) =>
      [...html.matchAll(/href="\/budgets\/tilburg-begroot-2027\/investments\/(\d+)"/g)].map((m) => m[1]);
    const p1 = links((await page('/budgets/5/investments?page=1&random_seed=0.3')).text);
    const p2 = links((await page('/budgets/tilburg-begroot-2027/investments?page=2&random_seed=0.3')).text);
    const unique = (xs: (string | undefined)[]) => [...new Set(xs)];
    expect(unique(p1)).toHaveLength(10);
    expect(unique(p2)).toHaveLength(2);
    expect(new Set([...p1, ...p2]).size).toBe(12);
    expect(links((await page('/budgets/5/investments?page=1&random_seed=0.3')).text)).toEqual(p1);
  });

  it("lists by the phase's filters, falling back to the default for an unknown one", async () => {
    await start({ municipality: 'GM0106' });
    const ids = async (q: string) =>
      [
        ...new Set(
          [...(await page(`/budgets/4/investments?${q}&random_seed=1`)).text.matchAll(/investments\/(\d+)"/g)].map(
            (m) => m[1],
          ),
        ),
      ].sort();
    expect(await ids('filter=selected')).toEqual(['301', '302', '303', '307']);
    expect(await ids('filter=unselected')).toEqual(['304', '306']);
    expect(await ids('filter=unfeasible')).toEqual(['305']);
    expect(await ids('filter=winners')).toEqual(['301', '302', '303', '307']);
    expect((await page('/budgets/4/investments/274')).status).toBe(404);
    expect((await page('/budgets/3/investments/274')).status).toBe(200);
  });

  it('shows winners with class success and ballot counts on the results page of a finished budget only', async () => {
    await start({ municipality: 'GM0106' });
    const { text } = await page('/budgets/3/results');
    const rows = [
      ...text.matchAll(/<tr id="budget_investment_(\d+)" class="([^"]*)">[\s\S]*?<td class="text-center">(\d+)<\/td>/g),
    ].map((m) => [m[1], m[2]!.includes('success'), Number(m[3])]);
    expect(rows).toEqual([
      ['274', true, 402],
      ['275', true, 377],
      ['276', true, 355],
      ['277', false, 301],
      ['278', true, 250],
      ['279', false, 199],
    ]);
    expect(await page('/budgets/4/results')).toMatchObject({ status: 302, location: `${sim!.url}/` });
  });
});

describe('generateConsulSeed', () => {
  it('makes 10,000 distinct proposals, none created in the future', () => {
    const seed = generateConsulSeed(10_000);
    expect(seed.proposals).toHaveLength(10_000);
    expect(new Set(seed.proposals.map((p) => p.id)).size).toBe(10_000);
    expect(seed.proposals.every((p) => p.createdAt < '2026-11-01')).toBe(true);
    expect(seed.proposals.some((p) => p.retiredReason !== null)).toBe(true);
  });
});
