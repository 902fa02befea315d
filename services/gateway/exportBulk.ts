/**
 * Bulk exports: `GET /export/<kind>.ndjson` and `.csv` for proposals, budgets, budget projects,
 * municipalities and sources. Each export pages through the API itself (`executeOperation`, page by
 * page, the same limits and resolvers as any client), so it has the API's fields and exactly the items
 * the API lists (removed items are not listed). The body is streamed page by page: memory stays flat
 * whatever the size. NDJSON lines are the API's objects as GraphQL returns them; CSV flattens them into
 * the columns below (lists of names joined with `; `), with a header row (exportFormats.ts). On AWS the
 * export job (services/exports/) writes the same files to S3 after harvests, and CloudFront serves them.
 */
import type { ApolloServer } from '@apollo/server';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { catalogued, InspraakError } from '../core/errors';
import { log } from '../core/log';
import { plainError, type PlainResponse } from './exportBudget';
import { EXPORT_CACHE_CONTROL, encoder, exportHeaders, parseExportFile } from './exportFormats';

const PROVENANCE = 'provenance { source { id } platform upstreamId upstreamReference harvestedAt licence attribution }';
const PROVENANCE_COLUMNS = [
  'provenance.source.id',
  'provenance.platform',
  'provenance.upstreamId',
  'provenance.upstreamReference',
  'provenance.harvestedAt',
  'provenance.licence',
  'provenance.attribution',
];
const LOCATION = 'location { point { latitude longitude } address }';
const LOCATION_COLUMNS = ['location.point.latitude', 'location.point.longitude', 'location.address'];

export interface ExportKind {
  /** A list query taking `$after`, returning a connection at `list`. */
  query: string;
  list: string;
  /** CSV columns: dot paths into a node; `a[].b` joins the `b` of every element of list `a`. */
  columns: string[];
  /** For kinds listed per parent (projects per budget): the parents' query and the child query. */
  parents?: { query: string; list: string; childQuery: string; childList: (data: unknown) => unknown };
}

/**
 * Pages are as large as the gateway's cost limit allows for the fields asked (services/gateway/limits.ts
 * weighs each field by `first`): 25 for the wide kinds, 100 for municipalities.
 */
const page = (list: string, args: string, fields: string, first = 25) =>
  `query Export($after: String) { ${list}(first: ${first}, after: $after${args}) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`;

const PROJECT_FIELDS = `id budget { id } title description { text } cost { amountMinor currency } voteCount selected
  platformStatus { code label } tags { name } ${LOCATION} images { url } proposal { id } url ${PROVENANCE}`;

export const EXPORT_KINDS: Record<string, ExportKind> = {
  proposals: {
    query: page(
      'proposals',
      '',
      `id municipality { code } title summary body { text } locale status platformStatus { code label }
       supportCount opposeCount commentCount createdAt publishedAt updatedAt tags { name } area ${LOCATION}
       images { url } url ${PROVENANCE}`,
    ),
    list: 'proposals',
    columns: [
      'id',
      'municipality.code',
      'title',
      'summary',
      'body.text',
      'locale',
      'status',
      'platformStatus.code',
      'platformStatus.label',
      'supportCount',
      'opposeCount',
      'commentCount',
      'createdAt',
      'publishedAt',
      'updatedAt',
      'tags[].name',
      'area',
      ...LOCATION_COLUMNS,
      'images[].url',
      'url',
      ...PROVENANCE_COLUMNS,
    ],
  },
  budgets: {
    query: page(
      'budgets',
      '',
      `id municipality { code } title description { text } locale total { amountMinor currency } phase
       platformPhase votingPeriod { start end } votingRule { kind } voterCount url createdAt ${PROVENANCE}`,
    ),
    list: 'budgets',
    columns: [
      'id',
      'municipality.code',
      'title',
      'description.text',
      'locale',
      'total.amountMinor',
      'total.currency',
      'phase',
      'platformPhase',
      'votingPeriod.start',
      'votingPeriod.end',
      'votingRule.kind',
      'voterCount',
      'url',
      'createdAt',
      ...PROVENANCE_COLUMNS,
    ],
  },
  'budget-projects': {
    query: page('budgets', '', 'id'),
    list: 'budgets',
    parents: {
      query: page('budgets', '', 'id'),
      list: 'budgets',
      childQuery: `query ExportProjects($id: ID!, $after: String) { budget(id: $id) { projects(first: 25, after: $after) {
        edges { node { ${PROJECT_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`,
      childList: (data) => (data as { budget?: { projects?: unknown } } | null)?.budget?.projects,
    },
    columns: [
      'id',
      'budget.id',
      'title',
      'description.text',
      'cost.amountMinor',
      'cost.currency',
      'voteCount',
      'selected',
      'platformStatus.code',
      'platformStatus.label',
      'tags[].name',
      ...LOCATION_COLUMNS,
      'images[].url',
      'proposal.id',
      'url',
      ...PROVENANCE_COLUMNS,
    ],
  },
  municipalities: {
    query: page('municipalities', '', 'code name province { code name } centroid { latitude longitude }', 100),
    list: 'municipalities',
    columns: ['code', 'name', 'province.code', 'province.name', 'centroid.latitude', 'centroid.longitude'],
  },
  sources: {
    query: page(
      'sources',
      '',
      `id name platform baseUrl platformVersion municipality { code } licence attribution
       harvest { state lastAttemptAt lastSuccessAt lastError itemCounts { proposals budgets budgetProjects } }`,
    ),
    list: 'sources',
    columns: [
      'id',
      'name',
      'platform',
      'baseUrl',
      'platformVersion',
      'municipality.code',
      'licence',
      'attribution',
      'harvest.state',
      'harvest.lastAttemptAt',
      'harvest.lastSuccessAt',
      'harvest.lastError',
      'harvest.itemCounts.proposals',
      'harvest.itemCounts.budgets',
      'harvest.itemCounts.budgetProjects',
    ],
  },
};

