/** The test tiers of jest.config.js: every test file in exactly one, and no database in the unit tier. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const TIERS = ['unit', 'db', 'e2e', 'infra'] as const;

function listTests(tier: string): string[] {
  const out = spawnSync(
    join(root, 'node_modules', '.bin', 'jest'),
    ['--listTests', '--json', '--selectProjects', tier],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (out.status !== 0) throw new Error(out.stderr);
  return (JSON.parse(out.stdout) as string[]).map((f) => relative(root, f)).sort();
}

function testFilesOnDisk(): string[] {
  return ['services', 'dev', 'test']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .sort();
}

describe('the test tiers', () => {
  const tiers = Object.fromEntries(TIERS.map((t) => [t, listTests(t)])) as Record<(typeof TIERS)[number], string[]>;

  it('put every test file in exactly one tier', () => {
    const all = TIERS.flatMap((t) => tiers[t]);
    expect(all.sort()).toEqual(testFilesOnDisk());
  });

  it('choose a tier by path and name', () => {
    expect(tiers.unit).toContain('services/core/__tests__/money.test.ts');
    expect(tiers.unit).toContain('test/tiers.test.ts');
    expect(tiers.db).toContain('services/proposals/__tests__/ProposalStore.db.test.ts');
    expect(tiers.e2e).toContain('test/gateway.e2e.test.ts');
    expect(tiers.e2e).toContain('dev/__tests__/sandbox.test.ts');
    expect(tiers.infra).toContain('test/infra/singleTopology.test.ts');
  });

  it('keep DynamoDB Local out of the unit tier (name such a test *.db.test.ts)', () => {
    const usesDatabase = tiers.unit.filter(
      (f) =>
        f !== 'test/tiers.test.ts' &&
        /freshTable|startDynamoLocal|TEST_DYNAMODB_ENDPOINT/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(usesDatabase).toEqual([]);
  });
});
