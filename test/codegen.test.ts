import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '../services/gateway/subgraphs';

const root = join(__dirname, '..');
const check = (dir?: string) =>
  spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'codegen-check.ts'), ...(dir ? [dir] : [])],
    { encoding: 'utf8', cwd: root },
  );

describe('generated resolver types', () => {
  it('are current with schema/ (run `npm run codegen`)', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('are reported stale when a schema changes without regenerating', () => {
    // Inside the repository, so that codegen finds its plugins in node_modules.
    const dir = mkdtempSync(join(root, '.codegen-check-'));
    try {
      cpSync(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
      cpSync(join(root, 'client'), join(dir, 'client'), { recursive: true });
      cpSync(join(root, 'operations'), join(dir, 'operations'), { recursive: true });
      for (const sg of SUBGRAPH_NAMES) {
        cpSync(join(root, 'services', sg, 'generated'), join(dir, 'services', sg, 'generated'), { recursive: true });
      }
      const file = join(dir, 'schema', 'proposals.graphql');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('"The title in the proposal\'s primary language."', '"The title."'),
      );
      const result = check(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/services\/proposals\/generated\/resolvers\.ts/);
      expect(result.stderr).not.toMatch(/budgets/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
