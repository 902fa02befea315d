import type { PlatformStatus, ProposalStatus } from '../../../core/model';

export interface ProposalStatusInput {
  retiredAt: string | null;
  retiredReason: string | null;
  cachedVotesUp: number | null;
  /** UTC ISO. */
  createdAt: string;
}

export interface ProposalStatusSettings {
  votesForProposalSuccess: number;
  monthsToArchiveProposals: number;
  /** The source's statusMap: platform code (case-insensitive) → status. */
  statusMap: Record<string, ProposalStatus>;
}

/** `createdAt` plus `months` calendar months (Rails' `months.ago`, mirrored), as epoch ms. */
function addMonths(iso: string, months: number): number {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/**
 * Derives a CONSUL proposal's status (CONSUL exposes none): docs/data-model.md §3.4, docs/upstreams/consul.md §6. The
 * first rule that holds wins: retired → WITHDRAWN; supports ≥ votesForProposalSuccess → SHORTLISTED;
 * created more than monthsToArchiveProposals months before the harvest → CLOSED; else OPEN.
 * `platformStatus` is `retired:<reason>` for a retired proposal, else null; a source's statusMap entry for
 * that code overrides the derived status.
 */
export function consulProposalStatus(
  p: ProposalStatusInput,
  settings: ProposalStatusSettings,
  harvestedAt: string,
): { status: ProposalStatus; platformStatus: PlatformStatus | null } {
  const platformStatus =
    p.retiredAt !== null ? { code: p.retiredReason ? `retired:${p.retiredReason}` : 'retired', label: null } : null;
  if (platformStatus) {
    const code = platformStatus.code.toLowerCase();
    const mapped = Object.entries(settings.statusMap).find(([k]) => k.trim().toLowerCase() === code);
    if (mapped) return { status: mapped[1], platformStatus };
    return { status: 'WITHDRAWN', platformStatus };
  }
  if (p.cachedVotesUp !== null && p.cachedVotesUp >= settings.votesForProposalSuccess)
    return { status: 'SHORTLISTED', platformStatus };
  if (addMonths(p.createdAt, settings.monthsToArchiveProposals) < Date.parse(harvestedAt))
    return { status: 'CLOSED', platformStatus };
  return { status: 'OPEN', platformStatus };
}
