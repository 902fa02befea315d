/** Harvests many sources, a few at a time; each source's failure stays its own. */
import { log } from '../core/log';
import type { SourceConfig } from './config';
import { emptyReport, harvestSource, type HarvestDeps, type SourceReport } from './harvestSource';
import { retireAbsentSources } from './retireSource';

export interface HarvestAllOptions {
  /** Sources harvested at once (each is still limited to 2 requests in flight). Default 4. */
  concurrency?: number;
  /**
   * `sources` is the whole sources file: first retire every registered source it no longer names
   * (services/harvester/retireSource.ts). Leave unset when harvesting a selection of the file.
   */
  retireAbsent?: boolean;
  onStart?(source: SourceConfig): void;
  onDone?(report: SourceReport): void;
}

export async function harvestAll(
  deps: HarvestDeps,
  sources: readonly SourceConfig[],
  options: HarvestAllOptions = {},
): Promise<SourceReport[]> {
  const retired = options.retireAbsent ? await retireAbsentSources(deps, sources) : [];
  for (const r of retired) options.onDone?.(r);
  const reports: SourceReport[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      const source = sources[i]!;
      options.onStart?.(source);
      let report: SourceReport;
      try {
        report = await harvestSource(deps, source);
      } catch (e) {
        // Not the installation's fault (the table, a bug): still only this source fails.
        log.error('harvest failed', { source: source.id, error: e instanceof Error ? e.stack : String(e) });
        report = emptyReport(source.id, 'FAILING', `internal error: ${e instanceof Error ? e.message : String(e)}`);
      }
      reports[i] = report;
      options.onDone?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, sources.length) }, worker));
  return [...retired, ...reports];
}

/** One line per source for people: state, what changed, how long it took. */
export function formatReport(r: SourceReport): string {
  const changes = `${r.written} written, ${r.unchanged} unchanged, ${r.tombstoned} removed, ${r.issues.length} skipped`;
  const counts = `${r.counts.proposals} proposals, ${r.counts.budgets} budgets, ${r.counts.budgetProjects} projects`;
  return `${r.sourceId.padEnd(27)} ${r.state.padEnd(8)} ${changes}; holds ${counts} (${(r.durationMs / 1000).toFixed(1)} s)${r.error ? `\n${' '.repeat(28)}${r.error}` : ''}`;
}
