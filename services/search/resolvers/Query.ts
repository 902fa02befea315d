import { PROVINCES } from '../../core/provinces';
import { budgetProjectRef, proposalRef } from '../../core/refs';
import { LIMITS, parseSearchArgs, searchCursor } from '../args';
import type { MunicipalityDirectory } from '../documents';
import type { FacetCounts } from '../engine/SearchEngine';
import type { QueryResolvers, SearchFacets } from '../generated/resolvers';
import { selects } from '../selects';

const PROVINCE_NAMES = new Map(PROVINCES.map((p) => [p.code, p.name]));

function labelled(facets: FacetCounts | null, municipalities: MunicipalityDirectory): SearchFacets {
  if (!facets) return { municipality: [], province: [], platform: [], kind: [], status: [], tag: [], year: [] };
  return {
    ...facets,
    municipality: facets.municipality.map((f) => ({ ...f, label: municipalities.get(f.value)?.name ?? f.value })),
    province: facets.province.map((f) => ({ ...f, label: PROVINCE_NAMES.get(f.value) ?? f.value })),
  };
}

export const Query: QueryResolvers = {
  search: async (_, args, { index, municipalities }, info) => {
    const parsed = parseSearchArgs(args);
    const engine = await index.current();
    const results = engine.search({
      words: parsed.words,
      criteria: parsed.criteria,
      order: parsed.order,
      after: parsed.after,
      limit: parsed.first,
      facets: selects(info, 'facets'),
    });
    const edges = results.hits.map((hit, i) => ({
      cursor: searchCursor(parsed.fingerprint, parsed.offset + i + 1, hit.position),
      score: hit.score,
      highlights: hit.highlights,
      node: hit.kind === 'PROPOSAL' ? proposalRef(hit.id) : budgetProjectRef(hit.id),
    }));
    const reachable = parsed.offset + edges.length < LIMITS.depth;
    return {
      edges,
      pageInfo: { hasNextPage: results.more && reachable, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: results.total,
      facets: labelled(results.facets, municipalities),
    };
  },
};
