/**
 * The fields the Pabulib format knows, in the order its checker (github.com/pabulib/checker,
 * `pabulib_helpers/fields.py`) expects them: a file may hold only these, in this order, and must hold the
 * obligatory ones. `type` is how the checker reads the value.
 */
import { PABULIB_RULES } from '../model';

export type FieldType = 'str' | 'int' | 'float' | 'list';
export interface FieldRule {
  name: string;
  type: FieldType;
  obligatory?: boolean;
  nullable?: boolean;
}

const f = (name: string, type: FieldType, more: Partial<FieldRule> = {}): FieldRule => ({ name, type, ...more });

export const META_FIELDS: readonly FieldRule[] = [
  f('description', 'str', { obligatory: true }),
  f('country', 'str', { obligatory: true }),
  f('unit', 'str', { obligatory: true }),
  f('district', 'str'),
  f('subunit', 'str'),
  f('instance', 'str', { obligatory: true }),
  f('num_projects', 'int', { obligatory: true }),
  f('num_votes', 'int', { obligatory: true }),
  f('budget', 'float', { obligatory: true }),
  f('vote_type', 'str', { obligatory: true }),
  f('rule', 'str', { obligatory: true }),
  f('date_begin', 'str', { obligatory: true }),
  f('date_end', 'str', { obligatory: true }),
  f('min_length', 'int'),
  f('max_length', 'int'),
  f('min_sum_cost', 'float'),
  f('max_sum_cost', 'float'),
  f('min_points', 'int'),
  f('max_points', 'int'),
  f('min_sum_points', 'int'),
  f('max_sum_points', 'int'),
  f('default_score', 'int'),
  f('min_project_cost', 'int'),
  f('max_project_cost', 'int'),
  f('min_project_score_threshold', 'int'),
  f('neighborhoods', 'str'),
  f('subdistricts', 'str'),
  f('categories', 'str'),
  f('edition', 'str'),
  f('language', 'str'),
  f('currency', 'str'),
  f('fully_funded', 'int'),
  f('experimental', 'int'),
  f('comment', 'str'),
  f('acknowledgments', 'str'),
  f('leftover_budget', 'str'),
  f('budget_per_category', 'list'),
  f('budget_per_neighborhood', 'list'),
  f('min_length_per_category', 'int'),
  f('max_length_per_category', 'int'),
  f('min_sum_cost_per_category', 'list'),
  f('max_sum_cost_per_category', 'list'),
];

export const PROJECT_FIELDS: readonly FieldRule[] = [
  f('project_id', 'str', { obligatory: true }),
  f('cost', 'float', { obligatory: true }),
  f('votes', 'int'),
  f('score', 'int'),
  f('name', 'str'),
  f('category', 'list', { nullable: true }),
  f('beneficiaries', 'list', { nullable: true }),
  f('selected', 'int'),
  f('neighborhood', 'str'),
  f('subunit', 'str'),
  f('district', 'str'),
  f('description', 'str'),
  f('proposer', 'str'),
  f('public_id', 'str'),
  f('latitude', 'float', { nullable: true }),
  f('longitude', 'float', { nullable: true }),
];

export const VOTE_FIELDS: readonly FieldRule[] = [
  f('voter_id', 'str', { obligatory: true }),
  f('vote', 'list', { obligatory: true }),
  f('points', 'list'),
  f('age', 'str', { nullable: true }),
  f('sex', 'str', { nullable: true }),
  f('voting_method', 'str'),
  f('district', 'str', { nullable: true }),
  f('neighborhood', 'str', { nullable: true }),
  f('education', 'str', { nullable: true }),
  f('topic_preference_transport', 'int'),
  f('topic_preference_culture', 'int'),
  f('topic_preference_nature', 'int'),
  f('district_preference', 'str'),
  f('time_taken_seconds', 'int'),
  f('format_easiness', 'str'),
  f('format_expressiveness', 'str'),
  f('format_rank', 'str'),
];

export const VOTE_TYPES = ['ordinal', 'approval', 'cumulative', 'scoring', 'choose-1'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

/** The `rule` values the checker accepts: the rules a budget may have (core/model) and `unknown`. */
export const CHECKER_RULES = [...PABULIB_RULES, 'unknown'] as const;
