/**
 * Greedy selection by votes within a budget, as Amsterdam's Buurtbudgetten and most city PBs decide
 * (Pabulib rule `greedy`; with `threshold`, Pabulib's `greedy-threshold`, as Łódź does with
 * `min_project_score_threshold`). Projects are taken in order of votes, most first; one that no longer
 * fits is skipped and cheaper ones after it may still win. Ties keep the given order, as Pabulib's own
 * checker does (it walks the PROJECTS section, which lists projects by score).
 */
export interface ScoredProject {
  id: string;
  /** Cost in the budget's unit (whole units or cents, as long as `budget` uses the same). */
  cost: number;
  votes: number;
}

export function greedyByVotes(projects: readonly ScoredProject[], budget: number, threshold = 0): string[] {
  const ordered = projects.map((p, i) => ({ p, i })).sort((a, b) => b.p.votes - a.p.votes || a.i - b.i);
  const selected: string[] = [];
  let left = budget;
  for (const { p } of ordered) {
    if (p.votes < threshold) continue;
    if (p.cost <= left) {
      selected.push(p.id);
      left -= p.cost;
    }
  }
  return selected;
}

/**
 * Greedy without skipping (Pabulib `greedy-no-skip`): projects in order of votes while they fit; the
 * first that does not fit ends the selection.
 */
export function greedyNoSkip(projects: readonly ScoredProject[], budget: number): string[] {
  const ordered = projects.map((p, i) => ({ p, i })).sort((a, b) => b.p.votes - a.p.votes || a.i - b.i);
  const selected: string[] = [];
  let left = budget;
  for (const { p } of ordered) {
    if (p.cost > left) break;
    selected.push(p.id);
    left -= p.cost;
  }
  return selected;
}
