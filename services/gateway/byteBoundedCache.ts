/**
 * The gateway's in-memory caches (whole answers, subgraph fetches) are bounded in bytes, not entries:
 * an lru-cache whose entries are counted at `sizeOf` bytes, at most `maxBytes` in all, and no single
 * entry larger than an eighth of that, so one huge answer cannot empty the cache.
 */
import { LRUCache } from 'lru-cache';

export function byteBoundedCache<V extends {}>(maxBytes: number, sizeOf: (value: V, key: string) => number) {
  return new LRUCache<string, V>({
    maxSize: Math.max(1, maxBytes),
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
    sizeCalculation: sizeOf,
  });
}
