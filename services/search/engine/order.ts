/** The orders of results as positions compared descending on two numbers, then ascending on the id. */
import type { SearchDocument } from '../documents';
import type { SearchOrder, SortPosition } from './SearchEngine';

/** Negative when `a` comes before `b`. */
export function compare(a: SortPosition, b: SortPosition): number {
  if (a.primary !== b.primary) return a.primary > b.primary ? -1 : 1;
  if (a.secondary !== b.secondary) return a.secondary > b.secondary ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Where a document with `score` stands in `order`. Undated items and counts that are not public sort
 * last (-Infinity, -1). RELEVANCE without a query is NEWEST (every score is 0).
 */
export function positionOf(
  doc: Pick<SearchDocument, 'id' | 'support'>,
  dateMs: number,
  score: number,
  order: SearchOrder,
  browsing: boolean,
): SortPosition {
  switch (order) {
    case 'MOST_SUPPORTED':
      return { primary: doc.support ?? -1, secondary: score, id: doc.id };
    case 'RELEVANCE':
      if (!browsing) return { primary: score, secondary: 0, id: doc.id };
      return { primary: dateMs, secondary: 0, id: doc.id };
    case 'NEWEST':
      return { primary: dateMs, secondary: score, id: doc.id };
  }
}

/** The best `k` positions seen, best first. */
export class TopK<T extends { position: SortPosition }> {
  readonly items: T[] = [];
  constructor(private readonly k: number) {}

  offer(item: T): void {
    const items = this.items;
    if (items.length === this.k && compare(item.position, items[items.length - 1]!.position) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[mid]!.position, item.position) < 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > this.k) items.pop();
  }
}
