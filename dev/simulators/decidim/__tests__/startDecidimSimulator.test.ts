import { generateDecidimSeed, startDecidimSimulator, type DecidimSimulator } from '../index';
import type { DecidimVersion } from '../version';

const sims: DecidimSimulator[] = [];
async function sim(version: DecidimVersion, extra: Parameters<typeof startDecidimSimulator>[0] = {}) {
  const s = await startDecidimSimulator({ version, listen: false, ...extra });
  sims.push(s);
  return s;
}
afterAll(() => Promise.all(sims.map((s) => s.close())));

// Bodies are arbitrary JSON that each test reads by path and checks with toEqual; typing them would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function post(s: DecidimSimulator, query: string, variables?: unknown): Promise<{ status: number; body: Json }> {
  const res = await s.fetch(`${s.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}

const PAGE = `query($id: ID!, $first: Int, $after: String) { component(id: $id) { ... on Proposals {
  proposals(first: $first, after: $after, order: { id: "asc" }) { pageInfo { hasNextPage endCursor } edges { cursor node { id publishedAt } } } } } }`;

describe('the simulated Decidim API', () => {
  it.each([
    [
      '0.27',
      [
        "Field 'withdrawn' doesn't exist on type 'Proposal'",
        "Field 'taxonomies' doesn't exist on type 'Proposal'",
        "Field 'likesCount' doesn't exist on type 'Proposal'",
      ],
    ],
    ['0.30', ["Field 'likesCount' doesn't exist on type 'Proposal'"]],
    ['0.31', ["Field 'endorsementsCount' doesn't exist on type 'Proposal'"]],
  ] as const)('answers a field probe on %s with graphql-ruby validation errors', async (version, messages) => {
    const s = await sim(version);
    const { body } = await post(
      s,
      '{ component(id: "0") { ... on Proposals { proposal(id: "0") { id withdrawn taxonomies { id } likesCount endorsementsCount } } } }',
    );
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual(messages);
  });

  it('caps the page size at 50 silently and pages by unpadded base64 offset cursors', async () => {
    const s = await sim('0.31', { seed: generateDecidimSeed(120) });
    const first = await post(s, PAGE, { id: '11', first: 500 });
    const page = first.body.data.component.proposals;
    expect(page.edges).toHaveLength(50);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: 'NTA' });
    expect(page.edges[1].cursor).toBe('Mg');
    const last = await post(s, PAGE, { id: '11', first: 50, after: 'MTAw' });
    expect(last.body.data.component.proposals.edges.map((e: Json) => e.node.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(100_101 + i)),
    );
    expect(last.body.data.component.proposals.pageInfo.hasNextPage).toBe(false);
  });

  it('accepts variables as a JSON string and answers 500 "Internal Server error" when they cannot be read', async () => {
    const s = await sim('0.27');
    const ok = await post(s, PAGE, JSON.stringify({ id: '11', first: 2 }));
    expect(ok.body.data.component.proposals.edges).toHaveLength(2);
    const broken = await post(s, PAGE, '{"id": ');
    expect(broken).toEqual({ status: 500, body: { errors: [{ message: 'Internal Server error' }], data: {} } });
  });

  it('writes DateTime with the Amsterdam offset and no fractions', async () => {
    const s = await sim('0.30');
    const { body } = await post(s, PAGE, { id: '11', first: 1 });
    expect(body.data.component.proposals.edges[0].node.publishedAt).toBe('2025-02-11T09:20:00+01:00');
  });

  it.each([
    ['0.27', ['101', '102', '103', '104', '105', '106'], [{ id: '21' }, { id: '22' }, { id: '24' }]],
    ['0.30', ['101', '102', '103', '104', '105', null], [{ id: '21' }, { id: '22' }, null, { id: '24' }]],
  ] as const)(
    'on %s serves moderated proposals and unpublished components as the auth layer dictates',
    async (version, nodes, components) => {
      const s = await sim(version);
      const { body } = await post(s, PAGE, { id: '11', first: 50 });
      expect(body.data.component.proposals.edges.map((e: Json) => e.node?.id ?? null)).toEqual(nodes);
      const spaces = await post(s, '{ participatoryProcess(id: "2") { components { id } } }');
      expect(spaces.body.data.participatoryProcess.components).toEqual(components);
    },
  );

  it('reports a proposal without geodata as a null point plus a non-null error, keeping the rest', async () => {
    const s = await sim('0.31');
    const { body } = await post(
      s,
      '{ component(id: "11") { ... on Proposals { proposal(id: "102") { id coordinates { latitude longitude } } } } }',
    );
    expect(body.data.component.proposal).toEqual({ id: '102', coordinates: null });
    expect(body.errors[0].message).toBe('Cannot return null for non-nullable field Coordinates.latitude');
  });

  it('discloses decidim.version on 0.27 and hides it from 0.30', async () => {
    expect((await post(await sim('0.27'), '{ decidim { version } }')).body.data.decidim.version).toBe('0.27.9');
    expect((await post(await sim('0.31'), '{ decidim { version } }')).body.data.decidim.version).toBeNull();
  });

  it('allows introspection on 0.27 and refuses it on patched 0.31', async () => {
    expect(
      (await post(await sim('0.27'), '{ __schema { queryType { name } } }')).body.data.__schema.queryType.name,
    ).toBe('Query');
    const refused = await post(await sim('0.31'), '{ __schema { queryType { name } } }');
    expect(refused.body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED_ERROR');
  });

  it('rejects more than five aliases and a field nested three times on patched 0.30, not on 0.27', async () => {
    const aliases = `{ ${['a', 'b', 'c', 'd', 'e', 'f'].map((a) => `${a}: component(id: "11") { id }`).join(' ')} }`;
    const nested = '{ assemblies { children { children { children { id } } } } }';
    const s30 = await sim('0.30');
    expect((await post(s30, aliases)).body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES_ERROR');
    expect((await post(s30, nested)).body.errors[0].extensions.code).toBe('RECURSION_LIMIT_EXCEEDED_ERROR');
    const s27 = await sim('0.27');
    expect((await post(s27, aliases)).body.data.f).toEqual({ id: '11' });
    expect((await post(s27, nested)).body.data.assemblies).toHaveLength(2);
  });

  it('rejects queries over depth 15 and over complexity 5000 with graphql-ruby messages', async () => {
    const s = await sim('0.27');
    const deep = `{ assemblies { ${'parent { '.repeat(15)}id${' }'.repeat(15)} } }`;
    expect((await post(s, deep)).body.errors[0].message).toBe('Query has depth of 17, which exceeds max depth of 15');
    const tf = (f: string) =>
      `${f} { translations { locale text machineTranslated } locales translation(locale: "nl") }`;
    const fields = `id address reference state answeredAt publishedAt participatoryTextLevel position official createdInMeeting voteCount createdAt updatedAt authorsCount
      endorsementsCount versionsCount type acceptsNewComments totalCommentsCount hasComments ${tf('title')} ${tf('body')} ${tf('answer')}
      author { id name nickname avatarUrl profilePath badge deleted organizationName } authors { id name nickname avatarUrl profilePath badge deleted organizationName }`;
    const heavy = `{ component(id: "11") { ... on Proposals { proposals(first: 50) { edges { node { ${fields} } } nodes { ${fields} } } } } }`;
    expect((await post(s, heavy)).body.errors[0].message).toMatch(
      /^Query has complexity of \d+, which exceeds max complexity of 5000$/,
    );
  });

  it('answers 429 once a client passes the rate limit', async () => {
    const s = await sim('0.31', { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(s, '{ decidim { applicationName } }')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('renames fields under the drift fault and repeats the first page under the paginationLoop fault', async () => {
    const s = await sim('0.31');
    s.setFault({ kind: 'drift' });
    expect((await post(s, PAGE.replace('publishedAt', 'voteCount'), { id: '11' })).body.errors[0].message).toBe(
      "Field 'voteCount' doesn't exist on type 'Proposal'",
    );
    s.setFault({ kind: 'paginationLoop' });
    const again = await post(s, PAGE, { id: '11', first: 2, after: 'Mg' });
    expect(again.body.data.component.proposals.pageInfo).toEqual({ hasNextPage: true, endCursor: 'Mg' });
  });

  it('redirects GET /api to the docs', async () => {
    const s = await sim('0.31');
    const res = await s.fetch(`${s.url}/api`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/api/docs']);
  });
});
