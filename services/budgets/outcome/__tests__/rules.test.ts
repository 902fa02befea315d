import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaValue, parsePabulib, projectRecords } from '../../../core/pabulib/parse';
import { equalShares, equalSharesAdd1 } from '../equalShares';
import { greedyByVotes } from '../greedy';

const DATA = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'pabulib');
const load = (name: string) => parsePabulib(readFileSync(join(DATA, name), 'utf8'));
const files = readdirSync(DATA).filter((f) => f.endsWith('.pb'));

function election(name: string) {
  const file = load(name);
  const projects = projectRecords(file).map((p) => ({
    id: p.project_id!,
    cost: Number(p.cost),
    votes: Number(p.votes),
    selected: p.selected,
  }));
  const voteColumn = file.votes?.columns.indexOf('vote') ?? -1;
  const ballots = (file.votes?.rows ?? []).map((row) => (row[voteColumn] ?? '').split(',').filter(Boolean));
  return { file, projects, ballots, budget: Number(metaValue(file, 'budget')) };
}

describe('greedy by votes', () => {
  it('skips a project that does not fit and funds a cheaper one after it', () => {
    expect(
      greedyByVotes(
        [
          { id: 'a', cost: 60, votes: 9 },
          { id: 'b', cost: 50, votes: 8 },
          { id: 'c', cost: 40, votes: 7 },
        ],
        100,
      ),
    ).toEqual(['a', 'c']);
  });

  it('keeps the given order for ties', () => {
    expect(
      greedyByVotes(
        [
          { id: 'x', cost: 60, votes: 5 },
          { id: 'y', cost: 60, votes: 5 },
        ],
        100,
      ),
    ).toEqual(['x']);
  });

  it('leaves out projects under the threshold', () => {
    expect(
      greedyByVotes(
        [
          { id: 'a', cost: 10, votes: 99 },
          { id: 'b', cost: 10, votes: 3 },
        ],
        100,
        4,
      ),
    ).toEqual(['a']);
  });
});

describe('Equal Shares', () => {
  it('funds what a cohesive minority can pay for', () => {
    // 3 voters: two want A (cost 60), one wants B (cost 30); each has 33.3. A is affordable, B too.
    const e = {
      projects: [
        { id: 'A', cost: 60 },
        { id: 'B', cost: 30 },
      ],
      ballots: [['A'], ['A'], ['B']],
      budget: 100,
    };
    expect(equalShares(e, 'approval').sort()).toEqual(['A', 'B']);
  });
});

describe('outcomes on the real elections in ../shared/data/pabulib', () => {
  it.each(files.filter((f) => load(f).projects.columns.includes('selected')))(
    '%s: the computed outcome equals `selected`',
    (name) => {
      const { file, projects, ballots, budget } = election(name);
      const rule = metaValue(file, 'rule');
      const expected = projects
        .filter((p) => p.selected === '1')
        .map((p) => p.id)
        .sort();
      let computed: string[];
      if (rule === 'equalshares/add1') computed = equalSharesAdd1({ projects, ballots, budget });
      else if (rule === 'greedy-threshold')
        computed = greedyByVotes(projects, budget, Number(metaValue(file, 'min_project_score_threshold') ?? 0));
      else computed = greedyByVotes(projects, budget);
      expect(computed.sort()).toEqual(expected);
    },
  );

  it.each(files.filter((f) => f.startsWith('Netherlands_Amsterdam')))(
    '%s: greedy by votes stays within the budget and skips only what does not fit',
    (name) => {
      const { projects, budget } = election(name);
      const chosen = new Set(greedyByVotes(projects, budget));
      const spent = projects.filter((p) => chosen.has(p.id)).reduce((s, p) => s + p.cost, 0);
      expect(spent).toBeLessThanOrEqual(budget);
      // Every project left out either did not fit when its turn came or had no more votes than a chosen one.
      const byVotes = [...projects].sort((a, b) => b.votes - a.votes);
      let left = budget;
      for (const p of byVotes) {
        if (chosen.has(p.id)) left -= p.cost;
        else expect(p.cost).toBeGreaterThan(left);
      }
    },
  );
});
