/**
 * The API explorer at GET /graphql for browsers: a small HTML page and the GraphiQL bundle that
 * scripts/build-explorer.ts writes to dist/explorer/, all from the gateway's own origin. The page's
 * Content-Security-Policy allows nothing from another host, so it keeps working offline and behind a
 * strict proxy. Requests that are not from a browser (no `text/html` in Accept) go on to GraphQL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { plainError, type PlainResponse } from './exportBudget';

/** Where scripts/build-explorer.ts writes the explorer; bundles carry it elsewhere (INSPRAAK_EXPLORER_DIR). */
export const EXPLORER_DIR = join(__dirname, '..', '..', 'dist', 'explorer');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco sets styles on elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const FILE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inspraak API explorer</title>
<link rel="stylesheet" href="/graphql/explorer/explorer.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer"></div>
<noscript>The explorer needs JavaScript. The API itself answers POST /graphql with any GraphQL client.</noscript>
<script type="module" src="/graphql/explorer/explorer.js"></script>
</body>
</html>
`;

/** Whether a request is a browser asking for a page rather than a GraphQL client (a GET with `?query=`). */
export function wantsExplorer(method: string, path: string, search: string, accept: string | undefined): boolean {
  return (
    method === 'GET' &&
    (path === '/graphql' || path === '/') &&
    !!accept?.includes('text/html') &&
    !/(^|[?&])query=/.test(search)
  );
}

/** The explorer's page (GET /graphql for browsers; see `wantsExplorer`). */
export function explorerPage(dir: string = EXPLORER_DIR): PlainResponse {
  if (!existsSync(join(dir, 'explorer.js'))) {
    return plainError(
      'EXPLORER_NOT_BUILT',
      'The API explorer is not built: run `npm run build:explorer`. POST /graphql works without it.',
    );
  }
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
    body: page,
  };
}

/**
 * One of the explorer's files (GET /graphql/explorer/<file>), gzipped when the client accepts it: the
 * build writes a `.gz` beside each file (explorer.js is ~5 MB, ~1.3 MB gzipped, which also keeps it
 * under API Gateway's 6 MB response limit).
 */
export function explorerFile(
  name: string,
  acceptEncoding: string | undefined,
  dir: string = EXPLORER_DIR,
): PlainResponse {
  const type = TYPES[extname(name)];
  const file = join(dir, name);
  if (!FILE_NAME.test(name) || !type || !existsSync(file))
    return plainError('NOT_FOUND', `No explorer file ${name.slice(0, 80)}.`);
  const gzip = /\bgzip\b/.test(acceptEncoding ?? '') && existsSync(`${file}.gz`);
  return {
    status: 200,
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300',
      vary: 'accept-encoding',
      ...(gzip && { 'content-encoding': 'gzip' }),
    },
    body: readFileSync(gzip ? `${file}.gz` : file),
  };
}
