/**
 * The harvest's age as a CloudWatch metric, in the embedded metric format: one JSON log line per source,
 * which CloudWatch turns into `Inspraak/HarvestAgeSeconds` (dimensions: none, and SourceId) without an
 * SDK call or IAM permission. The stale-harvest alarm (infra/constructs/HarvestPipeline.ts) reads it.
 */
import { emfLine } from '../core/metrics';
import type { SourceReport } from './harvestSource';

/** The age reported for a source that has never been harvested successfully: ten years. */
export const NEVER_SUCCEEDED_SECONDS = 10 * 365 * 24 * 3600;

/** Seconds since the source's last successful harvest; 0 right after one. */
export function harvestAgeSeconds(report: Pick<SourceReport, 'lastSuccessAt'>, now: Date): number {
  if (!report.lastSuccessAt) return NEVER_SUCCEEDED_SECONDS;
  return Math.max(0, Math.round((now.getTime() - Date.parse(report.lastSuccessAt)) / 1000));
}

/** The EMF line for one source (written as is: EMF lines must be raw JSON). */
export function harvestAgeMetric(report: Pick<SourceReport, 'sourceId' | 'lastSuccessAt'>, now: Date): string {
  return emfLine(
    {
      name: 'HarvestAgeSeconds',
      unit: 'Seconds',
      value: harvestAgeSeconds(report, now),
      dimensions: { SourceId: report.sourceId },
      dimensionSets: [[], ['SourceId']],
      message: 'harvest age',
    },
    now,
  );
}
