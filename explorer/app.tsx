/**
 * The API explorer: GraphiQL with its query-builder plugin, bundled by scripts/build-explorer.ts and
 * served by the gateway from its own origin (services/gateway/explorer.ts). Nothing is loaded from
 * another host: scripts, styles, fonts and Monaco's web workers all come from the same directory.
 * The repository's example operations (operations/) open as tabs.
 */
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

/** Filled in at build time from operations/*.graphql. */
declare const INSPRAAK_EXAMPLES: { name: string; query: string; variables?: string }[];

// Monaco's workers, bundled beside this file. Module workers: the bundle is ES modules.
const worker = (file: string) => new Worker(new URL(file, import.meta.url), { type: 'module' });
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    worker(label === 'json' ? './json.worker.js' : label === 'graphql' ? './graphql.worker.js' : './editor.worker.js'),
};

// The page is served at the GraphQL endpoint itself, so the endpoint is the page's own URL.
const endpoint = `${window.location.origin}${window.location.pathname}`;
const fetcher = createGraphiQLFetcher({ url: endpoint });
const plugins = [explorerPlugin()];

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={INSPRAAK_EXAMPLES.map(({ query, variables }) => ({ query, variables }))}
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
