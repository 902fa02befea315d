import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { answerSchema, checkAnswer, SubgraphBadResponseError } from '../answerCheck';
import { supergraphSdl } from '../gateway';

const schema = answerSchema(supergraphSdl());

const fetchOf = (query: string, variables: Record<string, unknown> = {}) =>
  ({ request: { query, variables } }) as unknown as GraphQLDataSourceProcessOptions;

const check = (query: string, data: unknown, variables?: Record<string, unknown>) =>
  checkAnswer({ data: data as Record<string, unknown> }, fetchOf(query, variables), schema, 'proposals');

const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id status createdAt supportCount ...More
  tags { name } translations @include(if: false) { locale } } }
  fragment More on Proposal { first: title }`;
const proposal = (o: Record<string, unknown> = {}) => ({
  proposal: {
    id: 'p1',
    status: 'OPEN',
    createdAt: '2025-03-04T17:00:00.000Z',
    supportCount: 3,
    first: 'Bankjes',
    tags: [],
    ...o,
  },
});

describe('checking a subgraph answer against the schema', () => {
  it('passes an answer that fits, aliases, fragments and a field left out by @include included', () => {
    const data = proposal();
    expect(check(PROPOSAL, data)).toEqual({ data: proposal() });
  });

  it.each<[string, Record<string, unknown>, (string | number)[]]>([
    ['an unknown enum value', { status: 'SOON' }, ['proposal', 'status']],
    ['a DateTime that is not one', { createdAt: 'gisteren' }, ['proposal', 'createdAt']],
    ['an Int past 32 bits', { supportCount: 2 ** 40 }, ['proposal', 'supportCount']],
    ['a number for a String, through an aliased fragment field', { first: 42 }, ['proposal', 'first']],
    [
      'an object in a list of objects where a string belongs',
      { tags: [{ name: { nl: 'groen' } }] },
      ['proposal', 'tags', 0, 'name'],
    ],
  ])('takes out %s and reports it at its path', (_name, over, path) => {
    const data = proposal(over);
    const result = check(PROPOSAL, data);
    expect(result.errors).toEqual([
      {
        message: expect.stringMatching(/^The proposals subgraph answered .+ for \w+\.\w+, which is/),
        path,
        extensions: { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: 'proposals' },
      },
    ]);
    let holder: unknown = data;
    for (const key of path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[key];
    expect(path.at(-1)! in (holder as object)).toBe(false);
  });

  it('checks each entity by the type of its representation, and refuses one of another type', () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Proposal { title } ... on Budget { phase } } }`;
    const representations = [
      { __typename: 'Proposal', id: 'p1' },
      { __typename: 'Budget', id: 'b1' },
      { __typename: 'Proposal', id: 'p2' },
    ];
    const data = { _entities: [{ title: 'Bankjes' }, { phase: 'LATER' }, { __typename: 'Budget', phase: 'VOTING' }] };
    const result = check(query, data, { representations });
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['_entities', 1, 'phase'],
      ['_entities', 2],
    ]);
    expect(data._entities).toEqual([{ title: 'Bankjes' }, {}, null]);
  });

  it('refuses the whole answer when data is not an object', () => {
    expect(() => check(PROPOSAL, ['proposal'])).toThrow(SubgraphBadResponseError);
  });

  it('reports at most 20 errors for one answer, the last counting the rest', () => {
    const query = '{ proposals(first: 100) { edges { cursor } } }';
    const data = { proposals: { edges: Array.from({ length: 50 }, () => ({ cursor: 7 })) } };
    const errors = check(query, data).errors ?? [];
    expect(errors).toHaveLength(20);
    expect(errors.at(-1)?.message).toMatch(/31 more values/);
  });
});
