import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePabulib } from '../parse';
import { writePabulib } from '../write';

const DATA = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'pabulib');

describe('the Pabulib writer', () => {
  it.each(readdirSync(DATA).filter((f) => f.endsWith('.pb')))(
    'round-trips %s losslessly: parse → write → parse',
    (name) => {
      const parsed = parsePabulib(readFileSync(join(DATA, name), 'utf8'));
      expect(parsePabulib(writePabulib(parsed))).toEqual(parsed);
    },
  );

  it('quotes only what needs quoting', () => {
    const text = writePabulib({
      meta: [
        ['description', 'Buurtbudget; "Kleine Wereld"'],
        ['budget', '250000'],
      ],
      projects: { columns: ['project_id', 'cost'], rows: [['1', '100']] },
      votes: null,
    });
    expect(text).toBe(
      'META\nkey;value\ndescription;"Buurtbudget; ""Kleine Wereld"""\nbudget;250000\nPROJECTS\nproject_id;cost\n1;100\n',
    );
  });
});
