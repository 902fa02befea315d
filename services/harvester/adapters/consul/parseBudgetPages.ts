/**
 * Parsers for CONSUL's budget HTML (docs/upstreams/consul.md §5.3). They look only for the markers the reference names:
 * links `/budgets/<id or slug>/investments/<id>` on the index, and on the results page rows
 * `id="budget_investment_<id>"` with class `success` for winners and the ballot count cell.
 */

/** Investment ids linked from an investments index page, in page order, without repeats. */
export function investmentIdsFromIndex(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/href="(?:https?:\/\/[^/"]+)?\/budgets\/[^/"?#]+\/investments\/(\d+)(?=["?#])/g))
    ids.add(m[1]!);
  return [...ids];
}

export interface ResultsRow {
  id: string;
  winner: boolean;
  /** `ballot_lines_count`; null when the cell is not found. */
  ballots: number | null;
}

/** The rows of a results page and the heading ids its menu links to. */
export function parseResultsPage(html: string): { rows: ResultsRow[]; headingIds: string[] } {
  const rows: ResultsRow[] = [];
  for (const m of html.matchAll(/<tr\b([^>]*\bid="budget_investment_(\d+)"[^>]*)>([\s\S]*?)<\/tr>/g)) {
    const attrs = m[1]!;
    const cls = /\bclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
    // The ballot count is the centred numeric cell (_results_table.html.erb).
    const ballots = /<td class="text-center">\s*(\d+)\s*<\/td>/.exec(m[3]!)?.[1];
    rows.push({
      id: m[2]!,
      winner: cls.split(/\s+/).includes('success'),
      ballots: ballots === undefined ? null : Number(ballots),
    });
  }
  const headingIds = [...new Set([...html.matchAll(/\/results\?heading_id=(\d+)/g)].map((m) => m[1]!))];
  return { rows, headingIds };
}
