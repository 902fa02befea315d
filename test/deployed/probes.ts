/**
 * What the deploy-shaped test asks of every route of the HTTP API, and what it expects back: the
 * answers a user of a fresh deployment would check first. Returns failures as lines (empty: all good),
 * so a test can also show that a check fails.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { parse } from 'csv-parse/sync';
import { gunzipSync } from 'node:zlib';
import { EXPORT_KINDS } from '../../services/gateway/exportBulk';
import { EXPORT_FORMATS } from '../../services/gateway/exportFormats';
import type { LocalDeployment } from '../support/deployment/LocalDeployment';

const MUNICIPALITY = '{ municipality(code: "GM0363") { name province { name } } }';
const AMSTERDAM = {
  query: `{
    municipality(code: "GM0363") {
      name
      proposals(first: 5) { edges { node { title municipality { name province { name } } } } }
      budgets(first: 5) { edges { node { id title outcome { basis rule selected { title } } } } }
    }
  }`,
};

type Json = Record<string, any>;

interface Probe {
  failures: string[];
  budgetId?: string;
  proposalTitle?: string;
  searchWord?: string;
}

function json(res: APIGatewayProxyStructuredResultV2): Json {
  try {
    return JSON.parse(res.body ?? '') as Json;
  } catch {
    return { unparsable: res.body };
  }
}

/**
 * Calls each route of the template (or `only` these) with requests that exercise it; with
 * `municipalityOnly` just asks for GM0363.
 */
export async function probeRoutes(
  d: LocalDeployment,
  options: { only?: string[]; municipalityOnly?: boolean } = {},
): Promise<string[]> {
  const routes = d.routeKeys().filter((k) => !options.only || options.only.includes(k));
  const p: Probe = { failures: [] };
  const post = (body: unknown) =>
    d.http('POST /graphql', { method: 'POST', path: '/graphql', body: JSON.stringify(body) });

  if (!routes.includes('POST /graphql')) p.failures.push('no route POST /graphql');
  else if (options.municipalityOnly) {
    const r = json(await post({ query: MUNICIPALITY }));
    if (r.data?.municipality?.name !== 'Amsterdam')
      p.failures.push(`municipality GM0363: ${JSON.stringify(r).slice(0, 300)}`);
    return p.failures;
  } else {
    const res = await post(AMSTERDAM);
    const r = json(res);
    const m = r.data?.municipality;
    if (res.statusCode !== 200 || r.errors || m?.name !== 'Amsterdam')
      p.failures.push(`GM0363 with proposals and budgets: ${res.statusCode} ${JSON.stringify(r).slice(0, 500)}`);
    const proposals = (m?.proposals?.edges ?? []).map((e: Json) => e.node);
    if (!proposals.length || proposals.some((x: Json) => x.municipality?.province?.name !== 'Noord-Holland'))
      p.failures.push(`proposals with municipality and province: ${JSON.stringify(proposals).slice(0, 300)}`);
    const budget = m?.budgets?.edges?.[0]?.node;
    if (!budget?.outcome?.selected?.length)
      p.failures.push(`a budget with its outcome: ${JSON.stringify(budget).slice(0, 300)}`);
    p.budgetId = budget?.id;
    p.proposalTitle = proposals[0]?.title;
    p.searchWord = String(proposals[0]?.title ?? '')
      .split(/[^\p{L}]+/u)
      .sort((a, b) => b.length - a.length)[0];
    const search = json(
      await post({
        query:
          'query($q: String!) { search(query: $q) { totalCount edges { node { __typename ... on Proposal { title municipality { name } } } } } }',
        variables: { q: p.searchWord },
      }),
    );
    const hits = search.data?.search?.edges ?? [];
    if (
      search.errors ||
      !hits.some((e: Json) => e.node?.title === proposals[0]?.title && e.node?.municipality?.name === 'Amsterdam')
    )
      p.failures.push(`a search hit for "${p.searchWord}": ${JSON.stringify(search).slice(0, 500)}`);
  }

  if (!routes.includes('GET /graphql')) p.failures.push('no route GET /graphql');
  else {
    const r = await d.http('GET /graphql', {
      method: 'GET',
      path: '/graphql',
      query: new URLSearchParams({ query: MUNICIPALITY }).toString(),
      // Apollo's CSRF prevention: a GET must carry this header (CORS allows it).
      headers: { 'apollo-require-preflight': 'true' },
    });
    if (json(r).data?.municipality?.name !== 'Amsterdam')
      p.failures.push(`GET /graphql: ${r.statusCode} ${r.body?.slice(0, 300)}`);
  }

  const exportRoute = routes.find((k) => k.startsWith('GET /export/budgets/'));
  if (!exportRoute) p.failures.push('no route for a .pb download (GET /export/budgets/<id>.pb)');
  else if (p.budgetId) {
    const path = `/export/budgets/${encodeURIComponent(p.budgetId)}.pb`;
    const r = await d.http(exportRoute, { method: 'GET', path });
    if (
      r.statusCode !== 200 ||
      !/^META\r?\n/.test(r.body ?? '') ||
      !String(r.headers?.['content-disposition']).includes('.pb')
    )
      p.failures.push(`${exportRoute} (${path}): ${r.statusCode} ${r.body?.slice(0, 200)}`);
  }

  if (routes.includes('GET /export/{file}')) {
    const r = await d.http('GET /export/{file}', { method: 'GET', path: '/export/proposals.ndjson' });
    const body = r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');
    if (r.statusCode !== 200 || !p.proposalTitle || !body.includes(JSON.stringify(p.proposalTitle).slice(1, -1)))
      p.failures.push(`GET /export/proposals.ndjson: ${r.statusCode} ${body.slice(0, 200)}`);
  }

  if (routes.includes('GET /graphql/explorer/{file}')) {
    const r = await d.http('GET /graphql/explorer/{file}', { method: 'GET', path: '/graphql/explorer/explorer.css' });
    if (r.statusCode !== 200 || !r.body)
      p.failures.push(`GET /graphql/explorer/explorer.css: ${r.statusCode} ${r.body?.slice(0, 200)}`);
  }

  // A route added to routes.ts without a probe here fails, until the test knows what it should answer.
  const known = new Set([
    'POST /graphql',
    'GET /graphql',
    exportRoute,
    'GET /export/{file}',
    'GET /graphql/explorer/{file}',
  ]);
  for (const k of routes.filter((r) => !known.has(r))) {
    const [method, path] = k.split(' ') as ['GET' | 'POST', string];
    if (method !== 'GET' || path.includes('{')) {
      p.failures.push(`no probe for route ${k}: add one to test/deployed/probes.ts`);
      continue;
    }
    const r = await d.http(k, { method, path });
    if ((r.statusCode ?? 0) >= 300 || !r.body) p.failures.push(`${k}: ${r.statusCode} ${r.body?.slice(0, 200)}`);
  }
  return p.failures;
}

