/**
 * The cost model, table-driven: the repository's portal operations (operations/*.graphql) must pass with
 * their real page sizes, and queries built to multiply lists (through variables, defaults, fragments,
 * unions and aliases) must be refused with COST_LIMIT_EXCEEDED before any subgraph is called.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRegistry } from '../services/core/registry';
import {
  buildASTSchema,
  buildSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  parse,
  printSchema,
} from 'graphql';
import { costDirectives } from '../services/gateway/cost';
import { supergraphSdl } from '../services/gateway/gateway';
import { MAX_COST } from '../services/gateway/limits';
import { aBudget, aProject, aProposal } from './support/builders';
import { freshTable, type TestDb } from './support/db';
import { startTestGateway, type TestGateway } from './support/gateway';
import { seed } from './support/seed';

const operation = (name: string) => readFileSync(join(__dirname, '..', 'operations', `${name}.graphql`), 'utf8');

const budget = aBudget(1);
const proposal = aProposal(1);

/** Portal operations with the variables a portal sends; each must pass. */
const honest: [string, Record<string, unknown>][] = [
  ['SearchWithFacets', { query: 'park', first: 100 }],
  ['BudgetWithProjects', { id: budget.id }],
  ['MunicipalityPage', { code: 'GM0363' }],
  ['ProposalDetail', { id: proposal.id }],
  ['ProposalList', { first: 100, orderBy: 'MOST_SUPPORTED', filter: { municipality: 'GM0363' } }],
  ['MunicipalitiesOfProvince', { province: 'Noord-Holland' }],
  ['SourceHealth', {}],
  ['BudgetOverview', { first: 50 }],
  ['BudgetOutcome', { id: budget.id }],
  ['Export', { id: budget.id }],
  ['SearchAsYouType', { query: 'spe' }],
  ['NearbyProposals', { latitude: 52.37, longitude: 4.9 }],
  ['MunicipalityOverview', {}],
  ['MunicipalityBudgets', { code: 'GM0363' }],
  ['Search', {}],
  ['Changes', {}],
];

const n100 = 'query($n: Int = 100)';
/** Queries that multiply lists; each must be refused. */
const abusive: [string, string, Record<string, unknown>][] = [
  [
    "issue #11's: 15 aliases of search → budget → projects → budget → pabulib, first from a default",
    `${n100} { ${Array.from(
      { length: 15 },
      (_, i) =>
        `s${i}: search(first: $n) { edges { node { ... on BudgetProject { budget { projects(first: $n) { edges { node { budget { pabulib } } } } } } } } }`,
    ).join(' ')} }`,
    {},
  ],
  [
    'municipalities → proposals, both 100 from a variable default',
    `${n100} { municipalities(first: $n) { edges { node { proposals(first: $n) { edges { node { id title } } } } } } }`,
    {},
  ],
  [
    'budgets → projects → proposal → municipality → proposals, 100 from a variable value',
    'query($n: Int) { budgets(first: $n) { edges { node { projects(first: $n) { edges { node { proposal { municipality { proposals(first: $n) { edges { node { id } } } } } } } } } } } }',
    { n: 100 },
  ],
  [
    'search → project → budget → projects of 100',
    '{ search(first: 100) { edges { node { ... on BudgetProject { budget { projects(first: 100) { edges { node { id title tags { name } } } } } } } } } }',
    {},
  ],
  [
    '100 budgets with 100 projects each, each with its budget as Pabulib',
    '{ budgets(first: 100) { edges { node { projects(first: 100) { edges { node { budget { pabulib } } } } } } } }',
    {},
  ],
  [
    'sources → municipality → 100 proposals with every list',
    '{ sources(first: 100) { edges { node { municipality { proposals(first: 100) { edges { node { tags { name } images { url } translations { title body { html } } } } } } } } } }',
    {},
  ],
  [
    'the multiplication hidden in a fragment',
    'fragment P on Municipality { proposals(first: 100) { edges { node { id tags { name } } } } } { municipalities(first: 100) { edges { node { ...P } } } }',
    {},
  ],
  [
    'the multiplication hidden in a union branch',
    '{ search(first: 100) { edges { node { ... on Proposal { municipality { budgets(first: 100) { edges { node { title projects { edges { node { id } } } } } } } } } } } }',
    {},
  ],
  [
    'argument defaults only: 100 municipalities × 20 budgets × 20 projects',
    '{ municipalities(first: 100) { edges { node { budgets { edges { node { projects { edges { node { title tags { name } } } } } } } } } } }',
    {},
  ],
  [
    '15 aliases of 100 budgets as Pabulib',
    `{ ${Array.from({ length: 15 }, (_, i) => `b${i}: budgets(first: 100) { edges { node { pabulib } } }`).join(' ')} }`,
    {},
  ],
  [
    'proposals → municipality → 100 budgets as Pabulib',
    '{ proposals(first: 100) { edges { node { municipality { budgets(first: 100) { edges { node { pabulib } } } } } } } }',
    {},
  ],
];

