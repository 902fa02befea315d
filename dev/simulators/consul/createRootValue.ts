/**
 * The resolvers of the simulated GraphQL API (docs/upstreams/consul.md §4), as a graphql-js root value whose objects
 * carry their fields as properties or functions of the field arguments. Visibility follows the
 * `public_for_api` scopes (docs/upstreams/consul.md §3.4); translatable fields follow the request locale with
 * Globalize's silent fallback (docs/upstreams/consul.md §2 "Locale").
 */
import { formatIso8601DateTime, formatPublicCreatedAt } from './amsterdamTime';
import { connection, type ConnectionArgs } from './connection';
import type { ConsulGeneration } from './consulSdl';
import type { ConsulInvestment, ConsulProposal, ConsulSeed, ConsulTag, ConsulUser, Translated } from './seedTypes';

/** `.find` on a non-public id: Rails answers the whole request with a 404 page (docs/upstreams/consul.md §2). */
export class RecordNotFound extends Error {}

export interface RootValueOptions {
  generation: ConsulGeneration;
  locale: string;
  /** The `paginationLoop` fault. */
  loop: boolean;
}

type Page = (args: ConnectionArgs) => unknown;

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** The root value for one request. */
export function createRootValue(seed: ConsulSeed, options: RootValueOptions): Record<string, unknown> {
  const maxPageSize = options.generation === '2.4.1' ? 25 : null;
  const page =
    <T, V>(items: readonly T[], view: (item: T) => V): Page =>
    (args) =>
      connection(items, args, view, { maxPageSize, loop: options.loop });
  const none: Page = page([], (x) => x);
  const defaultLocale = seed.locales[0] ?? 'nl';
  const tr = (t: Translated | null): string | null =>
    t ? (t[options.locale] ?? t[defaultLocale] ?? Object.values(t)[0] ?? null) : null;
  const find = <T extends { id: number }>(items: readonly T[], id: unknown, view: (item: T) => unknown) => {
    const item = items.find((x) => String(x.id) === String(id));
    if (!item) throw new RecordNotFound(`Couldn't find record with 'id'=${String(id)}`);
    return view(item);
  };

  // Derived lists are built on first use only: a request touches one or two of them, and the 10,000-row
  // benchmark seed makes building all of them on every request the simulator's main cost.
  const proposals = seed.proposals.filter((p) => !p.hidden);
  const budgets = seed.budgets.filter((b) => b.published);
  const investments = lazy(() => {
    const budgetIds = new Set(budgets.map((b) => b.id));
    return seed.investments.filter((i) => !i.hidden && budgetIds.has(i.budgetId));
  });
  const milestones = lazy(() => investments().flatMap((i) => i.milestones));
  const tagsById = new Map(seed.tags.map((t) => [t.id, t]));
  // Tags are public only when used on a public proposal or debate (docs/upstreams/consul.md §3.4).
  const usedTags = lazy(() => seed.tags.filter((t) => proposals.some((p) => p.tagIds.includes(t.id))));
  const usersById = new Map(seed.users.map((u) => [u.id, u]));

  const tagView = (t: ConsulTag) => ({
    id: String(t.id),
    name: t.name,
    kind: t.kind,
    taggingsCount: () => proposals.filter((p) => p.tagIds.includes(t.id)).length,
  });
  const userView = (u: ConsulUser): Record<string, unknown> => ({
    id: String(u.id),
    username: u.username,
    publicProposals: page(u.publicActivity ? proposals.filter((p) => p.authorId === u.id) : [], proposalView),
    publicDebates: none,
    publicComments: none,
  });
  const author = (id: number) => {
    const u = usersById.get(id);
    return u?.publicActivity ? userView(u) : null;
  };
  const milestoneView = (m: ConsulInvestment['milestones'][number]) => ({ ...m, id: String(m.id) });
  const geozoneView = (id: number | null) => {
    const g = seed.geozones.find((z) => z.id === id);
    return g ? { id: String(g.id), name: g.name } : null;
  };

  function proposalView(p: ConsulProposal): Record<string, unknown> {
    return {
      id: String(p.id),
      title: tr(p.title),
      summary: tr(p.summary),
      description: tr(p.description),
      publicCreatedAt: p.publicCreatedAtRaw ?? formatPublicCreatedAt(p.createdAt),
      cachedVotesUp: p.cachedVotesUp,
      supportsCount: p.cachedVotesUp, // only in the drifted schema
      commentsCount: p.commentsCount,
      confidenceScore: p.cachedVotesUp * 100,
      hotScore: Math.floor(p.cachedVotesUp / 10) + p.commentsCount,
      retiredAt: p.retiredAt ? formatIso8601DateTime(p.retiredAt) : null,
      retiredReason: p.retiredReason,
      retiredExplanation: tr(p.retiredExplanation),
      videoUrl: p.videoUrl,
      geozoneId: p.geozoneId,
      geozone: geozoneView(p.geozoneId),
      publicAuthor: author(p.authorId),
      tags: page(
        p.tagIds.map((id) => tagsById.get(id)).filter((t): t is ConsulTag => !!t),
        tagView,
      ),
      comments: none,
      proposalNotifications: none,
      votesFor: none,
      milestones: none,
    };
  }

  const investmentView = (i: ConsulInvestment) => ({
    id: String(i.id),
    publicAuthor: author(i.authorId),
    price: i.price,
    feasibility: i.feasibility,
    title: tr(i.title),
    description: tr(i.description),
    location: i.location,
    comments: none,
    commentsCount: i.commentsCount,
    milestones: page(i.milestones, milestoneView),
  });

  const budgetView = (b: ConsulSeed['budgets'][number]) => ({
    id: String(b.id),
    name: tr(b.name),
    phase: b.phase,
    // BudgetType#investments is Budget::Investment.public_for_api: every published budget's
    // investments, not this budget's (docs/upstreams/consul.md §5.1). Reproduced on purpose.
    investments: (args: ConnectionArgs) => page(investments(), investmentView)(args),
    investment: ({ id }: { id: string }) => find(investments(), id, investmentView),
  });

  const nothing = ({ id }: { id: string }) => find([], id, (x) => x);
  return {
    budgets: page(budgets, budgetView),
    budget: ({ id }: { id: string }) => find(budgets, id, budgetView),
    comments: none,
    comment: nothing,
    debates: none,
    debate: nothing,
    geozones: page(seed.geozones, (g) => geozoneView(g.id)),
    geozone: ({ id }: { id: string }) => find(seed.geozones, id, (g) => geozoneView(g.id)),
    milestones: (args: ConnectionArgs) => page(milestones(), milestoneView)(args),
    milestone: ({ id }: { id: string }) => find(milestones(), id, milestoneView),
    proposals: page(proposals, proposalView),
    proposal: ({ id }: { id: string }) => find(proposals, id, proposalView),
    proposalNotifications: none,
    proposalNotification: nothing,
    tags: (args: ConnectionArgs) => page(usedTags(), tagView)(args),
    tag: ({ id }: { id: string }) => find(usedTags(), id, tagView),
    users: page(seed.users, userView),
    user: ({ id }: { id: string }) => find(seed.users, id, userView),
    votes: none,
    vote: nothing,
  };
}
