/**
 * The invented seed of the simulated Pabulib directory: two finished neighbourhood budgets of Assen,
 * one with its ballots (approval, decided by Equal Shares with Add1 completion as the file states) and
 * one choose-1 vote without a `selected` column. Deterministic: a fixed-seed generator makes the ballots.
 */
import type { PabulibFile } from '../../../services/core/pabulib/parse';
import type { PabulibSeed } from './seedTypes';

/** A small deterministic generator (mulberry32), so that every start serves the same files. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROJECTS = [
  ['Speeltuin Kloosterveen opknappen', 24000, 'Spelen'],
  ['Bankjes langs de Drentsche Aa', 6500, 'Ontmoeten'],
  ['Moestuin bij de Marsdijk', 9000, 'Groen'],
  ['Watertappunt in het Asserbos', 4500, 'Groen'],
  ['Verlichting fietspad Pittelo', 18000, 'Veiligheid'],
  ['Buurtfeest Lariks', 3000, 'Ontmoeten'],
  ['Pannaveld Noorderpark', 15000, 'Spelen'],
  ['Bloembakken in de binnenstad', 5200, 'Groen'],
] as const;

/** An approval election of `voters` invented ballots over the projects above; the most liked are chosen most. */
export function inventedElection(voters: number, seed = 7): PabulibFile {
  const next = random(seed);
  const appeal = PROJECTS.map((_, i) => 0.65 - i * 0.06);
  const ballots: string[][] = [];
  while (ballots.length < voters) {
    const vote = PROJECTS.flatMap((_, i) => (next() < appeal[i]! ? [String(i + 1)] : []));
    if (vote.length >= 2) ballots.push(vote);
  }
  const votes = PROJECTS.map((_, i) => ballots.filter((b) => b.includes(String(i + 1))).length);
  return {
    meta: [
      ['description', 'Buurtbudget Assen-Oost'],
      ['country', 'Netherlands'],
      ['unit', 'Assen'],
      ['instance', '2024'],
      ['num_projects', String(PROJECTS.length)],
      ['num_votes', String(voters)],
      ['budget', '50000'],
      ['vote_type', 'approval'],
      ['rule', 'equalshares/add1'],
      ['date_begin', '01.03.2024'],
      ['date_end', '15.03.2024'],
      ['min_length', '2'],
      ['language', 'nl'],
      ['currency', 'EUR'],
      ['comment', '#1: Invented for the Inspraak simulator; not a real election.'],
    ],
    projects: {
      columns: ['project_id', 'cost', 'votes', 'name', 'category'],
      rows: PROJECTS.map(([name, cost, category], i) => [
        String(i + 1),
        String(cost),
        String(votes[i]),
        name,
        category,
      ]),
    },
    votes: {
      columns: ['voter_id', 'vote'],
      rows: ballots.map((b, i) => [`v${1000 + i}`, b.join(',')]),
    },
  };
}

const choose1: PabulibFile = {
  meta: [
    ['description', 'Buurtbudget Assen-Centrum'],
    ['country', 'Netherlands'],
    ['unit', 'Assen'],
    ['instance', '2023'],
    ['num_projects', '3'],
    ['num_votes', '57'],
    ['budget', '8000'],
    ['vote_type', 'choose-1'],
    ['rule', 'greedy'],
    ['date_begin', '2023'],
    ['date_end', '2023'],
    ['language', 'nl'],
    ['currency', 'EUR'],
  ],
  projects: {
    columns: ['project_id', 'cost', 'votes', 'name', 'category'],
    rows: [
      ['31', '5000', '29', 'Bloementuinen rond de Brink', 'Groen'],
      ['32', '2500', '17', 'Zitplekken bij de bibliotheek', 'Ontmoeten'],
      ['33', '6000', '11', 'Kunst in het Vaart-park', 'Cultuur'],
    ],
  },
  votes: null,
};

export function buildPabulibSeed(): PabulibSeed {
  return {
    municipality: 'GM0106',
    note: 'Invented Assen neighbourhood budgets; not real elections.',
    files: { 'Netherlands_Assen_Oost_2024.pb': inventedElection(120), 'Netherlands_Assen_Centrum_2023.pb': choose1 },
  };
}
