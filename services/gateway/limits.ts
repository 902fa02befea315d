/**
 * Limits on what one request may ask, enforced at the gateway before any subgraph is called:
 * graphql-armor (maintained; depth, aliases, tokens, cost, directives) and our page-size rule.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  visit,
} from 'graphql';
import { catalogued, InspraakGraphQLError } from '../core/errors';
import { MAX_PAGE_SIZE } from '../core/paging';

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: true },
    // `__typename` counts too (armor exempts it by default): 101 aliases of it are 101 fields to answer.
    maxAliases: { n: 15, exposeLimits: true, allowList: [] },
    // Armor's token limit throws from parsingDidStart, which turns every syntax error into a 500;
    // graphql-js's own maxTokens (MAX_TOKENS, passed to Apollo as parseOptions) answers 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 30, exposeLimits: true },
    // Armor's cost limit counts literal `first` only; cost.ts counts variables and defaults too.
    costLimit: { enabled: false },
    // Suggestions ("Did you mean …?") help developers of a public, introspectable API; keep them.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/** Apollo's own parse stops at this many tokens, answering 400 GRAPHQL_PARSE_FAILED (see gateway.ts). */
export const MAX_TOKENS = 3000;

/**
 * The most one request may cost, in objects it could return (cost.ts counts them, variables and
 * defaults included). Why 20,000: a Lambda answer is capped at 6 MB, and an object of our schema
 * serialises to roughly 150–300 bytes (a proposal edge with title, status and municipality ≈ 250), so
 * 20,000 objects stay near or below the cap even for the wordiest fields, while the heaviest honest
 * portal operation in operations/ (test/cost.e2e.test.ts) costs 5,352 (50 budgets with their winners);
 * a municipality page with 50 proposals and 10 budgets costs 1,587, a budget with 100 projects 1,809,
 * a search of 100 with every facet 1,402. GitHub allows 500,000 nodes
 * with first ≤ 100; it does not answer from a Lambda.
 */
export const MAX_COST = 20_000;

/** How often one selection set may name the same field (by response key) before it is refused. */
export const MAX_FIELD_REPEATS = 3;

/**
 * Refuses a selection set that names the same field more than MAX_FIELD_REPEATS times (graphql-cop's
 * "field duplication": 500 copies of `__typename` cost nothing in the cost model yet have to be parsed,
 * validated, merged and planned). Reported once per operation, so the error count stays bounded.
 */
export function fieldRepeatsRule(context: ValidationContext): ASTVisitor {
  let reported = false;
  return {
    SelectionSet(node) {
      if (reported) return;
      const counts = new Map<string, number>();
      for (const sel of node.selections) {
        if (sel.kind !== Kind.FIELD) continue;
        const key = sel.alias?.value ?? sel.name.value;
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        if (n > MAX_FIELD_REPEATS) {
          reported = true;
          context.reportError(
            new GraphQLError(
              `\`${key}\` is selected more than ${MAX_FIELD_REPEATS} times in one selection set; select it once.`,
              { nodes: [sel] },
            ),
          );
          return;
        }
      }
    },
  };
}

/** A page size outside 1..100; reported with BAD_USER_INPUT rather than as a generic validation failure. */
export class PageSizeError extends InspraakGraphQLError {
  constructor(message: string, node: ASTNode) {
    super('BAD_USER_INPUT', message, { nodes: [node] });
  }
}

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
            node,
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
                { extensions: { code: 'BAD_USER_INPUT', http: { status: catalogued('BAD_USER_INPUT').status } } },
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
