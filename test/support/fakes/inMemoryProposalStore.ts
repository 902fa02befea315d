/**
 * An in-memory ProposalStore: the port the proposals resolvers read, over an array, for unit tests that
 * start no DynamoDB. It keeps the port's promises (removed proposals never listed but found by id,
 * filters, orders, opaque cursors of one list only), not the table's index layout.
 */
import DataLoader from 'dataloader';
import { decodeCursor, encodeCursor, listFingerprint } from '../../../services/core/cursor';
import type { Proposal } from '../../../services/core/model';
import type { Page, PageRequest } from '../../../services/core/paging';
import type {
  ProposalListFilter,
  ProposalListOrder,
  ProposalStore,
} from '../../../services/proposals/store/ProposalStore';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matches(p: Proposal, f: ProposalListFilter): boolean {
  return (
    p.removedAt === null &&
    (!f.municipalityCode || p.municipalityCode === f.municipalityCode) &&
    (!f.platform || p.provenance.platform === f.platform) &&
    (!f.status || p.status === f.status) &&
    (!f.tag || p.tags.some((t) => fold(t.name) === fold(f.tag!))) &&
    (!f.createdAfter || (p.createdAt ?? '') >= f.createdAfter) &&
    (!f.createdBefore || (p.createdAt ?? '') < f.createdBefore)
  );
}

const ORDERS: Record<ProposalListOrder, (a: Proposal, b: Proposal) => number> = {
  NEWEST: (a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id.localeCompare(a.id),
  OLDEST: (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id),
  MOST_SUPPORTED: (a, b) => (b.supportCount ?? -1) - (a.supportCount ?? -1) || b.id.localeCompare(a.id),
};

export function inMemoryProposalStore(proposals: readonly Proposal[]): ProposalStore {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return {
    byId: new DataLoader(async (ids) => ids.map((id) => byId.get(id) ?? null)),
    async list(filter, order, page: PageRequest): Promise<Page<Proposal>> {
      if (filter.provinceCode) throw new Error('inMemoryProposalStore: provinceCode is not supported');
      const list = listFingerprint({ fake: 'proposals', filter, order });
      const sorted = proposals.filter((p) => matches(p, filter)).sort(ORDERS[order]);
      const start = page.after ? sorted.findIndex((p) => p.id === decodeCursor(list, page.after!).id) + 1 : 0;
      const items = sorted
        .slice(start, start + page.first)
        .map((node) => ({ node, cursor: encodeCursor(list, { id: node.id }) }));
      return {
        items,
        hasNextPage: start + page.first < sorted.length,
        endCursor: items.at(-1)?.cursor ?? null,
      };
    },
  };
}
