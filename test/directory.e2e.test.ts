/**
 * `Query.node` and `Query.changes` end to end: the composed gateway over HTTP on DynamoDB Local, the
 * way a client meets them.
 */
import { ensureRegistry } from '../services/core/registry';
import type { Proposal } from '../services/core/model';
import { aBudget, aProject, aProposal, aSource } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const harvested = <T extends { provenance: Proposal['provenance'] }>(x: T, minute: number): T => ({
  ...x,
  provenance: { ...x.provenance, harvestedAt: at(minute) },
});

describe('node(id) and the change feed, end to end', () => {
  let db: TestDb;
  let gw: TestGateway;
  const budget = harvested(aBudget(1), 2);
  const proposals = [harvested(aProposal(1), 1), harvested(aProposal(2), 4)];
  const removed = harvested(aProposal(3, { removedAt: at(5) }), 3);
  const projects = [harvested(aProject(budget, 0), 3), harvested(aProject(budget, 1), 6)];

  beforeAll(async () => {
    db = await freshTable('directory');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { sources: [aSource()], proposals: [...proposals, removed], budgets: [budget], projects });
    gw = await startTestGateway(db, { INSPRAAK_CHANGES_SETTLE_MS: '1' });
  });
  afterAll(() => gw?.close());

  describe('node(id)', () => {
    const nodeQuery = `query($id: ID!) { node(id: $id) { __typename id
      ... on Municipality { name }
      ... on Source { name platform }
      ... on Proposal { title removedAt municipality { code } }
      ... on Budget { title total { formatted } }
      ... on BudgetProject { title budget { title } } } }`;

    it.each([
      ['a municipality by its CBS code', 'GM0363', { __typename: 'Municipality', name: 'Amsterdam' }],
      ['a source', 'gm0363-openstad', { __typename: 'Source', name: 'Amsterdam Begroot', platform: 'OPENSTAD' }],
      [
        'a proposal, through the proposals subgraph',
        proposals[0]!.id,
        { __typename: 'Proposal', title: 'Voorstel 1', removedAt: null, municipality: { code: 'GM0363' } },
      ],
      ['a removed proposal, with its removal', removed.id, { __typename: 'Proposal', removedAt: at(5) }],
      ['a budget', budget.id, { __typename: 'Budget', title: 'Begroting 1', total: { formatted: '€\u00a030.000,00' } }],
      [
        'a budget project',
        projects[1]!.id,
        { __typename: 'BudgetProject', title: 'Project 1', budget: { title: 'Begroting 1' } },
      ],
    ])('finds %s', async (_name, id, expected) => {
      const { status, json } = await gw.post({ query: nodeQuery, variables: { id } });
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      expect(json.data.node).toMatchObject({ id, ...expected });
    });

    it.each([
      ['a municipality code nobody has', 'GM9999', 'NOT_FOUND'],
      ['a proposal id nothing has', 'gm0363-openstad:proposal:999', 'NOT_FOUND'],
      ['a source id nothing has', 'gm0000-nothing', 'NOT_FOUND'],
      ['an id of no known shape', 'Amsterdam!', 'BAD_USER_INPUT'],
    ])('answers %s with null and a coded error', async (_name, id, code) => {
      const { status, json } = await gw.post({ query: nodeQuery, variables: { id } });
      expect(status).toBe(200);
      expect(json.data.node).toBeNull();
      expect(json.errors[0]).toMatchObject({ path: ['node'], extensions: { code } });
    });
  });

  describe('changes', () => {
    const changesQuery = `query($kinds: [ChangeKind!], $first: Int, $after: String) {
      changes(kinds: $kinds, first: $first, after: $after) {
        edges { cursor node { id kind changedAt removedAt item { id } } }
        pageInfo { hasNextPage endCursor } } }`;

    async function readAll(after: string | null, kinds?: string[], gateway = gw) {
      const seen: { id: string; kind: string; changedAt: string; removedAt: string | null }[] = [];
      let cursor = after;
      for (;;) {
        const { json } = await gateway.post({ query: changesQuery, variables: { first: 2, after: cursor, kinds } });
        expect(json.errors).toBeUndefined();
        const page = json.data.changes;
        for (const e of page.edges) {
          expect(e.node.item.id).toBe(e.node.id);
          seen.push({ id: e.node.id, kind: e.node.kind, changedAt: e.node.changedAt, removedAt: e.node.removedAt });
        }
        cursor = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) return { seen, cursor };
      }
    }

    it('replays every item of every kind once, oldest change first, across pages', async () => {
      const { seen, cursor } = await readAll(null);
      expect(seen).toEqual([
        { id: proposals[0]!.id, kind: 'PROPOSAL', changedAt: at(1), removedAt: null },
        { id: budget.id, kind: 'BUDGET', changedAt: at(2), removedAt: null },
        { id: projects[0]!.id, kind: 'BUDGET_PROJECT', changedAt: at(3), removedAt: null },
        { id: proposals[1]!.id, kind: 'PROPOSAL', changedAt: at(4), removedAt: null },
        { id: removed.id, kind: 'PROPOSAL', changedAt: at(5), removedAt: at(5) },
        { id: projects[1]!.id, kind: 'BUDGET_PROJECT', changedAt: at(6), removedAt: null },
      ]);
      // Up to date: a poll with the last cursor finds nothing and keeps the cursor.
      const { json } = await gw.post({ query: changesQuery, variables: { after: cursor } });
      expect(json.data.changes).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: cursor } });
    });

    it('narrows to the kinds asked for, and refuses a cursor of another list', async () => {
      const { seen, cursor } = await readAll(null, ['BUDGET_PROJECT']);
      expect(seen.map((c) => c.id)).toEqual(projects.map((p) => p.id));
      const { status, json } = await gw.post({ query: changesQuery, variables: { after: cursor } });
      expect(status).toBe(200);
      expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('resumes from any cursor, and lists an item again when it changes after the cursor', async () => {
      const first = await gw.post({ query: changesQuery, variables: { first: 3 } });
      const held = first.json.data.changes.edges[1].cursor; // after the budget
      const rest = await readAll(held);
      expect(rest.seen.map((c) => c.changedAt)).toEqual([at(3), at(4), at(5), at(6)]);
      // The first proposal changes again: a mirror holding any cursor sees it once more, at its new place.
      await seed(db, { proposals: [harvested({ ...proposals[0]!, title: 'Nieuw' }, 7)] });
      const again = await readAll(rest.cursor);
      expect(again.seen).toEqual([{ id: proposals[0]!.id, kind: 'PROPOSAL', changedAt: at(7), removedAt: null }]);
    });

    it('holds back changes younger than the settle time', async () => {
      const fresh = aProposal(9, { provenance: { ...aProposal(9).provenance, harvestedAt: new Date().toISOString() } });
      await seed(db, { proposals: [fresh] });
      const settled = await startTestGateway(db); // default settle time: one minute
      try {
        const { seen } = await readAll(null, ['PROPOSAL'], settled);
        expect(seen.map((c) => c.id)).not.toContain(fresh.id);
        expect((await readAll(null, ['PROPOSAL'])).seen.map((c) => c.id)).toContain(fresh.id);
      } finally {
        await settled.close();
      }
    });

    it('refuses a forged cursor with BAD_USER_INPUT', async () => {
      const { json } = await gw.post({ query: changesQuery, variables: { after: 'bm9wZQ' } });
      expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});
