/**
 * Trusted documents (persisted operations from a manifest): `INSPRAAK_TRUSTED_DOCUMENTS`.
 *
 * - `off` (default): no manifest is read. The API is open, as decided for public open data: any query
 *   within the limits runs, and automatic persisted queries (APQ) register new hashes as before.
 * - `ids-and-open`: the manifest's documents may also be sent by id alone, so a portal sends a 64-hex
 *   hash instead of its query text (GET URLs stay short and cacheable at the edge); any other query still
 *   runs, and APQ still registers.
 * - `only`: the manifest's documents and nothing else, sent by id or as their exact text; an unknown
 *   id or text is refused (400, PERSISTED_QUERY_NOT_TRUSTED) before it is parsed, and APQ registers
 *   nothing.
 *
 * The manifest is `client/generated/persisted-documents.json`, which graphql-codegen's client preset
 * writes from operations/ (`npm run codegen`): `{ "sha256:<hex of the text>": "<text>" }`. An id is sent as
 * Apollo's persisted-query extension (`extensions.persistedQuery.sha256Hash`), by POST or GET, so
 * existing APQ clients work unchanged: a known id gets its text before Apollo Server's APQ step runs.
 * The manifest is read once, at start (a few kilobytes), and only when the mode is not `off`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, errorAnswer } from '../core/errors';

export const TRUSTED_DOCUMENTS_MODES = ['off', 'ids-and-open', 'only'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

/** The manifest in the repository (bundles carry a copy; INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST says where). */
export const DEFAULT_MANIFEST = join(__dirname, '..', '..', 'client', 'generated', 'persisted-documents.json');

/** `{ "sha256:<hex>": "<text>" }`, as the client preset writes it with hashAlgorithm sha256. */
const manifestSchema = z.record(
  z.string().regex(/^(sha256:)?[0-9a-f]{64}$/, 'expected a sha256 id'),
  z.string().min(1),
);

export interface TrustedDocuments {
  readonly mode: Exclude<TrustedDocumentsMode, 'off'>;
  readonly documents: ReadonlyMap<string, string>;
}

/** Reads and checks the manifest for `mode`; undefined when the mode is `off`. Throws ConfigError on a bad file. */
export function loadTrustedDocuments(
  mode: TrustedDocumentsMode,
  file: string = DEFAULT_MANIFEST,
): TrustedDocuments | undefined {
  if (mode === 'off') return undefined;
  let parsed: z.infer<typeof manifestSchema>;
  try {
    parsed = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new ConfigError(`INSPRAAK_TRUSTED_DOCUMENTS_MANIFEST: ${file} is not a trusted-documents manifest.`, {
      cause: e,
    });
  }
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(parsed)) {
    const id = key.replace(/^sha256:/, '');
    if (sha256(text) !== id)
      throw new ConfigError(`Trusted-documents manifest ${file}: ${key} is not the sha256 of its text.`);
    documents.set(id, text);
  }
  return { mode, documents };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const NOT_TRUSTED =
  'This API runs only its trusted documents (INSPRAAK_TRUSTED_DOCUMENTS=only): send the id of an operation of its manifest as extensions.persistedQuery.sha256Hash.';

/**
 * A request that names a manifest id without text gets the manifest's text. In `only` mode, a request
 * whose text is not in the manifest becomes a lookup of its hash, before anything parses it (so APQ can
 * register nothing but manifest documents), and every lookup that finds nothing is answered 400
 * PERSISTED_QUERY_NOT_TRUSTED instead of APQ's "not found, send the text", which would mislead here.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const id = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
      if (request.query === undefined && id !== undefined) request.query = trusted.documents.get(id);
      if (trusted.mode !== 'only') return;
      if (typeof request.query === 'string') {
        const hash = sha256(request.query);
        if (!trusted.documents.has(hash)) {
          request.extensions = { ...request.extensions, persistedQuery: { version: 1, sha256Hash: hash } };
          request.query = undefined;
        }
      }
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          if (body.singleResult.errors?.[0]?.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND') return;
          const answer = errorAnswer('PERSISTED_QUERY_NOT_TRUSTED', NOT_TRUSTED);
          response.http.status = answer.status;
          body.singleResult.errors = JSON.parse(answer.body).errors;
        },
      };
    },
  };
}
