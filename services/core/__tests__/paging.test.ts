import { BadUserInputError } from '../errors';
import { pageRequest } from '../paging';

describe('pageRequest', () => {
  it('defaults first to 20', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20, after: null });
  });

  it.each([[1], [100]])('accepts first = %i', (n) => {
    expect(pageRequest(n, 'c').first).toBe(n);
  });

  it.each([[0], [101], [1000], [-5], [2.5]])('refuses first = %p and says how to page', (n) => {
    expect(() => pageRequest(n, null)).toThrow(BadUserInputError);
    expect(() => pageRequest(n, null)).toThrow(/between 1 and 100.*after/);
  });
});
