/**
 * `GET /export/budgets/<id>.pb`: a budget in Pabulib's format at a plain URL, for researchers' tools.
 * It asks the gateway itself for `budget(id) { pabulib }`, so the same limits and data apply.
 */
import type { ApolloServer } from '@apollo/server';
import { type ErrorCode, publicError } from '../core/errors';

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, bytes (e.g. a gzipped file), or a stream of chunks that the server writes as they come. */
  body: string | Buffer | AsyncIterable<string | Buffer>;
}

export async function exportBudget(apollo: ApolloServer, encodedId: string): Promise<PlainResponse> {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return plainError('BAD_USER_INPUT', 'The budget id in the URL is not valid percent-encoding.');
  }
  const out = await budgetPabulib(apollo, id);
  if ('pabulib' in out) {
    return {
      status: 200,
      headers: {
        'content-type': PB_CONTENT_TYPE,
        'content-disposition': `attachment; filename="${pbFileName(id)}"`,
        'cache-control': 'public, max-age=300',
      },
      body: out.pabulib,
    };
  }
  return plainError(out.code, out.message);
}

export const PB_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** The download name of a budget's `.pb` file: its id with anything but letters, digits, `_` and `-` as `_`. */
export const pbFileName = (id: string) => `${id.replace(/[^a-zA-Z0-9_-]+/g, '_')}.pb`;

/**
 * A budget's `.pb` text, asked of the gateway itself (`budget(id) { pabulib }`), or the error the gateway
 * gave (already formatted by formatGatewayError: its code and message are public).
 */
export async function budgetPabulib(
  apollo: ApolloServer,
  id: string,
): Promise<{ pabulib: string } | { code: ErrorCode | undefined; message: string | undefined }> {
  const result = await apollo.executeOperation({
    query: 'query Export($id: ID!) { budget(id: $id) { pabulib } }',
    variables: { id },
  });
  if (result.body.kind !== 'single') return { code: 'INTERNAL_SERVER_ERROR', message: undefined };
  const { data, errors } = result.body.singleResult as {
    data?: { budget?: { pabulib: string } | null };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (data?.budget) return { pabulib: data.budget.pabulib };
  const error = errors?.[0];
  return { code: error?.extensions?.code as ErrorCode | undefined, message: error?.message };
}

/** A plain-text error answer: the catalogue's status and public message for `code` (services/core/errors.ts). */
export function plainError(code: ErrorCode | undefined, message?: string): PlainResponse {
  const shown = publicError(code, message);
  return plainText(shown.status, shown.message);
}

/** A plain-text answer (errors of the plain-URL routes). */
export const plainText = (status: number, body: string): PlainResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: `${body}\n`,
});
