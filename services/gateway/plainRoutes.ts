/**
 * The handlers of the plain-URL routes (`kind: 'plain'` in routes.ts), shared by the local server and
 * the Lambda handler. A route in the table without a handler here is a type error.
 */
import type { ApolloServer } from '@apollo/server';
import { exportBudget, plainText, type PlainResponse } from './exportBudget';
import { ROUTES, type RouteMatch } from './routes';

type PlainRouteName = {
  [K in keyof typeof ROUTES]: (typeof ROUTES)[K]['kind'] extends 'plain' ? K : never;
}[keyof typeof ROUTES];

export type PlainHandler = (apollo: ApolloServer, params: Record<string, string>) => Promise<PlainResponse>;

export const PLAIN_HANDLERS: Record<PlainRouteName, PlainHandler> = {
  budgetExport: async (apollo, { file }) => {
    const id = /^(.+)\.pb$/.exec(file ?? '')?.[1];
    if (!id) return plainText(404, 'Budgets are exported at /export/budgets/<id>.pb.');
    return exportBudget(apollo, id);
  },
};

/** Answers a matched plain route. */
export function answerPlain(apollo: ApolloServer, match: RouteMatch): Promise<PlainResponse> {
  return PLAIN_HANDLERS[match.name as PlainRouteName](apollo, match.params);
}
