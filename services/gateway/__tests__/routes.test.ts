import { matchRoute, routeKeys } from '../routes';

describe('the route table', () => {
  it.each([
    ['GET', '/graphql', 'graphql', {}],
    ['POST', '/graphql', 'graphql', {}],
    [
      'GET',
      '/export/budgets/gm0363-openstad-begroot%3Abudget%3A7.pb',
      'budgetExport',
      { file: 'gm0363-openstad-begroot%3Abudget%3A7.pb' },
    ],
  ])('routes %s %s to %s', (method, path, name, params) => {
    expect(matchRoute(method, path)).toMatchObject({ name, params });
  });

  it.each([
    ['POST', '/export/budgets/x.pb'],
    ['GET', '/export/budgets/a/b.pb'],
    ['GET', '/export/budgets/'],
    ['DELETE', '/graphql'],
    ['GET', '/graphql/extra'],
  ])('matches nothing for %s %s', (method, path) => {
    expect(matchRoute(method, path)).toBeNull();
  });

  it('lists API Gateway route keys for the CDK construct', () => {
    expect(routeKeys()).toEqual([
      'GET /graphql',
      'POST /graphql',
      'GET /graphql/explorer/{file}',
      'GET /export/{file}',
      'GET /export/budgets/{file}',
    ]);
  });
});
