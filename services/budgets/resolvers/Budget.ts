import { pageRequest, toConnection } from '../../core/paging';
import { municipalityRef } from '../../core/refs';
import { loadMunicipalities } from '../../core/registry';
import type { Budget as BudgetModel } from '../../core/model';
import type { BudgetsContext } from '../context';
import { budgetTextIn } from '../inLocale';
import type { BudgetResolvers } from '../generated/resolvers';
import { budgetOutcome, needsBallots } from '../outcome/budgetOutcome';
import { budgetToPabulib } from '../pabulib/fromBudget';
import { writePabulib } from '../../core/pabulib/write';

const municipalityNames = new Map(loadMunicipalities().map((m) => [m.code, m.name]));

/**
 * A budget's projects, ballots and outcome, worked out once per budget object: `outcome`,
 * `outcomeUnavailable` and `pabulib` in one request share it (budget objects live for one request).
 */
const computed = new WeakMap<BudgetModel, ReturnType<typeof compute>>();
async function compute(b: BudgetModel, { stores }: BudgetsContext) {
  const projects = await stores.projects.allOfBudget(b.id);
  const ballots = b.ballots && needsBallots(b, projects) ? await stores.ballots.ofBudget(b.id) : null;
  return { projects, ballots, result: budgetOutcome(b, projects, ballots) };
}
const outcomeOf = (b: BudgetModel, ctx: BudgetsContext) => {
  const known = computed.get(b);
  if (known) return known;
  const c = compute(b, ctx);
  computed.set(b, c);
  return c;
};

export const Budget: BudgetResolvers = {
  __resolveReference: (ref, { stores }) => stores.budgets.byId.load(ref.id),
  municipality: (b) => municipalityRef(b.municipalityCode),
  title: (b, { locale }) => budgetTextIn(b, b.locale, locale).title,
  description: (b, { locale }) => budgetTextIn(b, b.locale, locale).description,
  textLocale: (b, { locale }) => budgetTextIn(b, b.locale, locale).locale,
  languages: (b) => (b.translations?.length ? b.translations.map((t) => t.locale) : [b.locale]),
  ballotCount: (b) => b.ballots?.count ?? null,
  outcomeRule: (b) => b.outcomeRule,
  outcome: async (b, _, ctx) => (await outcomeOf(b, ctx)).result.outcome,
  outcomeUnavailable: async (b, _, ctx) => (await outcomeOf(b, ctx)).result.unavailable,
  pabulib: async (b, _, ctx) => {
    const { projects, result, ballots: loaded } = await outcomeOf(b, ctx);
    const ballots = loaded ?? (b.ballots ? await ctx.stores.ballots.ofBudget(b.id) : null);
    return writePabulib(
      budgetToPabulib({
        budget: b,
        projects,
        municipalityName: municipalityNames.get(b.municipalityCode) ?? b.municipalityCode,
        result,
        ballots,
      }),
    );
  },
  projects: async (b, { orderBy, first, after }, { stores }) =>
    toConnection(await stores.projects.ofBudget(b.id, orderBy ?? 'PLATFORM', pageRequest(first, after))),
};
