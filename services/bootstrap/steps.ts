/**
 * What a deployment does to the table before anything reads it: one step per idempotent data task, in
 * order. Today that is the municipality registry; a later data migration is a new step here. Each step
 * has a content version: the CDK custom resource (infra/constructs/TableBootstrap.ts) carries their
 * combined hash, so CloudFormation runs the bootstrap again exactly when one of them changes.
 */
import { createHash } from 'node:crypto';
import type { TableAccess } from '../core/dynamo/loader';
import { ensureRegistry, registryVersion } from '../core/registry';

export interface BootstrapStep {
  readonly name: string;
  /** Changes whenever what the step writes changes (a content hash). */
  version(): string;
  /** Brings the table to this version; safe to run again (it must be idempotent). */
  run(db: TableAccess): Promise<Record<string, number | string>>;
}

export const BOOTSTRAP_STEPS: readonly BootstrapStep[] = [
  {
    name: 'registry',
    version: () => registryVersion(),
    run: async (db) => ensureRegistry(db.doc, db.table),
  },
];

/** The combined version of every step: the custom resource's `Version` property. */
export function bootstrapVersion(steps: readonly BootstrapStep[] = BOOTSTRAP_STEPS): string {
  const hash = createHash('sha256');
  for (const step of steps) hash.update(`${step.name}=${step.version()}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Runs every step in order; returns what each did (e.g. `{ registry: { written: 342 } }`). */
export async function runBootstrap(
  db: TableAccess,
  steps: readonly BootstrapStep[] = BOOTSTRAP_STEPS,
): Promise<Record<string, Record<string, number | string>>> {
  const done: Record<string, Record<string, number | string>> = {};
  for (const step of steps) done[step.name] = await step.run(db);
  return done;
}
