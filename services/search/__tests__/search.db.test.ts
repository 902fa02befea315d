import { batchPut } from '../../core/dynamo/batchWrite';
import { proposalItem } from '../../core/dynamo/items';
import { freshTable, type TestDb } from '../../../test/support/db';
import { seed } from '../../../test/support/seed';
import { aProposal } from '../../../test/support/builders';
import { parseSearchArgs, searchCursor } from '../args';
import type { LiveSearchIndex } from '../LiveSearchIndex';
import { searchIndexOver } from '../subgraph';
import {
  allProposals,
  atBoundary,
  bomen,
  budget,
  CENTER,
  outside,
  projects,
  removed,
  schoolplein,
  searchRunner,
  speeltuin,
  stalling,
  terras,
} from './fixtures';

const SEARCH = `query S($q: String, $f: SearchFilter, $o: SearchOrder, $first: Int, $after: String) {
  search(query: $q, filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score highlights { field locale snippet } node { __typename ... on Proposal { id } ... on BudgetProject { id } } }
  }
}`;
const FACETS = `query F($q: String, $f: SearchFilter) {
  search(query: $q, filter: $f, first: 1) {
    totalCount
    facets { municipality { value label count } province { value count } platform { value count } kind { value count } status { value count } tag { value label count } year { value count } }
  }
}`;

let db: TestDb;
let index: LiveSearchIndex;
let run: ReturnType<typeof searchRunner>;

const ids = async (q: string, f?: unknown) => {
  const r = await run(SEARCH, { q, f, first: 100 });
  expect(r.errors).toBeUndefined();
  return (r.data.search.edges as { node: { id: string } }[]).map((e) => e.node.id);
};

beforeAll(async () => {
  db = await freshTable('search');
  await seed(db, { proposals: allProposals, budgets: [budget], projects });
  index = searchIndexOver(db);
  run = searchRunner(index);
});

