/**
 * Renders seed resources as graphql-js source objects for one version (docs/upstreams/decidim.md §3, §7). graphql-js's
 * default resolver calls a function-valued property with the field's arguments, so fields with
 * arguments are methods. Objects carry `__typename` so interfaces resolve without resolveType.
 */
import { decidimDateTime } from './decidimDateTime';
import type {
  SeedAttachment,
  SeedBudget,
  SeedClassifier,
  SeedComponent,
  SeedProject,
  SeedProposal,
  SeedTaxonomy,
  Translated,
} from './seedTypes';
import { atLeast, type DecidimVersion } from './version';

export interface RenderContext {
  version: DecidimVersion;
  baseUrl: string;
  /** The `paginationLoop` fault is in force. */
  loop: boolean;
  scopes: Map<string, SeedClassifier>;
  categories: Map<string, SeedClassifier>;
  taxonomies: Map<string, SeedTaxonomy>;
  /** A published proposal by id, with its component and space path, for `relatedProposals`. */
  proposal(id: string): { proposal: SeedProposal; component: SeedComponent; spacePath: string } | undefined;
}

/** A TranslatedField (docs/upstreams/decidim.md §3): own and machine translations, `translation(locale)` without fallback. */
export function translated(t: Translated | null) {
  if (!t) return null;
  return {
    locales: t.map((x) => x.locale),
    translations: ({ locales }: { locales?: string[] | null }) =>
      t
        .filter((x) => !locales || locales.includes(x.locale))
        .map((x) => ({ locale: x.locale, text: x.text, machineTranslated: x.machineTranslated ?? false })),
    translation: ({ locale }: { locale: string }) => t.find((x) => x.locale === locale)?.text ?? null,
  };
}

const dt = (s: string | null) => decidimDateTime(s);

function classifier(c: SeedClassifier | undefined) {
  return c ? { id: c.id, name: translated(c.name), subcategories: [], children: [], parent: null } : null;
}

/** A taxonomy with lazily rendered parent and children (0.30+). */
export function taxonomy(ctx: RenderContext, id: string): unknown {
  const t = ctx.taxonomies.get(id);
  if (!t) return null;
  return {
    id: t.id,
    name: translated(t.name),
    isRoot: t.parentId === null,
    children: () => [...ctx.taxonomies.values()].filter((c) => c.parentId === t.id).map((c) => taxonomy(ctx, c.id)),
    parent: () => (t.parentId ? taxonomy(ctx, t.parentId) : null),
  };
}

function classification(
  ctx: RenderContext,
  r: { categoryId: string | null; scopeId: string | null; taxonomyIds: string[] },
) {
  return atLeast(ctx.version, '0.30')
    ? { taxonomies: r.taxonomyIds.map((id) => taxonomy(ctx, id)) }
    : {
        category: classifier(r.categoryId ? ctx.categories.get(r.categoryId) : undefined),
        scope: classifier(r.scopeId ? ctx.scopes.get(r.scopeId) : undefined),
      };
}

/** docs/upstreams/decidim.md §8 note 6: coordinates are built even without geodata, so both null trip a non-null error. */
function coordinates(r: { latitude: number | null; longitude: number | null }) {
  return { latitude: r.latitude, longitude: r.longitude };
}

function user(name: string | null, version: DecidimVersion) {
  if (!name) return null;
  const nickname = name.toLowerCase().replace(/[^a-z]+/g, '_');
  return {
    __typename: 'User',
    id: String(1000 + nickname.length),
    name,
    nickname,
    avatarUrl: '/default-avatar.png',
    profilePath: `/profiles/${nickname}`,
    badge: '',
    deleted: false,
    organizationName: atLeast(version, '0.29') ? translated([{ locale: 'nl', text: 'Gemeente' }]) : 'Gemeente',
  };
}

const DEFAULT_STATE_TITLES: Record<string, string> = {
  evaluating: 'In behandeling',
  accepted: 'Aangenomen',
  rejected: 'Afgewezen',
  not_answered: 'Niet beantwoord',
};

