/**
 * The typed client (client/inspraakClient.ts, with documents generated from operations/) against a
 * live gateway over HTTP: a municipality's budgets with their outcomes, and the change feed paged to the end.
 */
import { inspraakClient, InspraakRequestError } from '../client/inspraakClient';
import { MunicipalityBudgetsDocument } from '../client/generated/graphql';
import { ensureRegistry } from '../services/core/registry';
import { aBudget, aProject, aProposal, aSource } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { closedPort } from './support/ports';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

describe('the typed client, against a live gateway', () => {
  let gw: TestGateway;
  let db: TestDb;
  const budget = aBudget(1, {
    municipalityCode: 'GM0518',
    phase: 'FINISHED',
    outcomeRule: { rule: 'greedy', threshold: null, statedBy: 'SOURCE_DECLARATION' },
    provenance: { ...aBudget(1).provenance, sourceId: 'gm0518-openstad' },
  });
  const projects = [0, 1, 2].map((n) => aProject(budget, n, { voteCount: 100 - n * 10 }));
  const proposals = Array.from({ length: 150 }, (_, n) => aProposal(n));

  beforeAll(async () => {
    db = await freshTable('client');
    await ensureRegistry(db.doc, db.table);
    await seed(db, {
      sources: [aSource(), aSource({ id: 'gm0518-openstad', municipalityCode: 'GM0518' })],
      proposals,
      budgets: [budget],
      projects,
    });
    gw = await startTestGateway(db, { INSPRAAK_CHANGES_SETTLE_MS: '1' });
  });
  afterAll(() => gw?.close());

  it("reads a municipality's budgets with their outcomes, typed", async () => {
    const client = inspraakClient(gw.url);
    const { municipality } = await client.request(MunicipalityBudgetsDocument, { code: 'GM0518' });
    const b = municipality!.budgets!.edges[0]!.node;
    expect(b).toMatchObject({ id: budget.id, phase: 'FINISHED', total: { amountMinor: 3_000_000, currency: 'EUR' } });
    expect(b.outcome).not.toBeNull();
    // Greedy by votes within € 30.000: all three projects (€ 1.000, € 2.000, € 3.000) fit.
    expect(b.outcome!.selected.map((p) => p.id)).toEqual(projects.map((p) => p.id));
  });

  it('pages the change feed to the end and resumes from the last cursor', async () => {
    const client = inspraakClient(gw.url);
    const seen: string[] = [];
    let last: string | null = null;
    for await (const change of client.changes()) {
      seen.push(change.id);
      last = change.cursor;
    }
    expect(seen).toHaveLength(proposals.length + 1 + projects.length);
    expect(new Set(seen).size).toBe(seen.length);
    const more: string[] = [];
    for await (const change of client.changes({ after: last })) more.push(change.id);
    expect(more).toEqual([]);
  });

  it('raises the API errors with their codes', async () => {
    const client = inspraakClient(gw.url);
    await expect(client.request(MunicipalityBudgetsDocument, { code: 'Amsterdam' })).rejects.toThrow(
      InspraakRequestError,
    );
    await expect(client.request(MunicipalityBudgetsDocument, { code: 'Amsterdam' })).rejects.toThrow(/BAD_USER_INPUT/);
  });

  it('keeps what arrived when a subgraph fails, with the error at its path', async () => {
    const broken = await startTestGateway(db, {
      INSPRAAK_SUBGRAPH_URLS: JSON.stringify({ budgets: `http://127.0.0.1:${await closedPort()}/graphql` }),
    });
    try {
      const client = inspraakClient(broken.url);
      const { data, errors } = await client.requestPartial(MunicipalityBudgetsDocument, { code: 'GM0518' });
      expect(data.municipality).toEqual({ name: "'s-Gravenhage", budgets: null });
      expect(errors).toEqual([
        {
          message: expect.any(String),
          path: ['municipality', 'budgets'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'budgets' },
        },
      ]);
      await expect(client.request(MunicipalityBudgetsDocument, { code: 'GM0518' })).rejects.toThrow(
        /SUBGRAPH_UNAVAILABLE/,
      );
    } finally {
      await broken.close();
    }
  });
});
