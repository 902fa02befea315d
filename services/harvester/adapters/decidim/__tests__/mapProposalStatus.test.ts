import { mapProposalStatus, type DecidimState } from '../mapProposalStatus';

describe('mapProposalStatus', () => {
  it.each<[string, DecidimState, string, { code: string; label: string | null } | null]>([
    [
      '0.29+ withdrawn flag wins over the state',
      { state: 'accepted', withdrawn: true },
      'WITHDRAWN',
      { code: 'withdrawn', label: null },
    ],
    ['0.27 withdrawn state', { state: 'withdrawn' }, 'WITHDRAWN', { code: 'withdrawn', label: null }],
    ['unanswered (null state)', { state: null, withdrawn: false }, 'OPEN', null],
    ['not_answered', { state: 'not_answered' }, 'OPEN', { code: 'not_answered', label: null }],
    ['evaluating', { state: 'evaluating' }, 'UNDER_REVIEW', { code: 'evaluating', label: null }],
    [
      'accepted with a 0.31 label',
      { state: 'accepted', withdrawn: false, label: 'Aangenomen' },
      'ACCEPTED',
      { code: 'accepted', label: 'Aangenomen' },
    ],
    ['rejected', { state: 'rejected' }, 'REJECTED', { code: 'rejected', label: null }],
    ['a custom token', { state: 'in_uitvoering', withdrawn: false }, 'UNKNOWN', { code: 'in_uitvoering', label: null }],
    [
      'a token named like an Object property',
      { state: 'constructor' },
      'UNKNOWN',
      { code: 'constructor', label: null },
    ],
  ])('maps %s', (_name, input, status, platformStatus) => {
    expect(mapProposalStatus(input, {})).toEqual({ status, platformStatus });
  });

  it('lets the statusMap override a default mapping, case-insensitively', () => {
    expect(mapProposalStatus({ state: 'accepted' }, { Accepted: 'IN_PROGRESS' }).status).toBe('IN_PROGRESS');
  });
});
