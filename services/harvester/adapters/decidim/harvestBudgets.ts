/**
 * Harvests the budgets and projects of one Budgets component (docs/upstreams/decidim.md §5.3): a bad budget is reported
 * and skipped with its projects; a bad project is reported and skipped, its budget kept.
 */
import { z } from 'zod';
import { budgetProjectSchema, budgetSchema, type Budget, type BudgetProject } from '../../../core/model';
import type { HarvestContext } from '../../adapter';
import type { DecidimSourceConfig } from './sourceSchema';
import type { DecidimFeatures } from './detectFeatures';
import type { DecidimSettings } from './decidimSettings';
import { normaliseBudget } from './normaliseBudget';
import { pageComponent } from './pageComponent';
import { budgetsQuery } from './queries';
import type { SpaceRef } from './spaceRef';
import type { TaxonomyIndex } from './taxonomyIndex';
import { budgetNode, projectNode, type ProjectNode } from './upstreamSchemas';

export interface BudgetHarvestInput {
  features: DecidimFeatures;
  settings: DecidimSettings;
  taxonomies: TaxonomyIndex;
  space: SpaceRef;
  componentId: string;
  harvestedProposalIds: ReadonlySet<string>;
}

const idOf = (node: unknown) => {
  const id = (node as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : null;
};
const brief = (e: z.ZodError) => z.prettifyError(e).replace(/\s+/g, ' ').slice(0, 300);

/** The normalised budgets and projects of one component; bad records go to ctx.report. */
export async function harvestBudgets(
  ctx: HarvestContext<DecidimSourceConfig>,
  input: BudgetHarvestInput,
): Promise<{ budgets: Budget[]; projects: BudgetProject[] }> {
  const budgets: Budget[] = [];
  const projects: BudgetProject[] = [];
  await pageComponent(ctx, budgetsQuery(input.features), 'budgets', input.componentId, (edges, stray) => {
    for (const message of stray)
      ctx.report({ kind: 'budget', upstreamId: null, message: `Decidim component ${input.componentId}: ${message}` });
    for (const edge of edges) {
      if (edge.node === null) continue;
      const budgetId = idOf(edge.node);
      // Errors inside one project (path projects.<n>…) cost that project only.
      const projectErrors = new Map<number, string>();
      const budgetErrors: string[] = [];
      for (const e of edge.errors) {
        const n = e.path[0] === 'node' && e.path[1] === 'projects' && typeof e.path[2] === 'number' ? e.path[2] : null;
        if (n === null) budgetErrors.push(`${e.path.join('.')}: ${e.message}`);
        else projectErrors.set(n, e.message);
      }
      if (budgetErrors.length) {
        ctx.report({ kind: 'budget', upstreamId: budgetId, message: budgetErrors.join('; ') });
        continue;
      }
      const parsed = budgetNode.safeParse(edge.node);
      if (!parsed.success) {
        ctx.report({
          kind: 'budget',
          upstreamId: budgetId,
          message: `unexpected budget shape: ${brief(parsed.error)}`,
        });
        continue;
      }
      const good: ProjectNode[] = [];
      parsed.data.projects.forEach((raw, n) => {
        if (raw === null) return; // not readable (0.30+ auth layer)
        const error = projectErrors.get(n);
        const p = error ? null : projectNode.safeParse(raw);
        if (p?.success) good.push(p.data);
        else
          ctx.report({
            kind: 'project',
            upstreamId: idOf(raw),
            message: error ?? `unexpected project shape: ${brief(p!.error!)}`,
          });
      });
      try {
        const result = normaliseBudget(parsed.data, good, {
          source: ctx.source,
          harvestedAt: ctx.harvestedAt,
          settings: input.settings,
          taxonomies: input.taxonomies,
          space: input.space,
          componentId: input.componentId,
          harvestedProposalIds: input.harvestedProposalIds,
        });
        budgets.push(budgetSchema.parse(result.budget));
        for (const project of result.projects) {
          const checked = budgetProjectSchema.safeParse(project);
          if (checked.success) projects.push(checked.data);
          else
            ctx.report({
              kind: 'project',
              upstreamId: project.provenance.upstreamId,
              message: `cannot normalise: ${brief(checked.error)}`,
            });
        }
      } catch (e) {
        ctx.report({
          kind: 'budget',
          upstreamId: budgetId,
          message: `cannot normalise: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`,
        });
      }
    }
  });
  return { budgets, projects };
}
