/**
 * Budget voting rule (data-model §4.7): the API publishes none, so UNKNOWN unless the source configures
 * one; for APPROVAL_WITHIN_BUDGET `maxTotal` defaults to the budget's total.
 */
import { fromWholeUnits } from '../../../core/money';
import type { Money, VotingRule } from '../../../core/model';
import type { DecidimSettings } from './decidimSettings';

/** The voting rule of a budget with `total`, from the configured rule if any. */
export function votingRule(
  configured: DecidimSettings['votingRule'],
  total: Money | null,
  currency: string,
): VotingRule {
  if (!configured)
    return { kind: 'UNKNOWN', minTotal: null, maxTotal: null, minProjects: null, maxProjects: null, themes: [] };
  const money = (n: number | null) => (n === null ? null : fromWholeUnits(n, currency));
  return {
    kind: configured.kind,
    minTotal: money(configured.minTotal),
    maxTotal: money(configured.maxTotal) ?? (configured.kind === 'APPROVAL_WITHIN_BUDGET' ? total : null),
    minProjects: configured.minProjects,
    maxProjects: configured.maxProjects,
    themes: [],
  };
}
