/**
 * The one interface every platform adapter implements. An adapter reads one installation's public API
 * through the polite HttpClient it is given, validates every payload (zod), normalises each record into
 * the unified model, and returns the complete crawl.
 *
 * - A record that fails validation or normalisation is reported with `ctx.report` and skipped; the crawl
 *   goes on. Report the record's upstream id where it can be read, so that the harvester keeps (and does
 *   not tombstone) what it already holds for that record.
 * - A failure of the source as a whole (unreachable, HTTP errors after retries, an envelope of the wrong
 *   shape, a pagination loop, a response over the byte cap) is thrown, as one of services/harvester/errors.ts
 *   or from the HttpClient. The harvester then writes nothing for this source and tombstones nothing.
 */
import type { ItemKind } from '../core/ids';
import type { Budget, BudgetProject, Proposal } from '../core/model';
import type { SourceConfig } from './config';
import type { HttpClient } from './http/HttpClient';

export interface RecordIssue {
  kind: ItemKind;
  /** The record's id upstream, where it could be read; null when not even that could be read. */
  upstreamId: string | null;
  message: string;
}

export interface HarvestContext<S extends SourceConfig = SourceConfig> {
  source: S;
  http: HttpClient;
  /** The instant of this harvest run, UTC ISO with milliseconds; use it as provenance.harvestedAt. */
  harvestedAt: string;
  report(issue: RecordIssue): void;
}

export interface HarvestResult {
  /** The platform version or API generation detected, e.g. `2.4.1`, `0.27`, `headless`. */
  platformVersion: string | null;
  proposals: Proposal[];
  budgets: Budget[];
  projects: BudgetProject[];
}

export interface PlatformAdapter<S extends SourceConfig = SourceConfig> {
  readonly platform: S['platform'];
  harvest(ctx: HarvestContext<S>): Promise<HarvestResult>;
}
