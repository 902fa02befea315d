/**
 * The Method of Equal Shares (Peters & Skowron; equalshares.net), for approval ballots: the budget is
 * split equally among the voters; a project is funded when its supporters can pay for it, and each
 * round funds the project whose supporters pay the least per unit of utility ("effective vote count"
 * highest). Ties go to the cheaper project, then the one with more utility, then the earlier one.
 *
 * `equalSharesAdd1` adds the completion Assen used (Pabulib rule `equalshares/add1`): raise every
 * voter's share by one unit at a time while the outcome still fits the real budget, and keep the last
 * outcome that fits.
 */
export interface ApprovalElection {
  projects: readonly { id: string; cost: number }[];
  /** One entry per voter: the ids of the projects the voter approved. Voters are anonymous. */
  ballots: readonly (readonly string[])[];
  budget: number;
}

/** How much a voter gains from a funded project: 1 per project, or its cost (equalshares.net's default). */
export type Utility = 'approval' | 'cost';

export function equalShares(
  e: ApprovalElection,
  utility: Utility = 'cost',
  perVoter = e.budget / e.ballots.length,
): string[] {
  const n = e.ballots.length;
  const money = new Float64Array(n).fill(perVoter);
  const cost = new Map(e.projects.map((p) => [p.id, p.cost]));
  const order = new Map(e.projects.map((p, i) => [p.id, i]));
  const supporters = new Map<string, number[]>(e.projects.map((p) => [p.id, []]));
  e.ballots.forEach((ballot, voter) => {
    for (const id of new Set(ballot)) supporters.get(id)?.push(voter);
  });
  const u = (id: string) => (utility === 'cost' ? cost.get(id)! : 1);
  // remaining project → its effective vote count in the previous round (an upper bound for this one)
  const remaining = new Map<string, number>();
  for (const p of e.projects) {
    const s = supporters.get(p.id)!;
    if (p.cost > 0 && s.length > 0) remaining.set(p.id, s.length * u(p.id));
  }
  const winners: string[] = [];
  for (;;) {
    let best: string[] = [];
    let bestEvc = 0;
    const candidates = [...remaining.keys()].sort((a, b) => remaining.get(b)! - remaining.get(a)!);
    for (const id of candidates) {
      if (remaining.get(id)! < bestEvc) break;
      const c = cost.get(id)!;
      const s = supporters.get(id)!;
      if (s.reduce((sum, v) => sum + money[v]!, 0) < c) {
        remaining.delete(id);
        continue;
      }
      // Supporters sorted by how long their money lasts; the poorer pay all they have.
      const sorted = [...s].sort((a, b) => money[a]! - money[b]!);
      let paid = 0;
      let denominator = sorted.length * u(id);
      for (const v of sorted) {
        const maxPayment = (c - paid) / denominator;
        if (maxPayment * u(id) > money[v]!) {
          paid += money[v]!;
          denominator -= u(id);
          continue;
        }
        const evc = c / maxPayment;
        remaining.set(id, evc);
        if (evc > bestEvc) {
          bestEvc = evc;
          best = [id];
        } else if (evc === bestEvc) {
          best.push(id);
        }
        break;
      }
    }
    if (best.length === 0) break;
    const chosen = best.sort(
      (a, b) =>
        cost.get(a)! - cost.get(b)! ||
        supporters.get(b)!.length * u(b) - supporters.get(a)!.length * u(a) ||
        order.get(a)! - order.get(b)!,
    )[0]!;
    winners.push(chosen);
    remaining.delete(chosen);
    const maxPayment = cost.get(chosen)! / bestEvc;
    for (const v of supporters.get(chosen)!) money[v] = money[v]! - Math.min(maxPayment * u(chosen), money[v]!);
  }
  return winners;
}

/**
 * Equal Shares with the Add1 completion, as Pabulib's checker computes `equalshares/add1`: start from
 * Equal Shares on the real budget; then give every voter ⌊budget / n⌋ + 1, + 2, … units and keep the last
 * outcome whose cost still fits the real budget. `maxSteps` bounds the search.
 */
export function equalSharesAdd1(e: ApprovalElection, utility: Utility = 'cost', maxSteps = 1_000_000): string[] {
  const n = e.ballots.length;
  if (n === 0) return [];
  const costOf = new Map(e.projects.map((p) => [p.id, p.cost]));
  const total = (ids: string[]) => ids.reduce((s, id) => s + costOf.get(id)!, 0);
  let outcome = equalShares(e, utility);
  let share = Math.floor(e.budget / n);
  for (let step = 0; step < maxSteps && outcome.length < e.projects.length; step++) {
    const next = equalShares(e, utility, share + 1);
    if (total(next) > e.budget) break;
    share += 1;
    outcome = next;
  }
  return outcome;
}
