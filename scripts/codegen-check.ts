/**
 * `npm run codegen:check [-- <root>]`: generates the resolver types in memory, with this repository's
 * codegen.ts, from `<root>/schema` (default: this repository), and compares them with the files under
 * `<root>`; exits 1 naming every stale file. (Jest cannot load graphql-codegen's ESM
 * dependencies, so test/codegen.test.ts runs this script.)
 */
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

async function main() {
  const repo = join(__dirname, '..');
  const root = resolve(process.argv[2] ?? repo);
  const { config } = await loadCodegenConfig({ configFilePath: join(repo, 'codegen.ts') });
  const outputs = await generate({ ...config, cwd: root, silent: true }, false);
  const stale = (outputs as { filename: string; content: string }[])
    .filter((o) => !existsSync(join(root, o.filename)) || readFileSync(join(root, o.filename), 'utf8') !== o.content)
    .map((o) => o.filename);
  if (stale.length > 0) {
    console.error(`Stale generated files (run \`npm run codegen\`):\n${stale.map((f: string) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${outputs.length} generated files are current.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
