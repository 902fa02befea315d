/**
 * Limits on what one request may ask, enforced at the gateway before any subgraph is called:
 * graphql-armor (maintained; depth, aliases, tokens, cost, directives) and our page-size rule.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { MAX_PAGE_SIZE } from '../core/paging';

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: true },
    maxAliases: { n: 15, exposeLimits: true },
    maxTokens: { n: 3000, exposeLimits: true },
    maxDirectives: { n: 30, exposeLimits: true },
    costLimit: { maxCost: 8000, exposeLimits: true },
    // Suggestions ("Did you mean …?") help developers of a public, introspectable API; keep them.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * Rejects, with HTTP 400 and BAD_USER_INPUT, any `first` argument outside 1..100, whether written in
 * the query or passed as a variable. Subgraphs check it too; checking here keeps a bad page size from
 * costing any subgraph call, and gives the status the GraphQL-over-HTTP spec asks for a bad request.
 */
export function pageSizePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          for (const first of firstArguments(document, request.variables ?? {})) {
            if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
              throw new GraphQLError(
                `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${String(first)}. Page through longer lists with \`after\`.`,
                { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
              );
            }
          }
        },
      };
    },
  };
}

function firstArguments(document: DocumentNode, variables: Record<string, unknown>): unknown[] {
  const values: unknown[] = [];
  const defaults = new Map<string, unknown>();
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue?.kind === Kind.INT) defaults.set(node.variable.name.value, Number(node.defaultValue.value));
    },
  });
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first') return;
      if (node.value.kind === Kind.INT) values.push(Number(node.value.value));
      else if (node.value.kind === Kind.VARIABLE) {
        const v = variables[node.value.name.value] ?? defaults.get(node.value.name.value);
        if (v !== undefined && v !== null) values.push(v);
      }
    },
  });
  return values;
}
