import {
  buildOpenstadSeed,
  generateOpenstadSeed,
  startOpenstadSimulator,
  type OpenstadSeed,
  type OpenstadSimulator,
} from '..';

// Answers are arbitrary JSON that each test reads field by field, so `any` is the honest type here.
async function get(sim: OpenstadSimulator, path: string): Promise<{ status: number; body: any }> {
  const res = await sim.fetch(sim.url + path);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // an HTML answer stays text
  }
  return { status: res.status, body };
}

const small: OpenstadSeed = {
  projects: [
    {
      id: 3,
      name: 'stemmen-dicht',
      config: { votes: { voteType: 'budgeting', isViewable: false, isActive: false } },
      resources: [
        { id: 1, title: 'Gratis plan', budget: 0, yes: 5 },
        {
          id: 2,
          title: 'Bankje',
          budget: 1200,
          yes: 9,
          extraData: { phone: '0612345678', wijk: 'Noord' },
          originalId: 40,
          ranking: 2,
        },
      ],
    },
  ],
};

describe('the simulated OpenStad headless API', () => {
  let sim: OpenstadSimulator;
  beforeAll(async () => {
    sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0518' });
  });
  afterAll(() => sim.close());

  it('answers a bare array without page and the {metadata, records} envelope with page', async () => {
    const bare = await get(sim, '/api/project/6/resource');
    expect(Array.isArray(bare.body)).toBe(true);
    expect(bare.body).toHaveLength(7);
    const paged = await get(sim, '/api/project/6/resource?page=0&pageSize=3&sort=id_asc');
    expect(paged.body.records.map((r: { id: number }) => r.id)).toEqual([388, 389, 390]);
    expect(paged.body.metadata).toEqual({
      page: 0,
      pageSize: 3,
      pageCount: 3,
      totalCount: 7,
      links: {
        self: '/api/project/6/resource?page=0&pageSize=3&sort=id_asc',
        first: '/api/project/6/resource?page=0&pageSize=3&sort=id_asc',
        last: '/api/project/6/resource?page=2&pageSize=3&sort=id_asc',
        next: '/api/project/6/resource?page=1&pageSize=3&sort=id_asc',
      },
    });
    const last = await get(sim, '/api/project/6/resource?page=2&pageSize=3&sort=id_asc');
    expect(last.body.records.map((r: { id: number }) => r.id)).toEqual([394]);
    expect(last.body.metadata.links.next).toBeUndefined();
    expect(last.body.metadata.links.previous).toBe('/api/project/6/resource?page=1&pageSize=3&sort=id_asc');
  });

  it('pages by 20 by default and caps no pageSize', async () => {
    const big = await startOpenstadSimulator({ listen: false, seed: generateOpenstadSeed(1500) });
    try {
      expect((await get(big, '/api/project/1/resource?page=0')).body.records).toHaveLength(20);
      const all = await get(big, '/api/project/1/resource?page=0&pageSize=5000');
      expect(all.body.records).toHaveLength(1500);
      expect(all.body.metadata.pageCount).toBe(1);
      const np = await get(big, '/api/project/1/resource?noPagination=true');
      expect(np.body.records).toHaveLength(1500);
    } finally {
      await big.close();
    }
  });

  it.each([
    ['id_asc', [388, 389, 390]],
    ['votes_desc', [392, 388, 389]],
    ['nonsense_desc', [388, 394, 393]], // unknown column → createdAt DESC (388 was created last, in May)
  ])('sorts by %s', async (sort, firstThree) => {
    const { body } = await get(sim, `/api/project/6/resource?sort=${sort}`);
    expect(body.slice(0, 3).map((r: { id: number }) => r.id)).toEqual(firstThree);
  });

  it('shows safeConfig only with includeConfig, arrays index-keyed', async () => {
    expect((await get(sim, '/api/project/7')).body.safeConfig).toEqual({});
    const { body } = await get(sim, '/api/project/7?includeConfig=1');
    expect(body.safeConfig.votes).toMatchObject({
      voteType: 'budgeting',
      maxBudget: 30000,
      minBudget: 1,
      isViewable: true,
      isActive: true,
    });
    expect(body.safeConfig.votes.voteValues).toEqual({
      '0': { label: 'voor', value: 'yes' },
      '1': { label: 'tegen', value: 'no' },
    });
    expect(body).not.toHaveProperty('config');
    const ideas = await get(sim, '/api/project/6?includeConfig=1');
    expect(ideas.body.safeConfig.votes).not.toHaveProperty('maxBudget');
  });

  it('answers an unknown project with the JSON 404 of the project middleware', async () => {
    for (const path of ['/api/project/999', '/api/project/999/resource', '/stats/project/999/vote/no-of-users']) {
      expect(await get(sim, path)).toEqual({
        status: 404,
        body: { status: 404, friendlyStatus: 'Not Found', message: 'Project niet gevonden' },
      });
    }
  });

  it('serves a resource with the fields of docs/upstreams/openstad.md §2.5 and side-loads only on request', async () => {
    const plain = (await get(sim, '/api/project/7/resource?sort=id_asc')).body[0];
    expect(plain).not.toHaveProperty('yes');
    expect(plain).not.toHaveProperty('tags');
    expect(plain).not.toHaveProperty('commentCount');
    expect(plain.statuses).toEqual([]);
    const full = (
      await get(sim, '/api/project/7/resource?sort=id_asc&includeTags=1&includeVoteCount=1&includeCommentsCount=1')
    ).body[0];
    expect(full).toMatchObject({
      id: 412,
      projectId: 7,
      budget: 4500,
      yes: 87,
      no: 0,
      commentCount: 0,
      extraData: { originalId: 388 },
      location: { lat: 52.08402, lng: 4.29187 },
      images: [{ url: `${sim.url}/image/7f3a0c12be.jpg` }],
      user: {},
      can: {},
    });
    expect(typeof full.score).toBe('string');
    expect(full.tags.map((t: { name: string; type: string }) => [t.name, t.type])).toEqual([
      ['Groen en duurzaamheid', 'theme'],
      ['Duinoord', 'area'],
    ]);
  });

  it('hides concepts and deleted resources from anonymous callers', async () => {
    const ams = await startOpenstadSimulator({ listen: false, municipality: 'GM0363' });
    try {
      const ids = (await get(ams, '/api/project/12/resource')).body.map((r: { id: number }) => r.id);
      expect(ids).toHaveLength(7);
      expect(ids).not.toContain(1208);
      expect(ids).not.toContain(1209);
      expect((await get(ams, '/api/project/12/resource/1208')).status).toBe(404);
    } finally {
      await ams.close();
    }
  });

  it('keeps vote counts and the vote list private when votes are not viewable, and stores 0 budgets as null', async () => {
    const closed = await startOpenstadSimulator({ listen: false, seed: small });
    try {
      const [free, bench] = (await get(closed, '/api/project/3/resource?sort=id_asc&includeVoteCount=1')).body;
      expect(free.budget).toBeNull();
      expect(free).not.toHaveProperty('yes');
      expect(bench.extraData).toEqual({ originalId: 40, ranking: 2 });
      expect(await get(closed, '/api/project/3/vote')).toMatchObject({
        status: 403,
        body: { message: 'Stemmen zijn niet zichtbaar' },
      });
      expect((await get(closed, '/stats/project/3/vote/no-of-users')).body).toEqual({ count: 9 });
      expect((await get(closed, '/stats/project/3/resource/total')).body).toEqual({ count: -1 });
    } finally {
      await closed.close();
    }
  });

  it('lists tags and statuses of a project', async () => {
    const tags = (await get(sim, '/api/project/7/tag?type=area')).body;
    expect(tags.map((t: { name: string }) => t.name)).toEqual(['Duinoord']);
    const statuses = (await get(sim, '/api/project/6/status')).body;
    expect(statuses[0]).toMatchObject({
      name: 'Deze inzending is door naar de stemronde',
      seqnr: 10,
      extraFunctionality: { canLike: true },
    });
  });

  it('drifts by renaming the envelope or by dropping titles', async () => {
    sim.setFault({ kind: 'drift' });
    try {
      const renamed = (await get(sim, '/api/project/6/resource?page=0')).body;
      expect(renamed).toHaveProperty('rows');
      expect(renamed).not.toHaveProperty('records');
      sim.setDriftMode('field');
      const dropped = (await get(sim, '/api/project/6/resource?page=0')).body;
      expect(dropped.records[0]).not.toHaveProperty('title');
    } finally {
      sim.setFault(null);
      sim.setDriftMode('envelope');
    }
  });

  it('loops pagination by answering page 0 again with a next link to itself', async () => {
    sim.setFault({ kind: 'paginationLoop' });
    try {
      const { body } = await get(sim, '/api/project/6/resource?page=1&pageSize=3');
      expect(body.metadata.page).toBe(0);
      expect(body.metadata.pageCount).toBeGreaterThan(1);
      expect(body.metadata.links.next).toBe(body.metadata.links.self);
    } finally {
      sim.setFault(null);
    }
  });

  it('rate-limits only when asked to', async () => {
    const limited = await startOpenstadSimulator({ listen: false, rateLimitPerMinute: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.fetch(`${limited.url}/api/project/7`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
    for (let i = 0; i < 5; i++) expect((await get(sim, '/api/project/7')).status).toBe(200);
  });
});

describe('the simulated OpenStad legacy API', () => {
  let sim: OpenstadSimulator;
  beforeAll(async () => {
    sim = await startOpenstadSimulator({ listen: false, municipality: 'GM0518', generation: 'legacy' });
  });
  afterAll(() => sim.close());

  it('serves sites by id or domain, without config, and has no headless paths', async () => {
    const site = (await get(sim, '/api/site/7')).body;
    expect(site).toMatchObject({ id: 7, title: 'Duinoord Begroot', domain: 'duinoord-begroot.openstad.test' });
    expect(site).not.toHaveProperty('config');
    expect((await get(sim, '/api/site/duinoord-begroot.openstad.test')).body.id).toBe(7);
    expect((await get(sim, '/api/project/7')).status).toBe(404);
    expect((await get(sim, '/api/site/99')).body.message).toBe('Site niet gevonden');
  });

  it('serves ideas with lat-first coordinates, image strings, theme and area in extraData', async () => {
    const { body } = await get(
      sim,
      '/api/site/6/idea?page=0&pageSize=50&sort=createdate_asc&includeTags=1&includeVoteCount=1',
    );
    const idea = body.records.find((r: { id: number }) => r.id === 388);
    expect(idea).toMatchObject({
      status: 'ACCEPTED',
      yes: 132,
      no: 6,
      location: { type: 'Point', coordinates: [52.08402, 4.29187] },
      position: { lat: 52.08402, lng: 4.29187 },
      extraData: { images: [`${sim.url}/image/7f3a0c12be.jpg`], theme: 'Groen en duurzaamheid', area: 'Duinoord' },
      tags: [{ id: 61, name: 'Groen en duurzaamheid' }],
    });
  });

  it('reports a count of 0 as -1 in the stats', async () => {
    const empty = await startOpenstadSimulator({
      listen: false,
      generation: 'legacy',
      seed: { projects: [{ id: 1, name: 'leeg', resources: [] }] },
    });
    try {
      expect((await get(empty, '/stats/site/1/idea/total')).body).toEqual({ count: -1 });
      expect((await get(empty, '/stats/site/1/vote/no-of-users')).body).toEqual({ count: -1 });
    } finally {
      await empty.close();
    }
  });
});

describe('the OpenStad seeds', () => {
  it('give each municipality an idea project and a ballot project with costs and votes', () => {
    for (const code of ['GM0363', 'GM0518'] as const) {
      const seed = buildOpenstadSeed(code);
      const types = seed.projects.map((p) => p.config?.votes?.voteType);
      expect(types).toContain('likes');
      expect(types.some((t) => t === 'budgeting' || t === 'count')).toBe(true);
    }
    const duinoord = buildOpenstadSeed('GM0518').projects.find((p) => p.title === 'Duinoord Begroot')!;
    expect(duinoord.config?.votes).toMatchObject({ voteType: 'budgeting', maxBudget: 30000 });
    expect(duinoord.resources).toHaveLength(8);
    expect(duinoord.resources.every((r) => (r.budget ?? 0) > 0 && (r.yes ?? 0) > 0)).toBe(true);
  });

  it('generates 10,000 distinct proposals', () => {
    const seed = generateOpenstadSeed(10_000);
    const resources = seed.projects[0]!.resources;
    expect(resources).toHaveLength(10_000);
    expect(new Set(resources.map((r) => r.id)).size).toBe(10_000);
    expect(new Set(resources.map((r) => r.title)).size).toBeGreaterThan(50);
  });
});
