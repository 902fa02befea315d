/**
 * Partner subgraphs, served: the example in examples/council-decisions (someone else's service, on its
 * own HTTP server) is declared in examples/partners.json, composed with ours, and queried end to end
 * through the gateway in both directions.
 */
import { join } from 'node:path';
import { startCouncilDecisions } from '../examples/council-decisions/server';
import { ensureRegistry } from '../services/core/registry';
import { composeSupergraph, CompositionError, loadPartners } from '../services/gateway/compose';
import { aProposal, aSource } from './support/builders';
import { freshTable } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

describe('a partner subgraph, composed and served', () => {
  let gw: TestGateway;
  let partner: { url: string; stop: () => Promise<void> };
  const proposal = aProposal(1, {
    id: 'gm0363-openstad-ideeen:proposal:1',
    title: 'Meer fietsparkeerplekken bij het station',
    provenance: { ...aProposal(1).provenance, sourceId: 'gm0363-openstad-ideeen' },
  });

  beforeAll(async () => {
    const db = await freshTable('partners');
    await ensureRegistry(db.doc, db.table);
    await seed(db, { sources: [aSource({ id: 'gm0363-openstad-ideeen' })], proposals: [proposal] });
    partner = await startCouncilDecisions(0);
    // As declared, but at the port the example got (the file names its default, 4201).
    const declared = loadPartners(join(__dirname, '..', 'examples', 'partners.json'));
    expect(declared.map((p) => p.name)).toEqual(['council-decisions']);
    const supergraph = composeSupergraph(declared.map((p) => ({ ...p, url: partner.url })));
    gw = await startTestGateway(db, {}, supergraph);
  });
  afterAll(async () => {
    await gw?.close();
    await partner?.stop();
  });

  it("adds the partner's fields to our proposals", async () => {
    const { json } = await gw.post({
      query: `query($id: ID!) { proposal(id: $id) { title councilDecisions { id outcome } } }`,
      variables: { id: proposal.id },
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.proposal).toEqual({
      title: 'Meer fietsparkeerplekken bij het station',
      councilDecisions: [
        { id: 'raad-2026-014', outcome: 'ADOPTED' },
        { id: 'raad-2026-031', outcome: 'REJECTED' },
      ],
    });
  });

  it("resolves our entities from the partner's references", async () => {
    const { json } = await gw.post({
      query: '{ councilDecision(id: "raad-2026-014") { title proposal { title municipality { name } } } }',
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.councilDecision.proposal).toEqual({ title: proposal.title, municipality: { name: 'Amsterdam' } });
  });

  it('refuses a partner that takes the name of one of our subgraphs', () => {
    expect(() => loadPartners(join(__dirname, 'support', 'partners-clash.json'))).toThrow(CompositionError);
  });
});
