/**
 * The root of one request: spaces, components and the organization of a seed as `version` serves them
 * (docs/upstreams/decidim.md §2, §4.1, §4.4). Built per request; resources are rendered only when a page asks for them,
 * so a 10,000-proposal seed costs no more than the page served.
 */
import { GraphQLError } from 'graphql';
import { connection, type ConnectionArgs } from './connection';
import { decidimDate, decidimDateTime } from './decidimDateTime';
import { renderBudget, renderProposal, taxonomy, translated, type RenderContext } from './renderResources';
import type { DecidimSeed, SeedComponent, SeedProposal, SeedSpace } from './seedTypes';
import { atLeast, FULL_VERSION, type DecidimVersion } from './version';

export interface RootOptions {
  version: DecidimVersion;
  baseUrl: string;
  loop: boolean;
  /** Root `assemblies` lists child assemblies too, as `public_spaces` does (default true). */
  childAssembliesAtRoot: boolean;
}

type SpaceKind = 'process' | 'assembly';
interface SpaceEntry {
  space: SeedSpace;
  kind: SpaceKind;
  parent: SeedSpace | null;
}

/** Every space of the seed, child assemblies included, with its kind. */
function allSpaces(seed: DecidimSeed): SpaceEntry[] {
  const out: SpaceEntry[] = seed.processes.map((space) => ({ space, kind: 'process', parent: null }));
  const walk = (space: SeedSpace, parent: SeedSpace | null) => {
    out.push({ space, kind: 'assembly', parent });
    for (const c of space.children) walk(c, space);
  };
  for (const a of seed.assemblies) walk(a, null);
  return out;
}

const spacePath = (e: { space: SeedSpace; kind: SpaceKind }) =>
  `${e.kind === 'process' ? 'processes' : 'assemblies'}/${e.space.slug}`;

/** Sort direction of a Decidim sort input: "asc"/"desc" in any case, anything else an error (docs/upstreams/decidim.md §3). */
function direction(value: string, field: string): 1 | -1 {
  const v = value.toLowerCase();
  if (v === 'asc') return 1;
  if (v === 'desc') return -1;
  throw new GraphQLError(`Invalid sort direction "${value}" for ${field}: use "asc" or "desc"`);
}

/** Day filters are strings parsed with Date.iso8601 (docs/upstreams/decidim.md §4.3). */
function day(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new GraphQLError(`Invalid date format for ${field}`);
  return value;
}

