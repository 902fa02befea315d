/**
 * The search engine port, in the domain's words. Shipped: our typed-array postings engine in memory
 * (postingsEngine.ts; MiniSearch, miniSearchEngine.ts, is the benchmark's reference); a national
 * deployment may swap in Amazon OpenSearch behind the same port
 * (docs/search.md) without touching the schema or the resolvers.
 */
import type { Platform, ProposalStatus } from '../../core/model';
import type { Circle } from '../geo';
import type { SearchDocument, SearchKind, TextField } from '../documents';

/** Conditions on results; every given one must hold, a list matches any of its values. */
export interface SearchCriteria {
  municipalities?: readonly string[];
  provinces?: readonly string[];
  platforms?: readonly Platform[];
  kinds?: readonly SearchKind[];
  statuses?: readonly ProposalStatus[];
  /** Folded tag names. */
  tags?: readonly string[];
  years?: readonly number[];
  /** Inclusive lower bound, UTC ISO. */
  createdAfter?: string;
  /** Exclusive upper bound, UTC ISO. */
  createdBefore?: string;
  near?: Circle;
}

export type SearchOrder = 'RELEVANCE' | 'NEWEST' | 'MOST_SUPPORTED';

/**
 * Where a result stands in an order: compared descending on `primary`, then `secondary`, then ascending
 * on `id`. Results strictly after a position follow it, so pages neither repeat nor skip items.
 */
export interface SortPosition {
  primary: number;
  secondary: number;
  id: string;
}

export interface SearchRequest {
  /** Folded query words without stop words; empty browses. */
  words: readonly string[];
  criteria: SearchCriteria;
  order: SearchOrder;
  /** Continue strictly after this position (from a cursor). */
  after: SortPosition | null;
  /** How many results to return. */
  limit: number;
  /** Whether to count facets (they cost a pass over the matches). */
  facets: boolean;
}

export interface Highlight {
  field: TextField;
  locale: string;
  /** HTML: escaped text with `<mark>` around matching words. */
  snippet: string;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  score: number;
  highlights: Highlight[];
  position: SortPosition;
}

export type FacetName = 'municipality' | 'province' | 'platform' | 'kind' | 'status' | 'tag' | 'year';

/** Counts per value; `label` is what to show (a tag's name as first seen). */
export type FacetCounts = Record<FacetName, { value: string; label: string; count: number }[]>;

export interface SearchResults {
  /** All matches of query and criteria. */
  total: number;
  /** Up to `limit` hits after `after`, in order. */
  hits: SearchHit[];
  /** Whether more hits follow these. */
  more: boolean;
  /** Null unless asked for. Each facet ignores its own criterion (disjunctive faceting). */
  facets: FacetCounts | null;
}

/** An index of searchable items. Not safe for concurrent writers; one process owns one. */
export interface SearchEngine {
  /** Adds items, replacing any with the same id. */
  upsert(documents: readonly SearchDocument[]): void;
  /** Removes items by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void;
  has(id: string): boolean;
  /** How many items the index holds. */
  readonly size: number;
  search(request: SearchRequest): SearchResults;
  /** The whole index as bytes that `SearchEngineFactory.restore` turns back into an engine. */
  serialize(): Uint8Array;
}

export interface SearchEngineFactory {
  create(): SearchEngine;
  restore(serialized: Uint8Array): SearchEngine;
}