/** How many items the API lists of an export kind, paged as a client would (POST /graphql). */
async function listed(d: LocalDeployment, kind: string): Promise<number> {
  const post = async (query: string, variables: Json = {}) =>
    json(
      await d.http('POST /graphql', { method: 'POST', path: '/graphql', body: JSON.stringify({ query, variables }) }),
    );
  const all = async (list: string, fields: string): Promise<Json[]> => {
    const nodes: Json[] = [];
    let after: string | null = null;
    do {
      const r = await post(
        `query($after: String) { ${list}(first: 100, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = r.data?.[list];
      if (!connection) throw new Error(`${list}: ${JSON.stringify(r).slice(0, 300)}`);
      nodes.push(...connection.edges.map((e: Json) => e.node));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };
  if (kind !== 'budget-projects') return (await all(kind, kind === 'municipalities' ? 'code' : 'id')).length;
  let n = 0;
  for (const b of await all('budgets', 'id')) {
    const r = await post('query($id: ID!) { budget(id: $id) { projects(first: 100) { edges { cursor } } } }', {
      id: b.id,
    });
    n += r.data?.budget?.projects?.edges?.length ?? 0;
  }
  return n;
}

/**
 * What a researcher downloads through the API's domain after the export job ran: every kind in NDJSON
 * and CSV, plain and gzipped, and a budget's `.pb`, served by CloudFront from the export bucket (not
 * from the gateway) with Cache-Control and an ETag, each with as many items as the API lists; a file
 * the bucket lacks falls back to the gateway. Returns failures as lines (empty: all good).
 */
export async function probeExports(d: LocalDeployment): Promise<string[]> {
  const failures: string[] = [];
  for (const kind of Object.keys(EXPORT_KINDS)) {
    const expected = await listed(d, kind);
    if (!expected) failures.push(`the API lists no ${kind}: nothing to compare the export with`);
    for (const format of EXPORT_FORMATS) {
      for (const gzip of [false, true]) {
        const path = `/export/${kind}.${format}${gzip ? '.gz' : ''}`;
        const r = await d.cdn(path);
        if (r.statusCode !== 200 || r.origin !== 's3') {
          failures.push(`${path}: ${r.statusCode} from ${r.origin}, not 200 from the export bucket`);
          continue;
        }
        if (!r.headers.etag || !/max-age=\d+/.test(r.headers['cache-control'] ?? ''))
          failures.push(`${path}: no ETag or Cache-Control: ${JSON.stringify(r.headers)}`);
        const text = (gzip ? gunzipSync(r.body) : r.body).toString('utf8');
        const items =
          format === 'ndjson' ? text.split('\n').filter(Boolean).length : (parse(text) as string[][]).length - 1;
        if (items !== expected) failures.push(`${path}: ${items} items, the API lists ${expected}`);
      }
    }
  }
  const budget = json(
    await d.http('POST /graphql', {
      method: 'POST',
      path: '/graphql',
      body: JSON.stringify({ query: '{ budgets(first: 1) { edges { node { id } } } }' }),
    }),
  ).data?.budgets?.edges?.[0]?.node?.id;
  const pb = await d.cdn(`/export/budgets/${encodeURIComponent(String(budget))}.pb`);
  if (pb.statusCode !== 200 || pb.origin !== 's3' || !/^META\r?\n/.test(pb.body.toString('utf8')))
    failures.push(`${budget}.pb: ${pb.statusCode} from ${pb.origin}: ${pb.body.toString('utf8').slice(0, 100)}`);
  const missing = await d.cdn('/export/budgets/gm0000-none%3Abudget%3A0.pb');
  if (missing.origin !== 'api' || missing.statusCode !== 404)
    failures.push(`a budget the bucket lacks: ${missing.statusCode} from ${missing.origin}, not the gateway's 404`);
  return failures;
}
