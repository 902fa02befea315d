/**
 * OpenStad statuses → ProposalStatus (docs/data-model.md §5.5). The source's `statusMap` is applied first,
 * case-insensitively on the status's code (H: status id, A: the enum value), name or label; then the defaults.
 */
import type { PlatformStatus, ProposalStatus } from '../../../core/model';
import type { HeadlessStatus } from './upstreamSchemas';

/** The two H default statuses the reference names (docs/upstreams/openstad.md §2.6); the rest is UNKNOWN until configured. */
const HEADLESS_DEFAULTS: Record<string, ProposalStatus> = {
  'deze inzending is door naar de stemronde': 'SHORTLISTED',
  'deze inzending wordt uitgevoerd': 'IN_PROGRESS',
};

/** The legacy enum (docs/upstreams/openstad.md §1, §3; docs/data-model.md §5.5). */
const LEGACY_DEFAULTS: Record<string, ProposalStatus> = {
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
  ACCEPTED: 'ACCEPTED',
  DENIED: 'REJECTED',
  BUSY: 'IN_PROGRESS',
  DONE: 'COMPLETED',
};

const norm = (s: string) => s.trim().toLowerCase();

/** The configured status for the first of `keys` that `statusMap` names (case-insensitive), if any. */
export function configuredStatus(
  statusMap: Record<string, ProposalStatus>,
  keys: (string | null | undefined)[],
): ProposalStatus | undefined {
  const entries = Object.entries(statusMap);
  if (!entries.length) return undefined;
  const folded = new Map(entries.map(([k, v]) => [norm(k), v]));
  for (const key of keys) {
    if (!key) continue;
    const hit = folded.get(norm(key));
    if (hit) return hit;
  }
  return undefined;
}

export interface MappedStatus {
  status: ProposalStatus;
  platformStatus: PlatformStatus | null;
}

/**
 * H: a resource can carry several statuses; the one with the lowest `seqnr` (then id) is used
 * (docs/data-model.md §5.2). The resource's embedded statuses carry no `seqnr` (docs/upstreams/openstad.md §2.5), so
 * `seqnrById` comes from `GET …/status` (§2.6). No status at all → OPEN (published, nothing decided).
 */
export function mapHeadlessStatus(
  statuses: HeadlessStatus[],
  seqnrById: ReadonlyMap<number, number>,
  statusMap: Record<string, ProposalStatus>,
): MappedStatus {
  if (!statuses.length) return { status: 'OPEN', platformStatus: null };
  const seqnr = (s: HeadlessStatus) => s.seqnr ?? seqnrById.get(s.id) ?? Number.MAX_SAFE_INTEGER;
  const chosen = [...statuses].sort((a, b) => seqnr(a) - seqnr(b) || a.id - b.id)[0]!;
  const status =
    configuredStatus(statusMap, [String(chosen.id), chosen.name, chosen.label]) ??
    HEADLESS_DEFAULTS[norm(chosen.name)] ??
    'UNKNOWN';
  return { status, platformStatus: { code: String(chosen.id), label: chosen.label ?? chosen.name } };
}

/** A: the `status` enum; an unknown value is UNKNOWN. */
export function mapLegacyStatus(code: string, statusMap: Record<string, ProposalStatus>): MappedStatus {
  const status = configuredStatus(statusMap, [code]) ?? LEGACY_DEFAULTS[code.trim().toUpperCase()] ?? 'UNKNOWN';
  return { status, platformStatus: { code, label: null } };
}

/**
 * Whether a budget project was chosen, derived from its mapped status (the API computes no winners,
 * docs/upstreams/openstad.md §4): ACCEPTED, IN_PROGRESS or COMPLETED → true; REJECTED → false; anything else → null.
 */
export function selectedFromStatus(status: ProposalStatus): boolean | null {
  if (status === 'ACCEPTED' || status === 'IN_PROGRESS' || status === 'COMPLETED') return true;
  if (status === 'REJECTED') return false;
  return null;
}
