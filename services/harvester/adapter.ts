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
import type { z } from 'zod';
import type { ItemKind } from '../core/ids';
import type { AnonymousBallots, Budget, BudgetProject, Proposal } from '../core/model';
import type { PlatformKey } from '../core/platforms';
import type { HttpClient } from './http/HttpClient';
import type { SourceConfigBase } from './sourceFields';

export interface RecordIssue {
  kind: ItemKind;
  /** The record's id upstream, where it could be read; null when not even that could be read. */
  upstreamId: string | null;
  message: string;
}

export interface HarvestContext<S extends SourceConfigBase = SourceConfigBase> {
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
  /**
   * Anonymous ballots of budgets whose platform publishes its votes, made with services/harvester/ballots.ts
   * (no voter ids; nothing under the source's minBallotVoters); each budget's `ballots` summarises them.
   */
  ballots?: AnonymousBallots[];
}

/** What harvests one platform's installations: the harvest run needs no more than this. */
export interface PlatformAdapter<S extends SourceConfigBase = SourceConfigBase> {
  /** The platform's key (services/core/platforms.ts), as a sources-file entry names it. */
  readonly platform: S['platform'] & PlatformKey;
  harvest(ctx: HarvestContext<S>): Promise<HarvestResult>;
}

/**
 * A platform's entry in the adapter registry (services/harvester/adapters/index.ts): its adapter and the
 * schema of its sources-file entries. Every adapter folder has the same skeleton
 * (services/harvester/adapters/README.md).
 */
export interface PlatformKit<S extends SourceConfigBase = SourceConfigBase> extends PlatformAdapter<S> {
  /** A sources-file entry of this platform: the common sourceFields and the platform's own. */
  readonly sourceSchema: z.ZodType<S>;
}
