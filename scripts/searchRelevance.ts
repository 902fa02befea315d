/**
 * Relevance measures for the search benchmark: precision@10 and nDCG@10 over a judged query set.
 * A judgment grades items 0 (not relevant) to 3 (exactly what was asked for); items not graded are 0.
 */

export type Category = 'one word' | 'multi-word' | 'typo' | 'compound' | 'English';

export interface Judged {
  query: string;
  category: Category;
  /** Grade of an item by id (missing: 0). */
  grade: (id: string) => number;
  /** Every grade above 0 in the corpus, for the ideal ranking. */
  grades: number[];
}

export interface QueryScore {
  query: string;
  category: Category;
  precision: number;
  ndcg: number;
}

const K = 10;
const gain = (g: number) => 2 ** g - 1;
const dcg = (grades: readonly number[]) => grades.slice(0, K).reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);

/**
 * precision@10 (relevant among the first 10, over min(10, relevant items in the corpus), so that a query
 * with 4 relevant items can score 1) and nDCG@10 (gain 2^grade − 1, log2 discount) of one ranking.
 */
export function score(judged: Judged, ranking: readonly string[]): QueryScore {
  const top = ranking.slice(0, K).map(judged.grade);
  const relevant = judged.grades.length;
  const ideal = dcg([...judged.grades].sort((a, b) => b - a));
  return {
    query: judged.query,
    category: judged.category,
    precision: relevant === 0 ? 1 : top.filter((g) => g > 0).length / Math.min(K, relevant),
    ndcg: ideal === 0 ? 1 : dcg(top) / ideal,
  };
}

/** Means over all queries and per category. */
export function summarise(scores: readonly QueryScore[]) {
  const mean = (xs: readonly QueryScore[], f: (s: QueryScore) => number) =>
    xs.length === 0 ? 0 : xs.reduce((s, x) => s + f(x), 0) / xs.length;
  const categories = [...new Set(scores.map((s) => s.category))];
  return {
    precision: mean(scores, (s) => s.precision),
    ndcg: mean(scores, (s) => s.ndcg),
    byCategory: Object.fromEntries(
      categories.map((c) => {
        const xs = scores.filter((s) => s.category === c);
        return [c, { queries: xs.length, precision: mean(xs, (s) => s.precision), ndcg: mean(xs, (s) => s.ndcg) }];
      }),
    ),
  };
}