describe('the cost model', () => {
  let db: TestDb;
  let gw: TestGateway;

  beforeAll(async () => {
    db = await freshTable('cost');
    await ensureRegistry(db.doc, db.table);
    await seed(db, {
      proposals: [proposal, aProposal(2)],
      budgets: [budget],
      projects: [aProject(budget, 0, { proposalId: proposal.id }), aProject(budget, 1)],
    });
    gw = await startTestGateway(db);
  });
  afterAll(() => gw?.close());

  it('costs every operation of operations/', () => {
    const files = readdirSync(join(__dirname, '..', 'operations')).filter((f) => f.endsWith('.graphql'));
    expect(honest.map(([name]) => `${name}.graphql`).sort()).toEqual(files.sort());
  });

  it.each(honest)('lets the portal operation %s pass, and says what it cost', async (name, variables) => {
    const res = await gw.post({ query: operation(name), variables, operationName: name });
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.extensions.cost).toEqual({ estimated: expect.any(Number), limit: MAX_COST });
    // Headroom: the heaviest portal page stays at or below half the limit.
    expect(res.json.extensions.cost.estimated).toBeLessThanOrEqual(MAX_COST / 2);
  });

  it.each(abusive)('refuses %s before any subgraph call', async (_name, query, variables) => {
    db.calls.length = 0;
    const res = await gw.post({ query, variables });
    expect(res.status).toBe(400);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
    expect(res.json.errors[0].message).toMatch(/limit is 20000/);
    expect(res.json.data).toBeUndefined();
    // The response cache reads the data version (one GetItem) first; nothing else may touch the table.
    expect(db.calls.filter((c) => c !== 'GetItemCommand')).toEqual([]);
  });

  it('knows the size of every list of objects in the supergraph', () => {
    const sdl = supergraphSdl();
    const { listSizes } = costDirectives(sdl);
    const api = buildSchema(printSchema(buildASTSchema(parse(sdl), { assumeValid: true })), { assumeValid: true });
    const unsized: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('join__')) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type));
        const connection = getNamedType(field.type).name.endsWith('Connection');
        if (
          (list || connection) &&
          isCompositeType(getNamedType(field.type)) &&
          !listSizes.has(`${type.name}.${field.name}`)
        ) {
          // An edges list is sized by its connection's @listSize(sizedFields: ["edges"]).
          if (field.name !== 'edges') unsized.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unsized).toEqual([]);
  });

  it('counts a page size given by a variable exactly as the same literal', async () => {
    const literal = await gw.post({ query: '{ proposals(first: 7) { edges { node { id } } } }' });
    const variable = await gw.post({
      query: 'query($n: Int) { proposals(first: $n) { edges { node { id } } } }',
      variables: { n: 7 },
    });
    const byDefault = await gw.post({ query: 'query($n: Int = 7) { proposals(first: $n) { edges { node { id } } } }' });
    expect(literal.json.extensions.cost.estimated).toBe(1 + 7 * 2);
    expect(variable.json.extensions.cost).toEqual(literal.json.extensions.cost);
    expect(byDefault.json.extensions.cost).toEqual(literal.json.extensions.cost);
  });
});
