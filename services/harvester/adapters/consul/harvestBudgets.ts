import type { Budget, BudgetProject } from '../../../core/model';
import type { HarvestContext } from '../../adapter';
import type { ConsulSourceConfig } from './sourceSchema';
import { budgetUnits, type BudgetUnit } from './budgetUnits';
import { crawlConnection } from './crawlConnection';
import { fetchHtml } from './fetchHtml';
import { currencyOf, moneyHidden, normaliseBudget } from './normaliseBudget';
import { baseUrlOf } from './normaliseProposal';
import { normaliseProject } from './normaliseProject';
import { onOwnHost } from './ownHost';
import { type BudgetPage, parseBudgetPage } from './parseBudgetPage';
import { BUDGETS, INVESTMENTS } from './queries';
import { isMissing, readBudgetPages, readResults } from './readBudgetPages';
import {
  budgetNodeSchema,
  investmentNodeSchema,
  rawId,
  type ConsulBudgetNode,
  type ConsulInvestmentNode,
} from './upstreamSchemas';

/** The budget page, or null when the installation does not serve it (404, or 403 with budgets off). */
async function readBudgetPage(ctx: HarvestContext<ConsulSourceConfig>, id: string): Promise<BudgetPage | null> {
  const path = `budgets/${encodeURIComponent(id)}`;
  try {
    return parseBudgetPage(await fetchHtml(ctx, path), `CONSUL /${path}`);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/**
 * Harvests budgets and their investments (2.2.1+ only, docs/upstreams/consul.md §1, §5): published budgets over GraphQL;
 * each budget's page for its headings, amounts, currency and phase days (§5.4), and for finished budgets the
 * results per heading; then all investments in one crawl through any one budget (the field is not scoped,
 * §5.1), placed in their heading from the results and index pages (readBudgetPages). A budget becomes one
 * unified Budget per heading (budgetUnits, docs/data-model.md §3.2). An investment that cannot be placed is
 * reported and not stored (docs/data-model.md §3.7). A budget page that is not one is an UpstreamSchemaError:
 * the source fails and what is stored stays.
 */
export async function harvestBudgets(
  ctx: HarvestContext<ConsulSourceConfig>,
): Promise<{ budgets: Budget[]; projects: BudgetProject[] }> {
  const locale = ctx.source.locales[0];
  const budgetNodes: ConsulBudgetNode[] = [];
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
    if (!budgetNodes.some((b) => b.id === parsed.data.id)) budgetNodes.push(parsed.data);
  }
  const units: BudgetUnit[] = [];
  for (const node of budgetNodes) {
    const page = await readBudgetPage(ctx, node.id);
    const results = node.phase === 'finished' ? await readResults(ctx, node.id) : null;
    units.push(...budgetUnits(node, page, results));
  }
  const budgets = units.map((u) => normaliseBudget(u, ctx));
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

  const pages = await readBudgetPages(ctx, units, new Set(investments.keys()));
  const byUnit = new Map<string, ConsulInvestmentNode[]>();
  for (const inv of investments.values()) {
    const key = pages.unitOf.get(inv.id);
    if (!key) {
      ctx.report({
        kind: 'project',
        upstreamId: inv.id,
        message: 'CONSUL investment could not be attributed to a budget from the public pages',
      });
      continue;
    }
    byUnit.set(key, [...(byUnit.get(key) ?? []), inv]);
  }
  const base = baseUrlOf(ctx.source);
  const projects: BudgetProject[] = [];
  for (const unit of units) {
    const list = (byUnit.get(unit.key) ?? []).sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
    const moneyShown = !moneyHidden(unit.page);
    list.forEach((inv, position) => {
      const image = pages.images.get(inv.id);
      const url = image && onOwnHost(image.url, base);
      try {
        projects.push(
          normaliseProject(
            inv,
            {
              budgetUpstreamId: unit.budgetId,
              unitKey: unit.key,
              budgetPhase: unit.phase,
              moneyShown,
              currency: currencyOf(unit.page, ctx.source.currency),
              image: image && url ? { url, alt: image.alt } : null,
              position,
              result: unit.results ? (unit.results.get(inv.id) ?? 'absent') : null,
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
