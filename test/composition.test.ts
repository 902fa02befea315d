import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { apiSchemaSdl, composeSupergraph } from '../services/gateway/compose';
import { DEFAULT_SCHEMA_DIR, prebuiltFileName, subgraphTypeDefs } from '../services/core/schema';
import { prebuildSubgraphSchema } from '../services/core/subgraphSchema';
import { SUBGRAPH_NAMES } from '../services/gateway/subgraphs';
import { isolationViolations } from './support/faultIsolation';

describe('the supergraph', () => {
  it('composes from schema/ and equals the committed services/gateway/supergraph.graphql (run `npm run compose`)', () => {
    const committed = readFileSync(join(__dirname, '..', 'services', 'gateway', 'supergraph.graphql'), 'utf8');
    expect(composeSupergraph()).toBe(committed);
  });

  it('writes the public API schema for clients, current in client/schema.graphql (run `npm run compose`)', () => {
    const committed = readFileSync(join(__dirname, '..', 'client', 'schema.graphql'), 'utf8');
    expect(apiSchemaSdl()).toBe(committed);
    expect(committed).not.toMatch(/@join__|_entities|_service/);
  });

  it('is valid with the subgraphs extracted from it (the gateway assumes so: validateSupergraph false)', () => {
    const committed = readFileSync(join(__dirname, '..', 'services', 'gateway', 'supergraph.graphql'), 'utf8');
    const supergraph = Supergraph.build(committed, { validateSupergraph: true });
    expect(supergraph.subgraphs().names()).toEqual(expect.arrayContaining([...SUBGRAPH_NAMES]));
  });

  it('ships every subgraph prebuilt, current in schema/<name>.prebuilt.json (run `npm run compose`)', () => {
    for (const name of SUBGRAPH_NAMES) {
      const sdl = readFileSync(join(DEFAULT_SCHEMA_DIR, `${name}.graphql`), 'utf8');
      const committed = JSON.parse(readFileSync(join(DEFAULT_SCHEMA_DIR, prebuiltFileName(name)), 'utf8'));
      expect({ name, ...committed }).toEqual({ name, ...prebuildSubgraphSchema(sdl) });
    }
  });

  it('lets a third party extend our entities with a subgraph of its own', () => {
    const reviews = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { _reviewsVersion: String }
      type Proposal @key(fields: "id") { id: ID! reviewScore: Float }
      type Municipality @key(fields: "code") { code: String! openDataPortal: String }
    `);
    const result = composeServices([
      ...SUBGRAPH_NAMES.map((name) => ({
        name,
        typeDefs: subgraphTypeDefs(name),
        url: `http://${name}`,
      })),
      { name: 'reviews', typeDefs: reviews, url: 'http://reviews' },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/reviewScore: Float/);
  });

  it('reports composition errors when subgraphs disagree', () => {
    const clash = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { x: Int }
      type Proposal @key(fields: "id") { id: ID! title: Int }
    `);
    const result = composeServices([
      { name: 'proposals', typeDefs: subgraphTypeDefs('proposals'), url: 'http://p' },
      { name: 'clash', typeDefs: clash, url: 'http://c' },
    ]);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(/Proposal\.title/);
  });

  it('documents every type, field and argument', () => {
    for (const name of SUBGRAPH_NAMES) {
      const undocumented: string[] = [];
      for (const def of subgraphTypeDefs(name).definitions) {
        if (!('name' in def) || !def.name) continue;
        if (!('description' in def) || !def.description) undocumented.push(def.name.value);
        const fields = ('fields' in def ? def.fields : undefined) ?? ('values' in def ? def.values : undefined) ?? [];
        for (const f of fields as readonly {
          name: { value: string };
          description?: unknown;
          arguments?: readonly { name: { value: string }; description?: unknown }[];
        }[]) {
          if (!f.description) undocumented.push(`${def.name.value}.${f.name.value}`);
          for (const a of f.arguments ?? [])
            if (!a.description) undocumented.push(`${def.name.value}.${f.name.value}(${a.name.value})`);
        }
      }
      expect({ name, undocumented }).toEqual({ name, undocumented: [] });
    }
  });

  const ours = () => SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: subgraphTypeDefs(name) }));

  it('makes nullable every root field and every field that another subgraph completes', () => {
    expect(isolationViolations(ours())).toEqual([]);
  });

  it("keeps the example partner's failures to its own fields", () => {
    const partner = {
      name: 'council-decisions',
      typeDefs: parse(readFileSync(join(__dirname, '..', 'examples', 'council-decisions', 'schema.graphql'), 'utf8')),
    };
    expect(isolationViolations([...ours(), partner])).toEqual([]);
  });

  it('reports a non-null field that another subgraph completes', () => {
    const sdl = readFileSync(join(__dirname, '..', 'schema', 'proposals.graphql'), 'utf8');
    const broken = sdl
      .replace(/(\n {2}\): ProposalConnection) @listSize/g, '$1! @listSize')
      .replace('municipality: Municipality\n', 'municipality: Municipality!\n');
    const subgraphs = ours().map((s) => (s.name === 'proposals' ? { ...s, typeDefs: parse(broken) } : s));
    expect(isolationViolations(subgraphs).sort()).toEqual([
      // Municipality.proposals non-null: whoever returns a Municipality now depends on proposals.
      'municipalities: MunicipalityEdge.node (Municipality is completed by proposals)',
      'municipalities: Source.municipality (Municipality is completed by proposals)',
      'proposals: Proposal.municipality (Municipality is completed by municipalities)',
      'proposals: Query.proposals (a root field, which can fail on its own)',
    ]);
  });
});
