/**
 * How each entity of the unified model is laid out in the table: its primary key, the index attributes
 * that list it, the top-level attributes that lists filter on, and the entity itself under `doc`.
 * Writers (the registry, the harvester) and readers (the subgraphs) both go through here.
 */
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { ZodType } from 'zod';
import { fold } from '../text';
import {
  budgetProjectSchema,
  budgetSchema,
  municipalitySchema,
  proposalSchema,
  sourceSchema,
  type Budget,
  type BudgetProject,
  type Municipality,
  type Proposal,
  type Source,
} from '../model';
import type { ItemKey } from './batchGet';

export const SK = '#';

export const keys = {
  municipality: (code: string): ItemKey => ({ pk: `MUNICIPALITY#${code}`, sk: SK }),
  source: (id: string): ItemKey => ({ pk: `SOURCE#${id}`, sk: SK }),
  proposal: (id: string): ItemKey => ({ pk: `PROPOSAL#${id}`, sk: SK }),
  budget: (id: string): ItemKey => ({ pk: `BUDGET#${id}`, sk: SK }),
  project: (id: string): ItemKey => ({ pk: `PROJECT#${id}`, sk: SK }),
};

/** Partition values of the list indexes. */
export const partitions = {
  municipalities: 'MUNICIPALITY',
  municipalitiesOfProvince: (provinceCode: string) => `PROVINCE#${provinceCode}#MUNICIPALITY`,
  sources: 'SOURCE',
  sourcesOf: (municipalityCode: string) => `MUNICIPALITY#${municipalityCode}#SOURCE`,
  proposals: 'PROPOSAL',
  proposalsOf: (municipalityCode: string) => `MUNICIPALITY#${municipalityCode}#PROPOSAL`,
  proposalsOfProvince: (provinceCode: string) => `PROVINCE#${provinceCode}#PROPOSAL`,
  budgets: 'BUDGET',
  budgetsOf: (municipalityCode: string) => `MUNICIPALITY#${municipalityCode}#BUDGET`,
  projectsOf: (budgetId: string) => `BUDGET#${budgetId}#PROJECT`,
  projects: 'PROJECT',
};

/** A count as a sort key: zero-padded so text order is numeric order; unknown counts sort below zero. */
export function rankOf(count: number | null): string {
  return count === null ? '-' : String(count).padStart(12, '0');
}

type Item = Record<string, unknown>;

/** The change-feed partition of a kind: every write, in time order (`changedAt` is `<time>#<id>`). */
export const changePartition = (kind: 'proposal' | 'budget' | 'project') => `CHANGE#${kind}`;

/** The by-source partition of a source's items of one kind. */
export const sourcePartition = (sourceId: string, kind: 'proposal' | 'budget' | 'project') =>
  `SOURCE#${sourceId}#${kind}`;

/**
 * A hash of what a record says, leaving out when it was harvested and whether it is removed: a harvest
 * that finds the same content writes nothing.
 */
export function contentHash(record: { provenance: { harvestedAt: string }; removedAt: string | null }): string {
  const { removedAt: _removed, provenance, ...rest } = record;
  const { harvestedAt: _at, ...prov } = provenance;
  return createHash('sha256')
    .update(stringify({ ...rest, provenance: prov }) ?? '')
    .digest('base64url');
}

/** What every harvested item carries for the harvester: its source partition, hash and removal flag. */
function harvested(
  kind: 'proposal' | 'budget' | 'project',
  record: { id: string; provenance: { sourceId: string; harvestedAt: string }; removedAt: string | null },
) {
  return {
    id: record.id,
    sourceKey: sourcePartition(record.provenance.sourceId, kind),
    // Only changed records are written, so the harvest time of a write is the time of the change.
    changeKey: changePartition(kind),
    changedAt: `${record.removedAt ?? record.provenance.harvestedAt}#${record.id}`,
    contentHash: contentHash(record),
    removed: record.removedAt !== null,
  };
}

/** The entity an item holds, validated: drift between writer and reader fails loudly, not silently. */
function docOf<T>(schema: ZodType<T>, item: Item): T {
  return schema.parse(item.doc);
}

export function municipalityItem(m: Municipality, provinceCode = m.province.code): Item {
  return {
    ...keys.municipality(m.code),
    type: 'Municipality',
    kindKey: partitions.municipalities,
    provinceKey: partitions.municipalitiesOfProvince(provinceCode),
    orderKey: `${fold(m.name)}#${m.code}`,
    doc: m,
  };
}
export const municipalityOf = (item: Item): Municipality => docOf(municipalitySchema, item);

export function sourceItem(s: Source): Item {
  return {
    ...keys.source(s.id),
    type: 'Source',
    kindKey: partitions.sources,
    parentKey: partitions.sourcesOf(s.municipalityCode),
    orderKey: s.id,
    platform: s.platform,
    state: s.harvest.state,
    doc: s,
  };
}
export const sourceOf = (item: Item): Source => docOf(sourceSchema, item);

/** The time a listed item sorts by: created, else published, else harvested. */
function orderTime(
  x: { createdAt: string | null; provenance: { harvestedAt: string } },
  published?: string | null,
): string {
  return x.createdAt ?? published ?? x.provenance.harvestedAt;
}

export function proposalItem(p: Proposal, provinceCode: string): Item {
  const listed = p.removedAt === null;
  const time = orderTime(p, p.publishedAt);
  return {
    ...keys.proposal(p.id),
    type: 'Proposal',
    ...harvested('proposal', p),
    ...(listed && {
      parentKey: partitions.proposalsOf(p.municipalityCode),
      provinceKey: partitions.proposalsOfProvince(provinceCode),
      kindKey: partitions.proposals,
      orderKey: `${time}#${p.id}`,
      rankKey: `${rankOf(p.supportCount)}#${time}#${p.id}`,
    }),
    platform: p.provenance.platform,
    status: p.status,
    sourceId: p.provenance.sourceId,
    time,
    tagKeys: [...new Set(p.tags.map((t) => fold(t.name)))],
    doc: p,
  };
}
export const proposalOf = (item: Item): Proposal => docOf(proposalSchema, item);

export function budgetItem(b: Budget): Item {
  const listed = b.removedAt === null;
  const time = orderTime(b);
  return {
    ...keys.budget(b.id),
    type: 'Budget',
    ...harvested('budget', b),
    ...(listed && {
      parentKey: partitions.budgetsOf(b.municipalityCode),
      kindKey: partitions.budgets,
      orderKey: `${time}#${b.id}`,
    }),
    platform: b.provenance.platform,
    phase: b.phase,
    sourceId: b.provenance.sourceId,
    doc: b,
  };
}
export const budgetOf = (item: Item): Budget => docOf(budgetSchema, item);

export function projectItem(p: BudgetProject): Item {
  const listed = p.removedAt === null;
  const position = String(p.position).padStart(6, '0');
  return {
    ...keys.project(p.id),
    type: 'BudgetProject',
    ...harvested('project', p),
    ...(listed && {
      parentKey: partitions.projectsOf(p.budgetId),
      kindKey: partitions.projects,
      orderKey: `${position}#${p.id}`,
      rankKey: `${rankOf(p.voteCount)}#${position}#${p.id}`,
    }),
    platform: p.provenance.platform,
    sourceId: p.provenance.sourceId,
    doc: p,
  };
}
export const projectOf = (item: Item): BudgetProject => docOf(budgetProjectSchema, item);
