/**
 * Limits on what one request may ask, enforced at the gateway before any subgraph is called:
 * graphql-armor (maintained; depth, aliases, tokens, cost, directives) and our page-size rule.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, Kind, visit, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { MAX_PAGE_SIZE } from '../core/paging';

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: true },
    maxAliases: { n: 15, exposeLimits: true },
    // Armor's token limit throws from parsingDidStart, which turns every syntax error into a 500;
    // graphql-js's own maxTokens (MAX_TOKENS, passed to Apollo as parseOptions) answers 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 30, exposeLimits: true },
    // Cost is checked by costRule below, so that a bad page size is reported as such, not as cost.
    costLimit: { enabled: false },
    // Suggestions ("Did you mean …?") help developers of a public, introspectable API; keep them.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Apollo's own parse stops at this many tokens, answering 400 GRAPHQL_PARSE_FAILED (see gateway.ts). */
export const MAX_TOKENS = 3000;

const cost = costLimitRule({
  maxCost: 8000,
  exposeLimits: true,
  // Report to the validation context (a 400), as ApolloArmor does for its own rules, instead of throwing.
  propagateOnRejection: false,
  onReject: [(ctx, error) => ctx?.reportError(error)],
});

/**
 * graphql-armor's cost limit (which weighs `first`), skipped when a page size is already out of range:
 * pageSizeRule then says what is wrong, instead of a cost figure the client cannot act on.
 */
export function costRule(context: ValidationContext): ASTVisitor {
  let badPageSize = false;
  visit(context.getDocument(), {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.INT) {
        const n = Number(node.value.value);
        if (n < 1 || n > MAX_PAGE_SIZE) badPageSize = true;
      }
    },
  });
  return badPageSize ? {} : cost(context);
}

/** A page size outside 1..100; reported with BAD_USER_INPUT rather than as a generic validation failure. */
export class PageSizeError extends GraphQLError {}

/** The page-size rule as a validation rule, for `first` written in the query: it reports before cost. */
export function pageSizeRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node) {
      if (node.name.value !== 'first' || node.value.kind !== Kind.INT) return;
      const first = Number(node.value.value);
      if (first < 1 || first > MAX_PAGE_SIZE) {
        context.reportError(
          new PageSizeError(
            `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${first}. Page through longer lists with \`after\`.`,
            { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } },
          ),
        );
      }
    },
  };
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