/** Builds the root value of one request. */
export function createRootValue(seed: DecidimSeed, options: RootOptions): Record<string, unknown> {
  const { version } = options;
  const spaces = allSpaces(seed);
  let index: Map<string, { proposal: SeedProposal; component: SeedComponent; spacePath: string }> | undefined;
  const ctx: RenderContext = {
    version,
    baseUrl: options.baseUrl,
    loop: options.loop,
    scopes: new Map(seed.scopes.map((s) => [s.id, s])),
    categories: new Map(spaces.flatMap((e) => e.space.categories.map((c) => [c.id, c] as const))),
    taxonomies: new Map(seed.taxonomies.map((t) => [t.id, t])),
    // Only `relatedProposals` needs it: built on first use, so a page of a big seed does not pay for it.
    proposal: (id) => {
      index ??= new Map(
        spaces.flatMap((e) =>
          e.space.components
            .filter((c) => c.published)
            .flatMap((c) =>
              c.proposals
                .filter((p) => p.publishedAt !== null)
                .map((p) => [p.id, { proposal: p, component: c, spacePath: spacePath(e) }] as const),
            ),
        ),
      );
      return index.get(id);
    },
  };
  const spaceType = (kind: SpaceKind) => (kind === 'process' ? 'Decidim::ParticipatoryProcess' : 'Decidim::Assembly');

  const proposalsOf =
    (c: SeedComponent, path: string) =>
    (
      args: ConnectionArgs & {
        filter?: { publishedBefore?: string; publishedSince?: string } | null;
        order?: Record<string, string> | null;
      },
    ) => {
      // Published only (docs/upstreams/decidim.md §3 Proposals.proposals, §4.4 drafts).
      let list: SeedProposal[] = c.proposals.filter((p) => p.publishedAt !== null);
      if (args.filter?.publishedSince) {
        const d = day(args.filter.publishedSince, 'publishedSince');
        list = list.filter((p) => decidimDate(p.publishedAt)! >= d);
      }
      if (args.filter?.publishedBefore) {
        const d = day(args.filter.publishedBefore, 'publishedBefore');
        list = list.filter((p) => decidimDate(p.publishedAt)! < d);
      }
      // Filter and order first, then `order(:id)` as tie-breaker (docs/upstreams/decidim.md §4.1 needs_api_default_order).
      const keys: [(p: SeedProposal) => number | string, 1 | -1][] = [];
      for (const [field, value] of Object.entries(args.order ?? {})) {
        const dir = direction(value, field);
        if (field === 'id') keys.push([(p) => Number(p.id), dir]);
        else if (field === 'publishedAt') keys.push([(p) => p.publishedAt ?? '', dir]);
        else if (field === 'voteCount' && !c.votesHidden)
          keys.push([(p) => p.voteCount, dir]); // "ignored if votes are hidden"
        else if (field === 'endorsementCount' || field === 'likeCount') keys.push([(p) => p.endorsementsCount, dir]);
      }
      keys.push([(p) => Number(p.id), 1]);
      const decorated = list.map((p) => ({ p, k: keys.map(([key]) => key(p)) }));
      decorated.sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
          const x = a.k[i]!;
          const y = b.k[i]!;
          if (x !== y) return (x < y ? -1 : 1) * keys[i]![1];
        }
        return 0;
      });
      list = decorated.map((d) => d.p);
      return connection(list, args, (p) => renderProposal(ctx, p, c, path), options.loop);
    };

  const renderComponent = (c: SeedComponent, e: SpaceEntry) => {
    const path = spacePath(e);
    const base = {
      id: c.id,
      name: translated(c.name),
      weight: c.weight,
      participatorySpace: {
        __typename: 'ParticipatorySpace',
        id: e.space.id,
        title: translated(e.space.title),
        type: spaceType(e.kind),
        manifest: { name: e.kind === 'process' ? 'participatory_processes' : 'assemblies' },
        components: () => [],
      },
      url: `${options.baseUrl}/${path}/f/${c.id}/`,
      publishedAt: decidimDateTime(e.space.publishedAt),
    };
    if (c.manifest === 'proposals') {
      return {
        ...base,
        __typename: 'Proposals',
        proposals: proposalsOf(c, path),
        proposal: ({ id }: { id: string }) => {
          const p = c.proposals.find((x) => x.id === id && x.publishedAt !== null);
          return p ? renderProposal(ctx, p, c, path) : null;
        },
      };
    }
    if (c.manifest === 'budgets') {
      // Budget.where(component:) with no order (docs/upstreams/decidim.md §4.1); the seed's order stands in for the database's.
      return {
        ...base,
        __typename: 'Budgets',
        budgets: (args: ConnectionArgs) =>
          connection(c.budgets, args, (b) => renderBudget(ctx, b, c, path), options.loop),
        budget: ({ id }: { id: string }) => {
          const b = c.budgets.find((x) => x.id === id);
          return b ? renderBudget(ctx, b, c, path) : null;
        },
      };
    }
    return { ...base, __typename: 'Component' };
  };

  const componentsOf =
    (e: SpaceEntry) => (args: { filter?: { type?: string } | null; order?: Record<string, string> | null }) => {
      let list = e.space.components;
      if (args.filter?.type) {
        const t = args.filter.type.toLowerCase();
        list = list.filter((c) => c.manifest === t);
      }
      const [field, value] = Object.entries(args.order ?? {})[0] ?? ['weight', 'asc'];
      const dir = direction(value, field);
      list = [...list].sort(
        (a, b) =>
          (field === 'id' ? Number(a.id) - Number(b.id) : a.weight - b.weight || Number(a.id) - Number(b.id)) * dir,
      );
      // docs/upstreams/decidim.md §4.4: unpublished components are dropped before 0.30 and become null entries from 0.30.
      if (!atLeast(version, '0.30')) return list.filter((c) => c.published).map((c) => renderComponent(c, e));
      return list.map((c) => (c.published ? renderComponent(c, e) : null));
    };

  const renderSpace = (e: SpaceEntry): Record<string, unknown> => {
    const common = {
      id: e.space.id,
      title: translated(e.space.title),
      type: spaceType(e.kind),
      manifest: { name: e.kind === 'process' ? 'participatory_processes' : 'assemblies' },
      components: componentsOf(e),
      slug: e.space.slug,
      reference: null,
      createdAt: decidimDateTime(e.space.createdAt),
      updatedAt: decidimDateTime(e.space.createdAt),
      publishedAt: decidimDateTime(e.space.publishedAt),
      subtitle: null,
      description: null,
      categories: e.space.categories.map((c) => ({
        id: c.id,
        name: translated(c.name),
        subcategories: [],
        parent: null,
      })),
    };
    if (e.kind === 'process') {
      // Step dates are Date in 0.27 and DateTime from 0.28 (docs/upstreams/decidim.md §3).
      const stepDate = atLeast(version, '0.28') ? decidimDateTime : decidimDate;
      return {
        ...common,
        __typename: 'ParticipatoryProcess',
        hashtag: null,
        shortDescription: null,
        promoted: false,
        scope: null,
        taxonomies: [],
        startDate: decidimDate(e.space.steps[0]?.startDate ?? null),
        endDate: decidimDate(e.space.steps.at(-1)?.endDate ?? null),
        steps: e.space.steps.map((s, i) => ({
          id: `${e.space.id}${i + 1}`,
          title: translated(s.title),
          description: null,
          startDate: stepDate(s.startDate),
          endDate: stepDate(s.endDate),
          active: s.active,
          position: i,
        })),
      };
    }
    return {
      ...common,
      __typename: 'Assembly',
      parent: () => (e.parent ? renderSpace(spaces.find((x) => x.space === e.parent)!) : null),
      children: () => e.space.children.map((c) => renderSpace(spaces.find((x) => x.space === c)!)),
      childrenCount: e.space.children.length,
    };
  };

  const listSpaces =
    (kind: SpaceKind) =>
    (args: {
      filter?: { publishedSince?: string; publishedBefore?: string } | null;
      order?: Record<string, string> | null;
    }) => {
      let list = spaces.filter(
        (e) => e.kind === kind && (kind === 'process' || options.childAssembliesAtRoot || e.parent === null),
      );
      if (args.filter?.publishedSince) {
        const d = day(args.filter.publishedSince, 'publishedSince');
        list = list.filter((e) => decidimDate(e.space.publishedAt)! >= d);
      }
      if (args.filter?.publishedBefore) {
        const d = day(args.filter.publishedBefore, 'publishedBefore');
        list = list.filter((e) => decidimDate(e.space.publishedAt)! < d);
      }
      const [field, value] = Object.entries(args.order ?? {})[0] ?? ['id', 'asc'];
      const dir = direction(value, field);
      list = [...list].sort(
        (a, b) =>
          (field === 'publishedAt'
            ? a.space.publishedAt.localeCompare(b.space.publishedAt)
            : Number(a.space.id) - Number(b.space.id)) * dir,
      );
      return list.map(renderSpace);
    };

  const orgName = seed.organization.name;
  return {
    participatoryProcesses: listSpaces('process'),
    participatoryProcess: ({ id, slug }: { id?: string; slug?: string }) => {
      const e = spaces.find((x) => x.kind === 'process' && (x.space.id === id || x.space.slug === slug));
      return e ? renderSpace(e) : null;
    },
    assemblies: listSpaces('assembly'),
    assembly: ({ id }: { id?: string }) => {
      const e = spaces.find((x) => x.kind === 'assembly' && x.space.id === id);
      return e ? renderSpace(e) : null;
    },
    // component(id:) is published-only in every version (docs/upstreams/decidim.md §4.4).
    component: ({ id }: { id: string }) => {
      for (const e of spaces) {
        const c = e.space.components.find((x) => x.id === id && x.published);
        if (c) return renderComponent(c, e);
      }
      return null;
    },
    // docs/upstreams/decidim.md §1.3: the version is hidden from 0.30 unless disclosed.
    decidim: {
      version: atLeast(version, '0.30') ? null : FULL_VERSION[version],
      applicationName: orgName.find((t) => t.locale === 'nl')?.text ?? 'Decidim',
    },
    organization: {
      name: atLeast(version, '0.29') ? translated(orgName) : (orgName[0]?.text ?? ''),
      taxonomies: () => seed.taxonomies.filter((t) => t.parentId === null).map((t) => taxonomy(ctx, t.id)),
    },
  };
}
