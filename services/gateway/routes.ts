/**
 * Every HTTP route the public API serves, in one table read by the local server (server.ts), the Lambda
 * handler (lambda.ts) and the CDK construct (infra/constructs/PublicHttpApi.ts), so they cannot drift.
 * Paths use API Gateway's route syntax: `{name}` matches one whole path segment (API Gateway does not
 * allow a variable inside a segment, hence `{file}` rather than `{id}.pb`; the handler checks the suffix).
 *
 * To add a route: add an entry here and, for a `plain` route, its handler in `plainRoutes` (gateway side).
 * @example matchRoute('GET', '/export/budgets/gm0363-openstad-begroot%3Abudget%3A7.pb')
 *   // → { route: ROUTES.budgetExport, params: { file: 'gm0363-openstad-begroot%3Abudget%3A7.pb' } }
 */

export type RouteMethod = 'GET' | 'POST';

export interface Route {
  /** HTTP methods the route answers (CORS preflights are API Gateway's, or core/http.ts's locally). */
  readonly methods: readonly RouteMethod[];
  /** The path, in API Gateway's syntax (`/export/budgets/{file}`). */
  readonly path: string;
  /** `graphql`: Apollo's GraphQL-over-HTTP; `plain`: a plain-URL handler beside it. */
  readonly kind: 'graphql' | 'plain';
  /** What it serves, for the docs and the route's description. */
  readonly description: string;
}

export const ROUTES = {
  graphql: {
    methods: ['GET', 'POST'],
    path: '/graphql',
    kind: 'graphql',
    description: 'The GraphQL endpoint (GET for persisted and cached queries, POST for the rest).',
  },
  explorerFiles: {
    methods: ['GET'],
    path: '/graphql/explorer/{file}',
    kind: 'plain',
    description:
      "The API explorer's scripts, styles and fonts (services/gateway/explorer.ts); the page is GET /graphql.",
  },
  bulkExport: {
    methods: ['GET'],
    path: '/export/{file}',
    kind: 'plain',
    description:
      'Everything the API lists of a kind, streamed: /export/<proposals|budgets|budget-projects|municipalities|sources>.<ndjson|csv>[.gz] (services/gateway/exportBulk.ts); on AWS CloudFront serves the files the export job wrote to S3 first.',
  },
  budgetExport: {
    methods: ['GET'],
    path: '/export/budgets/{file}',
    kind: 'plain',
    description: 'A budget in Pabulib format: /export/budgets/<id>.pb (README, "Pabulib export").',
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

export interface RouteMatch {
  name: RouteName;
  route: Route;
  /** Path variables, as they appear in the path (still percent-encoded). */
  params: Record<string, string>;
}

const compiled = Object.entries(ROUTES).map(([name, route]) => {
  const names: string[] = [];
  const pattern = route.path
    .split('/')
    .map((segment) => {
      const variable = /^\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}$/.exec(segment);
      if (!variable) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(variable[1]!);
      // `{proxy+}` takes the rest of the path, as in API Gateway.
      return variable[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { name: name as RouteName, route: route as Route, regex: new RegExp(`^${pattern}$`), names };
});

/** The route `method path` falls on, or null; `path` without its query string. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  for (const { name, route, regex, names } of compiled) {
    const m = regex.exec(path);
    if (!m || !(route.methods as readonly string[]).includes(method)) continue;
    return { name, route, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) };
  }
  return null;
}

/** API Gateway route keys (`GET /graphql`, …) of every route, in table order. */
export function routeKeys(): string[] {
  return Object.values(ROUTES as Record<string, Route>).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`));
}
