/**
 * The search arguments, validated against the limits in docs/search.md and turned into the engine's
 * terms. Every violation is a BadUserInputError that says what is allowed.
 */
import { decodeCursor, encodeCursor, listFingerprint } from '../core/cursor';
import { BadUserInputError } from '../core/errors';
import { checkMunicipalityCode } from '../core/lookup';
import { pageRequest } from '../core/paging';
import { resolveProvince } from '../core/provinces';
import { fold } from '../core/text';
import type { SearchCriteria, SearchOrder, SortPosition } from './engine/SearchEngine';
import type { SearchFilter } from './generated/resolvers';
import { queryWords } from './text/analyse';

export const LIMITS = {
  /** Characters in `query`. */
  queryChars: 200,
  /** Words looked for; further words are ignored. */
  queryWords: 12,
  /** Results reachable by paging. */
  depth: 1000,
  /** Values in one list condition. */
  listValues: 50,
  tags: 20,
  tagChars: 100,
  radiusKm: 300,
} as const;

export interface ParsedSearch {
  words: string[];
  criteria: SearchCriteria;
  order: SearchOrder;
  first: number;
  after: SortPosition | null;
  /** How many results precede this page. */
  offset: number;
  /** Identifies the result list, so a cursor is only accepted by the search that issued it. */
  fingerprint: string;
}

function list<T>(
  name: string,
  values: readonly T[] | null | undefined,
  max: number = LIMITS.listValues,
): T[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length > max)
    throw new BadUserInputError(`\`filter.${name}\` takes at most ${max} values; got ${values.length}.`);
  return [...new Set(values)];
}

function criteriaOf(filter: SearchFilter | null | undefined): SearchCriteria {
  if (!filter) return {};
  const after = filter.createdAfter?.toISOString();
  const before = filter.createdBefore?.toISOString();
  if (after && before && after >= before)
    throw new BadUserInputError('`createdAfter` must be earlier than `createdBefore`.');
  const tags = list('tags', filter.tags, LIMITS.tags)?.map((t) => {
    if (t.trim() === '' || t.length > LIMITS.tagChars)
      throw new BadUserInputError(`A tag must be 1 to ${LIMITS.tagChars} characters.`);
    return fold(t);
  });
  const years = list('years', filter.years)?.map((y) => {
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      throw new BadUserInputError(`\`filter.years\` takes years from 1900 to 2200; got ${y}.`);
    return y;
  });
  const near = filter.near;
  if (near) {
    const { latitude, longitude, radiusKm } = near;
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new BadUserInputError('`filter.near` needs a latitude from -90 to 90 and a longitude from -180 to 180.');
    }
    if (!(radiusKm > 0 && radiusKm <= LIMITS.radiusKm)) {
      throw new BadUserInputError(
        `\`filter.near.radiusKm\` must be more than 0 and at most ${LIMITS.radiusKm}; got ${radiusKm}.`,
      );
    }
  }
  return {
    ...(filter.municipalities && {
      municipalities: list('municipalities', filter.municipalities)!.map(checkMunicipalityCode),
    }),
    ...(filter.provinces && { provinces: list('provinces', filter.provinces)!.map((p) => resolveProvince(p).code) }),
    ...(filter.platforms && { platforms: list('platforms', filter.platforms)! }),
    ...(filter.kinds && { kinds: list('kinds', filter.kinds)! }),
    ...(filter.statuses && { statuses: list('statuses', filter.statuses)! }),
    ...(tags && { tags }),
    ...(years && { years }),
    ...(after && { createdAfter: after }),
    ...(before && { createdBefore: before }),
    ...(near && { near: { center: { latitude: near.latitude, longitude: near.longitude }, radiusKm: near.radiusKm } }),
  };
}

/** Validates the arguments of `Query.search`. */
export function parseSearchArgs(args: {
  query?: string | null;
  filter?: SearchFilter | null;
  orderBy?: SearchOrder | null;
  first?: number | null;
  after?: string | null;
}): ParsedSearch {
  const query = args.query ?? '';
  if (query.length > LIMITS.queryChars) {
    throw new BadUserInputError(`\`query\` may be at most ${LIMITS.queryChars} characters; got ${query.length}.`);
  }
  const page = pageRequest(args.first, args.after);
  const words = queryWords(query, LIMITS.queryWords);
  const criteria = criteriaOf(args.filter);
  const order = args.orderBy ?? 'RELEVANCE';
  const fingerprint = listFingerprint(['search', words, criteria, order]);
  let after: SortPosition | null = null;
  let offset = 0;
  if (page.after) {
    const key = decodeCursor(fingerprint, page.after);
    offset = Number(key.o);
    after = { primary: Number(key.p), secondary: Number(key.s), id: key.i ?? '' };
    if (
      !Number.isInteger(offset) ||
      offset < 1 ||
      Number.isNaN(after.primary) ||
      Number.isNaN(after.secondary) ||
      !after.id
    ) {
      throw new BadUserInputError(
        '`after` is not a cursor this API issued. Pass an `endCursor` or edge `cursor` from a previous page.',
      );
    }
    if (offset >= LIMITS.depth) {
      throw new BadUserInputError(
        `Search pages reach the first ${LIMITS.depth} results only; narrow the query or filter instead of paging further.`,
      );
    }
  }
  return { words, criteria, order, first: Math.min(page.first, LIMITS.depth - offset), after, offset, fingerprint };
}

/** The cursor of the result at `offset` (1-based count of results up to and including it). */
export function searchCursor(fingerprint: string, offset: number, position: SortPosition): string {
  return encodeCursor(fingerprint, {
    o: String(offset),
    p: String(position.primary),
    s: String(position.secondary),
    i: position.id,
  });
}
