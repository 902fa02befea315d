/**
 * The example partner subgraph, served on its own: `npx tsx examples/council-decisions/server.ts [port]`
 * (default 4201). It uses only public packages (@apollo/server, @apollo/subgraph), as a partner would.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

interface Decision {
  id: string;
  title: string;
  decidedOn: string;
  outcome: 'ADOPTED' | 'REJECTED';
  proposalId: string;
}

/** Invented decisions about proposals of the sandbox's Amsterdam source. */
export const DECISIONS: Decision[] = [
  {
    id: 'raad-2026-014',
    title: 'Motie: fietsenstalling bij het station uitbreiden',
    decidedOn: '2026-03-12',
    outcome: 'ADOPTED',
    proposalId: 'gm0363-openstad-ideeen:proposal:1',
  },
  {
    id: 'raad-2026-031',
    title: 'Amendement: dekking uit het mobiliteitsfonds',
    decidedOn: '2026-05-21',
    outcome: 'REJECTED',
    proposalId: 'gm0363-openstad-ideeen:proposal:1',
  },
];

const typeDefs = parse(readFileSync(join(__dirname, 'schema.graphql'), 'utf8'));

const resolvers = {
  Query: { councilDecision: (_: unknown, { id }: { id: string }) => DECISIONS.find((d) => d.id === id) ?? null },
  CouncilDecision: { proposal: (d: Decision) => ({ __typename: 'Proposal', id: d.proposalId }) },
  Proposal: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    councilDecisions: (p: { id: string }) => DECISIONS.filter((d) => d.proposalId === p.id),
  },
};

/** Starts the partner subgraph on `port` (0: a free one); returns its URL and a stop function. */
export async function startCouncilDecisions(port = 4201): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }) });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url: new URL('/graphql', url).toString(), stop: () => server.stop() };
}

if (require.main === module) {
  startCouncilDecisions(Number(process.argv[2] ?? 4201)).then(({ url }) => console.log(`Council decisions at ${url}`));
}
