/**
 * The typed client's example, runnable against any Inspraak gateway (by default `npm start`'s):
 *
 *   npm start                     # in one terminal
 *   npm run example:client        # in another; or: npm run example:client -- https://…/graphql GM0363
 *
 * It prints a municipality's budgets with their outcomes (which projects win, what is left), then pages
 * the change feed from the start to now and prints how many changes of each kind it read and the cursor
 * to resume from. The URL is the first argument, else INSPRAAK_URL, else http://localhost:4000/graphql;
 * the municipality code the second (default GM0518, Den Haag, whose sandbox budget has an outcome).
 */
import { MunicipalityBudgetsDocument } from './generated/graphql';
import { inspraakClient } from './inspraakClient';

export interface ExampleRun {
  municipality: string | null;
  budgets: { title: string; winners: string[] | null; remaining: string | null }[];
  changes: Record<string, number>;
  resumeFrom: string | null;
}

/** Runs the example against `url`, writing what it reads to `print`; resolves to the same, as data. */
export async function runExample(
  url: string,
  code = 'GM0518',
  print: (line: string) => void = console.log,
): Promise<ExampleRun> {
  const client = inspraakClient(url);
  const { municipality } = await client.request(MunicipalityBudgetsDocument, { code });
  const run: ExampleRun = { municipality: municipality?.name ?? null, budgets: [], changes: {}, resumeFrom: null };
  print(`${municipality?.name ?? code}: ${municipality?.budgets?.edges.length ?? 0} budget(s)`);
  for (const { node: b } of municipality?.budgets?.edges ?? []) {
    const winners = b.outcome?.selected.map((p) => p.title) ?? null;
    print(`  ${b.title} (${b.phase}, ${b.total?.formatted ?? 'no total published'})`);
    if (b.outcome) {
      print(`    ${b.outcome.provisional ? 'provisional ' : ''}winners (${b.outcome.rule}, from ${b.outcome.basis}):`);
      for (const p of b.outcome.selected)
        print(`      - ${p.title}${p.voteCount === null ? '' : ` (${p.voteCount} votes)`}`);
      print(`    left over: ${b.outcome.remaining?.formatted ?? 'unknown'}`);
    } else {
      print(`    no outcome: ${b.outcomeUnavailable?.message ?? 'unknown'}`);
    }
    run.budgets.push({ title: b.title, winners, remaining: b.outcome?.remaining?.formatted ?? null });
  }
  for await (const change of client.changes()) {
    run.changes[change.kind] = (run.changes[change.kind] ?? 0) + 1;
    run.resumeFrom = change.cursor;
  }
  const counted = Object.entries(run.changes).map(([kind, n]) => `${n} ${kind}`);
  print(`Change feed: ${counted.length ? counted.join(', ') : 'nothing settled yet (changes show after a minute)'}`);
  print(`Resume from: ${run.resumeFrom ?? '(the start)'}`);
  return run;
}

if (require.main === module) {
  const url = process.argv[2] ?? process.env.INSPRAAK_URL ?? 'http://localhost:4000/graphql';
  runExample(url, process.argv[3]).catch((e: Error) => {
    console.error(`The example failed against ${url}: ${e.message}`);
    console.error('Is the gateway running? Start it with `npm start`.');
    process.exit(1);
  });
}
