import type { Budget, BudgetProject } from '../../../core/model';
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { crawlConnection } from './crawlConnection';
import { normaliseBudget } from './normaliseBudget';
import { normaliseProject } from './normaliseProject';
import { BUDGETS, INVESTMENTS } from './queries';
import { readBudgetPages } from './readBudgetPages';
import {
  budgetNodeSchema,
  investmentNodeSchema,
  rawId,
  type ConsulBudgetNode,
  type ConsulInvestmentNode,
} from './upstreamSchemas';

/**
 * Harvests budgets and their investments (2.2.1+ only, docs/upstreams/consul.md §1, §5): published budgets over GraphQL,
 * then all investments in one crawl through any one budget (the field is not scoped, docs/upstreams/consul.md §5.1), then
 * the HTML pages that say which budget each investment belongs to and which won (readBudgetPages). An
 * investment that cannot be placed in a budget is reported and not stored (docs/data-model.md §3.7).
 */
export async function harvestBudgets(
  ctx: HarvestContext<ConsulSourceConfig>,
): Promise<{ budgets: Budget[]; projects: BudgetProject[] }> {
  const locale = ctx.source.locales[0];
  const budgetNodes: ConsulBudgetNode[] = [];
  const budgets: Budget[] = [];
  for (const node of await crawlConnection(ctx, { query: BUDGETS, locale, pick: (d) => d.budgets, where: 'budgets' })) {
    const parsed = budgetNodeSchema.safeParse(node);
    if (!parsed.success) {
      ctx.report({
        kind: 'budget',
        upstreamId: rawId(node),
        message: `CONSUL budget does not validate: ${parsed.error.issues[0]?.message ?? ''}`,
      });
      continue;
    }
    if (budgetNodes.some((b) => b.id === parsed.data.id)) continue;
    budgetNodes.push(parsed.data);
    budgets.push(normaliseBudget(parsed.data, ctx));
  }
  const anyBudget = budgetNodes[0];
  if (!anyBudget) return { budgets, projects: [] };

  const investments = new Map<string, ConsulInvestmentNode>();
  const nodes = await crawlConnection(ctx, {
    query: INVESTMENTS,
    variables: { budgetId: anyBudget.id },
    locale,
    pick: (d) => (d.budget as { investments?: unknown } | null)?.investments,
    where: 'budget investments',
  });
  for (const node of nodes) {
    const parsed = investmentNodeSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.report({
        kind: 'project',
        upstreamId: rawId(node),
        message: `CONSUL investment does not validate: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
      });
      continue;
    }
    if (!investments.has(parsed.data.id)) investments.set(parsed.data.id, parsed.data);
  }

  const pages = await readBudgetPages(ctx, budgetNodes, new Set(investments.keys()));
  const byBudget = new Map<string, ConsulInvestmentNode[]>();
  for (const inv of investments.values()) {
    const budgetId = pages.budgetOf.get(inv.id);
    if (!budgetId) {
      ctx.report({
        kind: 'project',
        upstreamId: inv.id,
        message: 'CONSUL investment could not be attributed to a budget from the public pages',
      });
      continue;
    }
    byBudget.set(budgetId, [...(byBudget.get(budgetId) ?? []), inv]);
  }
  const projects: BudgetProject[] = [];
  for (const budget of budgetNodes) {
    const list = (byBudget.get(budget.id) ?? []).sort(
      (a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id),
    );
    const rows = pages.results.get(budget.id);
    list.forEach((inv, position) => {
      try {
        projects.push(
          normaliseProject(
            inv,
            {
              budgetUpstreamId: budget.id,
              budgetPhase: budget.phase,
              position,
              result: rows ? (rows.get(inv.id) ?? 'absent') : null,
            },
            ctx,
          ),
        );
      } catch (e) {
        ctx.report({
          kind: 'project',
          upstreamId: inv.id,
          message: `CONSUL investment cannot be normalised: ${(e as Error).message}`,
        });
      }
    });
  }
  return { budgets, projects };
}
