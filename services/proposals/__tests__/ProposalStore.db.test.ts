import { BadUserInputError } from '../../core/errors';
import type { Proposal } from '../../core/model';
import type { Page, PageRequest } from '../../core/paging';
import { partitions, proposalOf } from '../../core/dynamo/items';
import { pageQuery } from '../../core/dynamo/pageQuery';
import { freshTable, type TestDb } from '../../../test/support/db';
import { aProposal } from '../../../test/support/builders';
import { seed } from '../../../test/support/seed';
import { dynamoProposalStore, type ProposalListFilter, type ProposalListOrder } from '../store/ProposalStore';

/** Pages through a whole list, `first` at a time. */
async function all(db: TestDb, filter: ProposalListFilter, order: ProposalListOrder, first = 7): Promise<Proposal[]> {
  const store = dynamoProposalStore(db);
  const out: Proposal[] = [];
  let page: PageRequest = { first, after: null };
  for (let i = 0; i < 100; i++) {
    const result = await store.list(filter, order, page);
    out.push(...result.items.map((x) => x.node));
    if (!result.hasNextPage) return out;
    page = { first, after: result.endCursor };
  }
  throw new Error('paging did not end');
}

describe('the proposal store on DynamoDB Local', () => {
  let db: TestDb;
  const amsterdam = Array.from({ length: 30 }, (_, n) =>
    aProposal(n, {
      status: n % 3 === 0 ? 'ACCEPTED' : 'OPEN',
      tags: n % 4 === 0 ? [{ name: 'Groen en duurzaamheid', kind: 'THEME' }] : [],
      supportCount: n === 5 ? null : (n * 7) % 11,
    }),
  );
  const rotterdam = Array.from({ length: 10 }, (_, n) =>
    aProposal(100 + n, {
      municipalityCode: 'GM0599',
      provenance: {
        sourceId: 'gm0599-decidim',
        platform: 'DECIDIM',
        upstreamId: String(100 + n),
        upstreamReference: null,
        harvestedAt: '2026-01-01T00:00:00.000Z',
      },
    }),
  );
  const removed = aProposal(999, { removedAt: '2026-02-01T00:00:00.000Z' });

  beforeAll(async () => {
    db = await freshTable('proposals');
    await seed(db, { proposals: [...amsterdam, ...rotterdam, removed] });
  });

  it('lists every proposal once, newest first, across pages', async () => {
    const got = await all(db, {}, 'NEWEST');
    expect(got).toHaveLength(40);
    const times = got.map((p) => p.createdAt!);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('never lists a removed proposal, but still finds it by id', async () => {
    const got = await all(db, {}, 'OLDEST', 100);
    expect(got.map((p) => p.id)).not.toContain(removed.id);
    expect((await dynamoProposalStore(db).byId.load(removed.id))?.removedAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('orders by supports, with unpublished supports last and ties broken stably', async () => {
    const got = await all(db, { municipalityCode: 'GM0363' }, 'MOST_SUPPORTED', 4);
    expect(got).toHaveLength(30);
    const counts = got.map((p) => p.supportCount);
    expect(counts.at(-1)).toBeNull();
    const known = counts.slice(0, -1) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  it('filters by municipality, province, platform, status and tag, whatever the page size', async () => {
    expect(await all(db, { municipalityCode: 'GM0599' }, 'NEWEST')).toHaveLength(10);
    expect(await all(db, { provinceCode: 'PV28' }, 'NEWEST')).toHaveLength(10);
    expect(await all(db, { provinceCode: 'PV27', municipalityCode: 'GM0599' }, 'NEWEST')).toHaveLength(0);
    expect(await all(db, { platform: 'DECIDIM' }, 'NEWEST', 3)).toHaveLength(10);
    const accepted = await all(db, { status: 'ACCEPTED' }, 'MOST_SUPPORTED', 2);
    expect(accepted.map((p) => p.id).sort()).toEqual(
      amsterdam
        .filter((p) => p.status === 'ACCEPTED')
        .map((p) => p.id)
        .sort(),
    );
    expect(await all(db, { tag: 'groen EN duurzaamheid' }, 'NEWEST', 2)).toHaveLength(8);
  });

  it('treats createdAfter as inclusive and createdBefore as exclusive, in both orders', async () => {
    const after = amsterdam[10]!.createdAt!;
    const before = amsterdam[20]!.createdAt!;
    for (const order of ['NEWEST', 'OLDEST', 'MOST_SUPPORTED'] as const) {
      const got = await all(db, { municipalityCode: 'GM0363', createdAfter: after, createdBefore: before }, order, 3);
      expect(got.map((p) => p.id).sort()).toEqual(
        amsterdam
          .slice(10, 20)
          .map((p) => p.id)
          .sort(),
      );
    }
  });

  it('stops reading after its read budget on a selective filter, and continues from there', async () => {
    // Only the oldest Amsterdam proposal matches; reading 10 items per request cannot reach it at once.
    const target = amsterdam[0]!;
    const query = {
      index: 'byParent' as const,
      partition: partitions.proposalsOf('GM0363'),
      descending: true,
      filters: [{ expression: 'doc.title = :title', names: {}, values: { ':title': target.title } }],
    };
    const pages = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page<Proposal> = await pageQuery(db.doc, db.table, query, { first: 5, after }, proposalOf, {
        maxItemsRead: 10,
      });
      pages.push(page);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(pages[0]).toMatchObject({ items: [], hasNextPage: true });
    expect(pages[0]!.endCursor).toEqual(expect.any(String));
    expect(pages.flatMap((p) => p.items.map((i) => i.node.id))).toEqual([target.id]);
    expect(pages.at(-1)!.hasNextPage).toBe(false);
  });

  it('refuses a cursor from another list', async () => {
    const store = dynamoProposalStore(db);
    const page = await store.list({ municipalityCode: 'GM0363' }, 'NEWEST', { first: 2, after: null });
    await expect(store.list({}, 'NEWEST', { first: 2, after: page.endCursor })).rejects.toThrow(BadUserInputError);
    await expect(
      store.list({ municipalityCode: 'GM0363' }, 'OLDEST', { first: 2, after: page.endCursor }),
    ).rejects.toThrow(/different list/);
  });
});
