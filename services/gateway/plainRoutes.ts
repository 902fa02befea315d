/**
 * The handlers of the plain-URL routes (`kind: 'plain'` in routes.ts), shared by the local server and
 * the Lambda handler. A route in the table without a handler here is a type error.
 */
import type { ApolloServer } from '@apollo/server';
import { exportBudget, plainError, type PlainResponse } from './exportBudget';
import { explorerFile } from './explorer';
import { exportBulk } from './exportBulk';
import { ROUTES, type RouteMatch } from './routes';

type PlainRouteName = {
  [K in keyof typeof ROUTES]: (typeof ROUTES)[K]['kind'] extends 'plain' ? K : never;
}[keyof typeof ROUTES];

/** What a plain handler may read of the request beside its path. */
export interface PlainRequest {
  /** Request headers, names in lower case. */
  headers: Record<string, string | undefined>;
  /** The query string, with or without its `?`. */
  search: string;
}

/** What plain handlers are built with, once per process. */
export interface PlainDeps {
  apollo: ApolloServer;
  /** Where the built explorer is (INSPRAAK_EXPLORER_DIR; default dist/explorer). */
  explorerDir?: string;
}

export type PlainHandler = (
  deps: PlainDeps,
  params: Record<string, string>,
  request: PlainRequest,
) => Promise<PlainResponse>;

export const PLAIN_HANDLERS: Record<PlainRouteName, PlainHandler> = {
  explorerFiles: async ({ explorerDir }, { file }, { headers }) =>
    explorerFile(file ?? '', headers['accept-encoding'], explorerDir),
  bulkExport: async ({ apollo }, { file }) => exportBulk(apollo, file ?? ''),
  budgetExport: async ({ apollo }, { file }) => {
    const id = /^(.+)\.pb$/.exec(file ?? '')?.[1];
    if (!id) return plainError('NOT_FOUND', 'Budgets are exported at /export/budgets/<id>.pb.');
    return exportBudget(apollo, id);
  },
};

/** Answers a matched plain route. */
export function answerPlain(deps: PlainDeps, match: RouteMatch, request: PlainRequest): Promise<PlainResponse> {
  return PLAIN_HANDLERS[match.name as PlainRouteName](deps, match.params, request);
}
