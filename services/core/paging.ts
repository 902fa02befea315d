/** Relay paging rules shared by every list. */
import { BadUserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first: number;
  after: string | null;
}

/**
 * Validates `first` (1 to 100, default 20) and returns the page request.
 * Throws BadUserInputError saying how to page instead.
 */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `\`first\` must be between 1 and ${MAX_PAGE_SIZE}; got ${n}. Page through longer lists with \`after\`.`,
    );
  }
  return { first: n, after: after ?? null };
}

export interface Page<T> {
  items: { node: T; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Shapes a Page into a Relay connection. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map(({ node, cursor }) => ({ node, cursor })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
