/**
 * The sandbox's example data (dev/fixtures/sandbox.json): invented, already-normalised records that
 * stand in for harvested ones until the harvesters land. Validated against the unified model on load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { batchPut } from '../services/core/dynamo/batchWrite';
import { budgetItem, projectItem, proposalItem, sourceItem } from '../services/core/dynamo/items';
import type { TableAccess } from '../services/core/dynamo/loader';
import { budgetProjectSchema, budgetSchema, proposalSchema, sourceSchema } from '../services/core/model';
import { provinceIndex } from '../services/core/registry';

export const fixtureSchema = z.object({
  note: z.string(),
  sources: z.array(sourceSchema),
  proposals: z.array(proposalSchema),
  budgets: z.array(budgetSchema),
  budgetProjects: z.array(budgetProjectSchema),
});
export type Fixture = z.infer<typeof fixtureSchema>;

export function readFixture(path = join(__dirname, 'fixtures', 'sandbox.json')): Fixture {
  return fixtureSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Writes the fixture's records into the table. */
export async function loadFixture(db: TableAccess, fixture: Fixture = readFixture()): Promise<Record<string, number>> {
  const provinces = provinceIndex();
  const provinceOf = (code: string) => {
    const p = provinces.get(code);
    if (!p) throw new Error(`The fixture names municipality ${code}, which is not in the registry.`);
    return p;
  };
  await batchPut(db.doc, db.table, [
    ...fixture.sources.map(sourceItem),
    ...fixture.proposals.map((p) => proposalItem(p, provinceOf(p.municipalityCode))),
    ...fixture.budgets.map(budgetItem),
    ...fixture.budgetProjects.map(projectItem),
  ]);
  return {
    sources: fixture.sources.length,
    proposals: fixture.proposals.length,
    budgets: fixture.budgets.length,
    budgetProjects: fixture.budgetProjects.length,
  };
}