/** A failure of the API while exporting; the export stops (mid-stream: the connection is cut). */
export class ExportFailedError extends InspraakError {
  readonly code = 'EXPORT_FAILED';
}

interface Connection {
  edges: { node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function run(apollo: ApolloServer, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const result = await apollo.executeOperation({ query, variables });
  if (result.body.kind !== 'single') throw new ExportFailedError('unexpected incremental result');
  const { data, errors } = result.body.singleResult;
  if (errors?.length) throw new ExportFailedError(errors.map((e) => e.message).join('; '));
  return data;
}

/** Every node of a list query, page by page. */
async function* pages(
  apollo: ApolloServer,
  query: string,
  pick: (data: unknown) => unknown,
  variables: Record<string, unknown> = {},
): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | null = null;
  do {
    const connection = pick(await run(apollo, query, { ...variables, after })) as Connection | undefined;
    if (!connection) return;
    yield connection.edges.map((e) => e.node);
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
}

/** Every node of an export kind, in the API's order. */
export async function* exportNodes(apollo: ApolloServer, kind: ExportKind): AsyncGenerator<Record<string, unknown>[]> {
  const listOf = (data: unknown) => (data as Record<string, unknown> | null)?.[kind.list];
  if (!kind.parents) {
    yield* pages(apollo, kind.query, listOf);
    return;
  }
  const { childQuery, childList } = kind.parents;
  for await (const parents of pages(apollo, kind.parents.query, listOf)) {
    for (const parent of parents) yield* pages(apollo, childQuery, childList, { id: parent.id });
  }
}

/**
 * The export named by `file` (`proposals.ndjson`, `sources.csv`, `budgets.csv.gz`, …). The first page is
 * read before answering, so a failing API gives a 503 rather than an empty file; a failure after that
 * cuts the stream, so a client never takes a truncated file for a whole one.
 */
export async function exportBulk(apollo: ApolloServer, file: string): Promise<PlainResponse> {
  const name = parseExportFile(file);
  const kind = name ? EXPORT_KINDS[name.kind] : undefined;
  if (!name || !kind) {
    return plainError(
      'NOT_FOUND',
      `No export ${file.slice(0, 80)}. Exports: ${Object.keys(EXPORT_KINDS)
        .map((k) => `/export/${k}.ndjson, /export/${k}.csv`)
        .join(', ')} (each also gzipped: add .gz).`,
    );
  }
  const nodes = exportNodes(apollo, kind);
  let first: IteratorResult<Record<string, unknown>[]>;
  try {
    first = await nodes.next();
  } catch (e) {
    const failed = catalogued('EXPORT_FAILED');
    log[failed.level]('export failed', { file, error: e instanceof Error ? e.message : String(e) });
    return plainError(failed.code);
  }
  const { head, line } = encoder(name.format, kind.columns);
  async function* text(): AsyncGenerator<string> {
    if (head) yield head;
    if (first.done) return;
    yield first.value.map(line).join('');
    for await (const nodesOfPage of nodes) yield nodesOfPage.map(line).join('');
  }
  const { contentType, contentDisposition } = exportHeaders(name);
  return {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition,
      'cache-control': EXPORT_CACHE_CONTROL,
    },
    body: name.gzip ? Readable.from(text()).pipe(createGzip()) : text(),
  };
}
