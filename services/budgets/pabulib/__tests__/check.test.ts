import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPabulib } from '../check';

/** Real elections, read from ../shared/data (their licence is unstated: never copied into the repository). */
const DATA = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'pabulib');
const files = readdirSync(DATA).filter((f) => f.endsWith('.pb'));
const assen = readFileSync(join(DATA, 'Netherlands_Assen_2024.pb'), 'utf8').replace(/\r\n/g, '\n');

describe("our statement of Pabulib's checker", () => {
  it.each(files)('accepts the published file %s', (name) => {
    expect(checkPabulib(readFileSync(join(DATA, name), 'utf8')).errors).toEqual([]);
  });

  // Each rule, shown to fail: one change to a valid file and the error it must give.
  it.each([
    ['no VOTES section', (t: string) => t.slice(0, t.indexOf('VOTES')), /missing required sections: VOTES/],
    [
      'an unknown META key',
      (t: string) => t.replace('language;nl', 'language;nl\ninspraak_id;x'),
      /not known fields: inspraak_id/,
    ],
    ['no date_begin', (t: string) => t.replace('date_begin;31.03.2024\n', ''), /'date_begin' is required/],
    ['an impossible date', (t: string) => t.replace('31.03.2024', '31.02.2024'), /invalid date_begin/],
    [
      'a num_votes that disagrees with VOTES',
      (t: string) => t.replace('num_votes;84', 'num_votes;85'),
      /votes number in META/,
    ],
    [
      'a num_projects that disagrees',
      (t: string) => t.replace('num_projects;14', 'num_projects;13'),
      /projects number/,
    ],
    [
      'votes that disagree with the ballots',
      (t: string) => t.replace('3;7200;43;', '3;7200;44;'),
      /project 3: votes in PROJECTS 44/,
    ],
    ['an unknown vote_type', (t: string) => t.replace('vote_type;approval', 'vote_type;knapsack'), /invalid vote_type/],
    ['an unknown rule', (t: string) => t.replace('rule;equalshares/add1', 'rule;mes'), /unknown rule value/],
    [
      'a winner the rule does not give',
      (t: string) => t.replace('8;40000;25;Crossbaan in Peelo;0', '8;40000;25;Crossbaan in Peelo;1'),
      /rule not followed/,
    ],
    ['a comment without #1', (t: string) => t.replace('comment;#1: ', 'comment;'), /'#1: ' format/],
    [
      'a vote for a project that is not listed',
      (t: string) => t.replace(/\n(vote[^;]*);1,2,6,9,13\n/, '\n$1;1,2,6,9,99\n'),
      /project 99, which is not in PROJECTS/,
    ],
    [
      'whitespace around a vote separator',
      (t: string) => t.replace(/;1,2,6,9,13\n/, ';1, 2,6,9,13\n'),
      /whitespace around a list separator/,
    ],
    ['a zero budget', (t: string) => t.replace('budget;100000', 'budget;0'), /exceeds the whole budget/],
  ])('refuses %s', (_name, change, error) => {
    const changed = change(assen);
    expect(changed).not.toBe(assen);
    expect(checkPabulib(changed).errors.join('\n')).toMatch(error);
  });

  it('warns when META keys are out of the checker’s order', () => {
    const swapped = assen.replace('country;Netherlands\nunit;Assen', 'unit;Assen\ncountry;Netherlands');
    expect(checkPabulib(swapped)).toEqual({ errors: [], warnings: [expect.stringMatching(/wrong meta fields order/)] });
  });
});
