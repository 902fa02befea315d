/**
 * Decidim proposal state → ProposalStatus (data-model §4.5, docs/upstreams/decidim.md §4.3). The source's statusMap
 * (case-insensitive, on the state token or, from 0.31, the state's title) is applied first.
 */
import type { PlatformStatus, ProposalStatus } from '../../../core/model';

const DEFAULTS = new Map<string, ProposalStatus>(
  Object.entries({
    withdrawn: 'WITHDRAWN', // 0.27/0.28 state, and the code used for the 0.29+ flag
    not_answered: 'OPEN',
    evaluating: 'UNDER_REVIEW',
    accepted: 'ACCEPTED',
    rejected: 'REJECTED',
  }) as [string, ProposalStatus][],
);

export interface DecidimState {
  state: string | null;
  /** The 0.29+ flag; undefined on ≤0.28. */
  withdrawn?: boolean | null;
  /** 0.31 `proposalState.title` in the primary language. */
  label?: string | null;
}

/**
 * Status and platform status of a proposal. `withdrawn: true` is checked first (code `withdrawn`);
 * `state: null` (not answered, or the answer unpublished) is OPEN with no platform status; unknown
 * tokens (admin-defined states, 0.29+) are UNKNOWN unless `statusMap` names them.
 */
export function mapProposalStatus(
  input: DecidimState,
  statusMap: Record<string, ProposalStatus>,
): { status: ProposalStatus; platformStatus: PlatformStatus | null } {
  const code = input.withdrawn ? 'withdrawn' : input.state;
  if (code === null || code === '') return { status: 'OPEN', platformStatus: null };
  const label = input.withdrawn ? null : (input.label ?? null);
  const configured = new Map(Object.entries(statusMap).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const status =
    configured.get(code.toLowerCase()) ??
    (label ? configured.get(label.trim().toLowerCase()) : undefined) ??
    DEFAULTS.get(code) ??
    'UNKNOWN';
  return { status, platformStatus: { code, label } };
}
