import { UpstreamSchemaError } from '../../../errors';
import { featuresFromErrors } from '../detectFeatures';

const missing = (...fields: string[]) =>
  fields.map((f) => {
    const [type, field] = f.split('.');
    return { message: `Field '${field}' doesn't exist on type '${type}'` };
  });

describe('featuresFromErrors', () => {
  it.each([
    [
      '0.27',
      missing(
        'Proposal.withdrawn',
        'Proposal.taxonomies',
        'Proposal.likesCount',
        'Proposal.url',
        'Proposal.proposalState',
        'Attachment.title',
        'Budget.totalBudget',
        'Project.confirmedVotes',
        'Project.relatedProposals',
        'Project.address',
      ),
    ],
    [
      '0.28',
      missing(
        'Proposal.withdrawn',
        'Proposal.taxonomies',
        'Proposal.likesCount',
        'Proposal.url',
        'Proposal.proposalState',
        'Budget.totalBudget',
        'Project.confirmedVotes',
        'Project.relatedProposals',
        'Project.address',
      ),
    ],
    [
      '0.29',
      missing(
        'Proposal.taxonomies',
        'Proposal.likesCount',
        'Proposal.url',
        'Proposal.proposalState',
        'Budget.totalBudget',
        'Project.confirmedVotes',
        'Project.relatedProposals',
        'Project.address',
      ),
    ],
    [
      '0.30',
      missing(
        'Proposal.likesCount',
        'Proposal.url',
        'Proposal.proposalState',
        'Budget.totalBudget',
        'Project.confirmedVotes',
        'Project.relatedProposals',
        'Project.address',
      ),
    ],
    ['0.31', missing('Budget.totalBudget')],
  ])('reads band %s from the validation errors of the probe', (band, errors) => {
    const f = featuresFromErrors(errors);
    expect(f.band).toBe(band);
    expect(f.withdrawn).toBe(band >= '0.29');
    expect(f.taxonomies).toBe(band >= '0.30');
    expect(f.totalBudget).toBe(false);
  });

  it('throws on an error that is not about a probed field', () => {
    expect(() =>
      featuresFromErrors([{ message: 'Query has complexity of 9000, which exceeds max complexity of 5000' }]),
    ).toThrow(UpstreamSchemaError);
  });
});