describe('Dutch-aware matching', () => {
  it('finds "fietsenstallingen" when searching for "fietsenstalling" (Dutch stems)', async () => {
    expect(await ids('fietsenstalling')).toContain(stalling.id);
  });

  it('finds "café" when searching for "cafe", and "CAFÉ" too (case and diacritics folded)', async () => {
    expect(await ids('cafe')).toEqual([terras.id]);
    expect(await ids('CAFÉ')).toEqual([terras.id]);
  });

  it('finds "fietsenstalling" from the prefix "fiets" (search as you type)', async () => {
    const found = await ids('fiets');
    expect(found).toEqual(expect.arrayContaining([stalling.id, projects[0]!.id]));
  });

  it('finds "speeltuin" despite the typo "speeltuim"', async () => {
    expect(await ids('speeltuim')).toEqual([speeltuin.id]);
  });

  it('forgives one typo from four letters on, but none in a three-letter word', async () => {
    expect(await ids('terrus')).toEqual([terras.id]);
    expect(await ids('vol')).toEqual([stalling.id]);
    expect(await ids('vul')).toEqual([]);
  });

  it('finds a proposal by its English translation and highlights the English text', async () => {
    const r = await run(SEARCH, { q: 'playground' });
    expect(r.data.search.edges.map((e: any) => e.node.id)).toEqual([speeltuin.id]);
    expect(r.data.search.edges[0].highlights).toContainEqual({
      field: 'TITLE',
      locale: 'en',
      snippet: 'New <mark>playground</mark> in Westerpark',
    });
  });

  it('requires every word of the query to match', async () => {
    expect(await ids('bomen schoolplein')).toEqual([schoolplein.id]);
  });

  it('marks matches in highlights and escapes the rest as HTML', async () => {
    const r = await run(SEARCH, { q: 'schoolplein' });
    const title = r.data.search.edges[0].highlights.find((h: any) => h.field === 'TITLE');
    expect(title.snippet).toBe('Groen <mark>schoolplein</mark> &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('returns proposals and budget projects as entity references', async () => {
    const r = await run(SEARCH, { q: 'bibliotheek' });
    expect(r.data.search.edges.map((e: any) => e.node)).toEqual([{ __typename: 'BudgetProject', id: projects[0]!.id }]);
  });
});

describe('filters and facets', () => {
  it('browses by filter when there is no query, newest first', async () => {
    const r = await run(SEARCH, { f: { municipalities: ['GM0344'] }, first: 100 });
    const found = r.data.search.edges.map((e: any) => e.node.id);
    const expected = [schoolplein, ...bomen.filter((b) => b.municipalityCode === 'GM0344')]
      .sort((a, b) => (b.createdAt! < a.createdAt! ? -1 : 1))
      .map((p) => p.id);
    expect(found).toEqual(expected);
    expect(r.data.search.edges.every((e: any) => e.score === 0 && e.highlights.length === 0)).toBe(true);
  });

  it('counts facets that equal the counts of the filtered results', async () => {
    const filter = { statuses: ['OPEN'], provinces: ['Noord-Holland', 'Zuid-Holland', 'Utrecht'] };
    const r = await run(FACETS, { q: 'bomen', f: filter });
    const { totalCount, facets } = r.data.search;
    expect(totalCount).toBeGreaterThan(0);
    // A facet without a condition of its own counts exactly the filtered results.
    for (const b of facets.municipality)
      expect(b.count).toBe((await ids('bomen', { ...filter, municipalities: [b.value] })).length);
    for (const b of facets.platform)
      expect(b.count).toBe((await ids('bomen', { ...filter, platforms: [b.value] })).length);
    for (const b of facets.year)
      expect(b.count).toBe((await ids('bomen', { ...filter, years: [Number(b.value)] })).length);
    expect(facets.municipality.reduce((n: number, b: any) => n + b.count, 0)).toBe(totalCount);
    expect(facets.municipality.find((b: any) => b.value === 'GM0518').label).toBe("'s-Gravenhage");
    // A facet with its own condition counts the alternatives as if that value were chosen instead.
    for (const b of facets.status)
      expect(b.count).toBe((await ids('bomen', { ...filter, statuses: [b.value] })).length);
    expect(facets.status.find((b: any) => b.value === 'OPEN').count).toBe(totalCount);
    expect(facets.status.map((b: any) => b.value)).toEqual(expect.arrayContaining(['CLOSED', 'COMPLETED']));
  });

  it('counts tags and kinds over proposals and projects alike', async () => {
    const r = await run(FACETS, { q: 'fietsenstalling' });
    expect(r.data.search.facets.kind).toEqual([
      { value: 'BUDGET_PROJECT', count: 1 },
      { value: 'PROPOSAL', count: 1 },
    ]);
    expect(r.data.search.facets.tag).toEqual([{ value: 'verkeer', label: 'Verkeer', count: 1 }]);
  });

  it('filters by tag, case- and accent-insensitively, and by date range', async () => {
    expect(await ids('', { tags: ['HORÉCA'] })).toEqual([terras.id]);
    const in2025 = await ids('', {
      createdAfter: '2025-01-01T00:00:00.000Z',
      createdBefore: '2026-01-01T00:00:00.000Z',
      kinds: ['PROPOSAL'],
    });
    expect(in2025.sort()).toEqual(
      allProposals
        .filter((p) => !p.removedAt && p.createdAt! >= '2025' && p.createdAt! < '2026')
        .map((p) => p.id)
        .sort(),
    );
  });

  it('includes an item exactly at the radius and excludes one just outside it', async () => {
    const found = await ids('bankjes', { near: { ...CENTER, radiusKm: 10 } });
    expect(found).toEqual([atBoundary.id]);
    expect(found).not.toContain(outside.id);
    expect((await ids('bankjes', { near: { ...CENTER, radiusKm: 10.03 } })).sort()).toEqual(
      [atBoundary.id, outside.id].sort(),
    );
  });

  it('orders by most supported, with counts that are not public last', async () => {
    const r = await run(SEARCH, { q: 'bomen', o: 'MOST_SUPPORTED', first: 100 });
    const supports = r.data.search.edges.map((e: any) => allProposals.find((p) => p.id === e.node.id)!.supportCount);
    const known = supports.filter((s: number | null) => s !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(supports.slice(known.length).every((s: unknown) => s === null)).toBe(true);
  });
});

describe('paging', () => {
  it.each(['RELEVANCE', 'NEWEST', 'MOST_SUPPORTED'])(
    'pages through %s results without duplicates or gaps',
    async (order) => {
      const all = await run(SEARCH, { q: 'bomen', o: order, first: 100 });
      const expected = all.data.search.edges.map((e: any) => e.node.id);
      expect(expected).toHaveLength(bomen.length + 1);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const r: any = await run(SEARCH, { q: 'bomen', o: order, first: 4, after });
        seen.push(...r.data.search.edges.map((e: any) => e.node.id));
        if (!r.data.search.pageInfo.hasNextPage) break;
        after = r.data.search.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    },
  );
});

describe('removed items', () => {
  it('never finds an item that was removed before the index loaded', async () => {
    expect(await ids('oost')).toEqual([]);
    expect(await ids('', { municipalities: ['GM0363'] })).not.toContain(removed.id);
  });

  it('drops an item removed after the load, once the index has refreshed', async () => {
    expect(await ids('westerpark')).toEqual([speeltuin.id]);
    await batchPut(db.doc, db.table, [proposalItem({ ...speeltuin, removedAt: '2026-01-01T00:05:00.000Z' }, 'PV27')]);
    await index.refresh();
    expect(await ids('westerpark')).toEqual([]);
    expect(await ids('playground')).toEqual([]);
    const r = await run(FACETS, { q: '' });
    expect(r.data.search.totalCount).toBe(allProposals.length - 2 + projects.length);
  });

  it('adds and updates items from the change feed', async () => {
    const fresh = aProposal(900, {
      title: 'Watertappunt in het Vondelpark',
      provenance: { ...stalling.provenance, upstreamId: '900', harvestedAt: '2026-01-01T00:06:00.000Z' },
    });
    const renamed = {
      ...terras,
      title: 'Terras voor de lunchroom',
      provenance: { ...terras.provenance, harvestedAt: '2026-01-01T00:06:00.000Z' },
    };
    await seed(db, { proposals: [fresh, renamed] });
    await index.refresh();
    expect(await ids('watertappunt')).toEqual([fresh.id]);
    expect(await ids('lunchroom')).toEqual([terras.id]);
    expect(await ids('cafe')).toEqual([]);
  });
});

describe('limits', () => {
  const code = async (variables: Record<string, unknown>) => {
    const r = await run(SEARCH, variables);
    return r.errors?.map((e) => e.extensions?.code);
  };

  it.each([
    ['a query longer than 200 characters', { q: 'fiets '.repeat(40) }],
    ['first: 0', { q: 'fiets', first: 0 }],
    ['first: 101', { q: 'fiets', first: 101 }],
    ['a radius of 0 km', { f: { near: { ...CENTER, radiusKm: 0 } } }],
    ['a radius over 300 km', { f: { near: { ...CENTER, radiusKm: 301 } } }],
    ['a latitude beyond 90', { f: { near: { latitude: 91, longitude: 5, radiusKm: 1 } } }],
    ['an unknown province', { f: { provinces: ['Holland'] } }],
    ['a malformed municipality code', { f: { municipalities: ['Amsterdam'] } }],
    [
      'createdAfter not before createdBefore',
      { f: { createdAfter: '2025-01-01T00:00:00.000Z', createdBefore: '2024-01-01T00:00:00.000Z' } },
    ],
    ['a cursor that is not ours', { after: 'bm90LWEtY3Vyc29y' }],
    ['a cursor of another search', { q: 'bomen', after: 'CURSOR_OF_FIETS' }],
    ['a cursor beyond the first 1000 results', { q: 'bomen', after: 'DEEP_CURSOR' }],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables: Record<string, unknown>) => {
    if (variables.after === 'CURSOR_OF_FIETS') {
      variables.after = (await run(SEARCH, { q: 'fiets', first: 1 })).data.search.pageInfo.endCursor;
    }
    if (variables.after === 'DEEP_CURSOR') {
      const cursor: string = (await run(SEARCH, { q: 'bomen', first: 1 })).data.search.pageInfo.endCursor;
      const issued = parseSearchArgs({ query: 'bomen', first: 1, after: cursor });
      variables.after = searchCursor(issued.fingerprint, 1000, issued.after!);
    }
    expect(await code(variables)).toEqual(['BAD_USER_INPUT']);
  });

  it('accepts a query of exactly 200 characters and a cursor just inside the depth limit', async () => {
    expect(await code({ q: 'bomen'.padEnd(200, ' ') })).toBeUndefined();
    const cursor: string = (await run(SEARCH, { q: 'bomen', first: 1 })).data.search.pageInfo.endCursor;
    const issued = parseSearchArgs({ query: 'bomen', first: 1, after: cursor });
    const r = await run(SEARCH, {
      q: 'bomen',
      first: 100,
      after: searchCursor(issued.fingerprint, 999, issued.after!),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.search.edges).toHaveLength(1);
    expect(r.data.search.pageInfo.hasNextPage).toBe(false);
  });
});
