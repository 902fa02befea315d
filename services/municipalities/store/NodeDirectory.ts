/**
 * `Query.node`: which object an Inspraak id names, and whether it exists. Municipalities and sources
 * are this subgraph's own; proposals, budgets and budget projects are checked by key in the shared
 * table (one batched read) and handed back as entity references for their owners to resolve.
 */
import type DataLoader from 'dataloader';
import { BadUserInputError } from '../../core/errors';
import { keys } from '../../core/dynamo/items';
import { itemLoader, type TableAccess } from '../../core/dynamo/loader';
import { parseId, type ItemKind } from '../../core/ids';
import type { Municipality, Source } from '../../core/model';
import {
  budgetProjectRef,
  budgetRef,
  proposalRef,
  type BudgetProjectRef,
  type BudgetRef,
  type ProposalRef,
} from '../../core/refs';
import type { MunicipalityStore } from './MunicipalityStore';
import type { SourceStore } from './SourceStore';

export type NodeObject =
  | (Municipality & { __typename: 'Municipality' })
  | (Source & { __typename: 'Source' })
  | Required<ProposalRef>
  | Required<BudgetRef>
  | Required<BudgetProjectRef>;

export interface NodeDirectory {
  /** The object `id` names, or null when nothing has that id. Throws BadUserInputError for an id of no known shape. */
  find(id: string): Promise<NodeObject | null>;
}

const MUNICIPALITY_CODE = /^GM\d{4}$/;
const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

const REF: Record<ItemKind, (id: string) => NodeObject> = {
  proposal: (id) => proposalRef(id) as Required<ProposalRef>,
  budget: (id) => budgetRef(id) as Required<BudgetRef>,
  project: (id) => budgetProjectRef(id) as Required<BudgetProjectRef>,
};

export function nodeDirectory(
  db: TableAccess,
  stores: { municipalities: MunicipalityStore; sources: SourceStore },
): NodeDirectory {
  // Existence only: the owner subgraph reads the item itself when the query asks for its fields.
  const exists: DataLoader<string, true | null> = itemLoader(
    db,
    (id) => keys[parseId(id)!.kind](id),
    () => true,
  );
  return {
    async find(id) {
      if (MUNICIPALITY_CODE.test(id)) {
        const m = await stores.municipalities.byCode.load(id);
        return m && { ...m, __typename: 'Municipality' };
      }
      const parsed = parseId(id);
      if (parsed) return (await exists.load(id)) ? REF[parsed.kind](id) : null;
      if (SOURCE_ID.test(id)) {
        const s = await stores.sources.byId.load(id);
        return s && { ...s, __typename: 'Source' };
      }
      throw new BadUserInputError(
        `"${id.slice(0, 80)}" is not an Inspraak id: expected a CBS code (GM0363), a source id (gm0363-openstad) or <source id>:<kind>:<upstream id> (gm0363-openstad:proposal:42).`,
      );
    },
  };
}