/** One proposal as `version` serves it; null for a moderated one under the 0.30 auth layer (docs/upstreams/decidim.md §4.4). */
export function renderProposal(
  ctx: RenderContext,
  p: SeedProposal,
  component: SeedComponent,
  spacePath: string,
): unknown {
  const v = ctx.version;
  if (p.hidden && atLeast(v, '0.30')) return null;
  const withdrawn = p.withdrawnAt !== null;
  // docs/upstreams/decidim.md §4.3: ≤0.28 has fixed states and withdrawal as a state; 0.29+ a token plus the flag.
  const state = atLeast(v, '0.29')
    ? p.state
    : withdrawn
      ? 'withdrawn'
      : p.legacyState !== undefined
        ? p.legacyState
        : p.state;
  const voteCount = component.votesHidden ? null : p.voteCount;
  const author = p.official ? null : user(p.authorName, v);
  return {
    id: p.id,
    title: translated(p.title),
    body: translated(p.body),
    address: p.address,
    coordinates: coordinates(p),
    reference: p.reference,
    state,
    answer: translated(p.answer),
    answeredAt: dt(p.answeredAt),
    publishedAt: dt(p.publishedAt),
    participatoryTextLevel: null,
    position: null,
    official: p.official,
    createdInMeeting: false,
    voteCount,
    votesCount: voteCount,
    withdrawn,
    withdrawnAt: dt(p.withdrawnAt),
    createdAt: dt(p.createdAt),
    updatedAt: dt(p.updatedAt),
    authorsCount: 1,
    author,
    authors: author ? [author] : [],
    ...classification(ctx, p),
    endorsements: [],
    endorsementsCount: p.endorsementsCount,
    likes: [],
    likesCount: p.endorsementsCount,
    attachments: renderAttachments(ctx, p.attachments),
    versionsCount: 1,
    type: 'Decidim::Proposals::Proposal',
    acceptsNewComments: true,
    totalCommentsCount: p.commentsCount,
    hasComments: p.commentsCount > 0,
    url: `${ctx.baseUrl}/${spacePath}/f/${component.id}/proposals/${p.id}`,
    followsCount: 1,
    proposalState:
      p.state === null
        ? null
        : {
            id: String([...p.state].reduce((h, ch) => h + ch.charCodeAt(0), 0)),
            title: translated(p.stateTitle ?? [{ locale: 'nl', text: DEFAULT_STATE_TITLES[p.state] ?? p.state }]),
            announcementTitle: null,
            bgColor: null,
            textColor: null,
            proposalsCount: null,
          },
    ...p.overrides,
  };
}

/** One budget with its unpaginated projects (docs/upstreams/decidim.md §3, §5.3). */
export function renderBudget(ctx: RenderContext, b: SeedBudget, component: SeedComponent, spacePath: string): unknown {
  const url = `${ctx.baseUrl}/${spacePath}/f/${component.id}/budgets/${b.id}/projects`;
  return {
    id: b.id,
    title: translated(b.title),
    description: translated(b.description),
    total_budget: b.totalBudget,
    totalBudget: b.totalBudget,
    createdAt: dt(b.createdAt),
    updatedAt: dt(b.updatedAt),
    projects: b.projects.map((p) => renderProject(ctx, p, component, url)),
    scope: classifier(b.scopeId ? ctx.scopes.get(b.scopeId) : undefined),
    versionsCount: 1,
    weight: 0,
    url,
    taxonomies: [],
    ...b.overrides,
  };
}

function renderProject(ctx: RenderContext, p: SeedProject, component: SeedComponent, budgetUrl: string): unknown {
  return {
    id: p.id,
    title: translated(p.title),
    description: translated(p.description),
    budget_amount: p.budgetAmount,
    selected: p.selectedAt !== null,
    reference: p.reference,
    createdAt: dt(p.createdAt),
    updatedAt: dt(p.updatedAt),
    ...classification(ctx, p),
    attachments: renderAttachments(ctx, p.attachments),
    type: 'Decidim::Budgets::Project',
    acceptsNewComments: true,
    totalCommentsCount: p.commentsCount,
    hasComments: p.commentsCount > 0,
    url: `${budgetUrl}/${p.id}`,
    budgetUrl,
    selectedAt: dt(p.selectedAt),
    confirmedVotes: component.votesHidden ? null : p.confirmedVotes,
    relatedProposals: () =>
      p.relatedProposalIds.map((id) => {
        const found = ctx.proposal(id);
        return found ? renderProposal(ctx, found.proposal, found.component, found.spacePath) : null;
      }),
    address: p.address,
    coordinates: coordinates(p),
    followsCount: 0,
    ...p.overrides,
  };
}

/**
 * Attachments as the API shows them (docs/upstreams/decidim.md §3): `type` is the file's extension (Decidim's
 * `file_type`), `thumbnail` a variant URL for images and null for documents; `title` and `description`
 * exist from 0.28 and the schema leaves them out before.
 */
function renderAttachments(ctx: RenderContext, attachments: SeedAttachment[] | undefined): unknown[] {
  return (attachments ?? []).map((a) => ({
    url: `${ctx.baseUrl}${a.path}`,
    type: a.path.slice(a.path.lastIndexOf('.') + 1).toLowerCase(),
    thumbnail: a.image ? `${ctx.baseUrl}${a.path.replace(/(\.[a-z]+)$/i, '-thumbnail$1')}` : null,
    title: translated(a.title),
    description: translated([]),
  }));
}
