/**
 * Jest runs TypeScript through SWC (fast, no type check); `npm run typecheck` is the type check.
 *
 * Four tiers, as jest projects, chosen by a test file's path and name alone (a new test falls into one
 * without editing this file):
 *
 * - infra: `test/infra/**`: the CDK app, synthesised and asserted by intent; bundles Lambdas with esbuild.
 * - e2e:   `*.e2e.test.ts` anywhere, and `dev/__tests__/` (the sandbox itself): the composed gateway over
 *          HTTP, the Lambda handlers, the sandbox, harvests into DynamoDB Local. Starts DynamoDB Local.
 * - db:    `*.db.test.ts` anywhere: stores and harvest runs against DynamoDB Local, the real engine.
 *          Starts DynamoDB Local.
 * - unit:  every other `__tests__/*.test.ts` and `test/*.test.ts`: pure functions, resolvers over in-memory
 *          fakes, adapters against the simulated installations in dev/ (in-process, through their fetch). No Java:
 *          `freshTable()` refuses to run here and names the rule. `npm run test:unit`.
 *
 * `npm test` runs all four; `npm run test:<tier>` runs one. DynamoDB Local starts (once) only when a db or
 * e2e test is selected.
 */
// Globs on the absolute path (jest's testMatch; a leading `!` excludes). Roots: services/, dev/, test/.
const E2E = ['**/*.e2e.test.ts', '**/dev/__tests__/**/*.test.ts'];
const DB = ['**/*.db.test.ts'];
const INFRA = ['**/test/infra/**/*.test.ts'];
const ALL = ['**/__tests__/**/*.test.ts', '**/test/**/*.test.ts'];

const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/services', '<rootDir>/test', '<rootDir>/dev'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  setupFiles: ['<rootDir>/test/support/env.ts'],
};
const withDynamoDbLocal = {
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
};
const not = (patterns) => patterns.map((p) => `!${p}`);

module.exports = {
  testTimeout: 30000, // a global option: jest ignores it inside a project
  projects: [
    { ...base, displayName: 'unit', testMatch: [...ALL, ...not(E2E), ...not(DB), ...not(INFRA)] },
    { ...base, ...withDynamoDbLocal, displayName: 'db', testMatch: [...DB, ...not(E2E), ...not(INFRA)] },
    { ...base, ...withDynamoDbLocal, displayName: 'e2e', testMatch: [...E2E, ...not(INFRA)] },
    { ...base, displayName: 'infra', testMatch: INFRA },
  ],
};
