/**
 * `npm run bench:search [-- --items 100000 --runs 200 --dynamo]`: measures the search engines on
 * 100,000 generated Dutch items across the 342 municipalities. Orama and MiniSearch (our adapter) are
 * each built in a fresh child process (build time, heap and RSS growth, p50/p95 of five query shapes),
 * then each index's time to ready from a snapshot file is measured in another fresh process.
 * With --dynamo it also seeds DynamoDB Local and measures a load of the index from DynamoDB.
 * Prints a table; figures are in docs/search.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BudgetProject, PLATFORMS, type Proposal, type ProposalStatus } from '../services/core/model';
import { loadMunicipalities } from '../services/core/registry';
import {
  municipalityDirectory,
  projectDocument,
  proposalDocument,
  type SearchDocument,
} from '../services/search/documents';
import type { SearchRequest } from '../services/search/engine/SearchEngine';
import { queryWords } from '../services/search/text/analyse';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 100_000);
const RUNS = arg('runs', 200);
const ENGINES = (() => {
  const i = argv.indexOf('--engines');
  return i >= 0 ? argv[i + 1]!.split(',') : null;
})();

// ---------------------------------------------------------------- data
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const THEMES = [
  'Groen',
  'Verkeer',
  'Spelen',
  'Sport',
  'Cultuur',
  'Duurzaamheid',
  'Veiligheid',
  'Zorg',
  'Onderwijs',
  'Wonen',
  'Horeca',
  'Water',
];
const THINGS: [string, string, string][] = [
  ['speeltuin', 'Spelen', 'playground'],
  ['fietsenstalling', 'Verkeer', 'bicycle parking'],
  ['zebrapad', 'Verkeer', 'pedestrian crossing'],
  ['moestuin', 'Groen', 'vegetable garden'],
  ['bomenrij', 'Groen', 'row of trees'],
  ['geveltuinen', 'Groen', 'facade gardens'],
  ['bankjes', 'Groen', 'benches'],
  ['laadpalen', 'Duurzaamheid', 'charging points'],
  ['zonnepanelen', 'Duurzaamheid', 'solar panels'],
  ['straatverlichting', 'Veiligheid', 'street lighting'],
  ['trapveldje', 'Sport', 'football pitch'],
  ['skatebaan', 'Sport', 'skate park'],
  ['buurthuis', 'Cultuur', 'community centre'],
  ['bibliotheek', 'Cultuur', 'library'],
  ['watertappunt', 'Water', 'drinking fountain'],
  ['hondenuitlaatplaats', 'Groen', 'dog walking area'],
  ['parkeerplaatsen', 'Verkeer', 'parking spaces'],
  ['fietspad', 'Verkeer', 'cycle path'],
  ['schoolplein', 'Onderwijs', 'schoolyard'],
  ['terras', 'Horeca', 'terrace'],
  ['café', 'Horeca', 'café'],
  ['wadi', 'Water', 'rain garden'],
  ['ontmoetingsplek', 'Zorg', 'meeting place'],
  ['jongerencentrum', 'Cultuur', 'youth centre'],
  ['kunstwerk', 'Cultuur', 'artwork'],
];
const VERBS = ['Nieuwe', 'Meer', 'Betere', 'Veilige', 'Groene', 'Grotere', 'Overdekte', 'Extra'];
const PLACES = [
  'bij het station',
  'in het park',
  'op het plein',
  'aan de kade',
  'bij de school',
  'in de wijk',
  'langs de dijk',
  'bij het winkelcentrum',
  'in het centrum',
  'aan de rand van het dorp',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Julianalaan',
  'Wilhelminastraat',
  'Beatrixlaan',
  'Hoofdstraat',
  'Markt',
];
const FILL = [
  'Buurtbewoners',
  'willen',
  'graag',
  'dat',
  'de',
  'gemeente',
  'zorgt',
  'voor',
  'een',
  'prettige',
  'leefomgeving',
  'waar',
  'kinderen',
  'veilig',
  'kunnen',
  'spelen',
  'en',
  'ouderen',
  'elkaar',
  'ontmoeten',
  'Dit',
  'voorstel',
  'kost',
  'weinig',
  'en',
  'levert',
  'veel',
  'op',
  'voor',
  'iedereen',
  'in',
  'de',
  'buurt',
  'ook',
  'voor',
  'ondernemers',
  'en',
  'bezoekers',
];
const STATUSES: ProposalStatus[] = [
  'OPEN',
  'OPEN',
  'OPEN',
  'UNDER_REVIEW',
  'SHORTLISTED',
  'ACCEPTED',
  'REJECTED',
  'IN_PROGRESS',
  'COMPLETED',
  'CLOSED',
];

const municipalities = loadMunicipalities();
const directory = municipalityDirectory(municipalities);
const sentence = (n: number) => Array.from({ length: n }, () => pick(FILL)).join(' ');
const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2018, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;

function generate(n: number): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < n; i++) {
    const m = pick(municipalities);
    const platform = PLATFORMS[m.code.charCodeAt(5) % PLATFORMS.length]!;
    const [thing, theme, english] = pick(THINGS);
    const title = `${pick(VERBS)} ${thing} ${pick(PLACES)}`;
    const body = `${title} aan de ${pick(STREETS)}. ${sentence(25 + Math.floor(rand() * 60))}.`;
    const point =
      rand() < 0.5
        ? {
            latitude: m.centroid.latitude + (rand() - 0.5) * 0.08,
            longitude: m.centroid.longitude + (rand() - 0.5) * 0.12,
          }
        : null;
    const sourceId = `${m.code.toLowerCase()}-${platform.toLowerCase()}`;
    const provenance = {
      sourceId,
      platform,
      upstreamId: String(i),
      upstreamReference: null,
      harvestedAt: '2026-01-01T00:00:00.000Z',
    };
    const tags = [
      { name: theme, kind: 'THEME' as const },
      ...(rand() < 0.3 ? [{ name: pick(THEMES), kind: 'THEME' as const }] : []),
    ];
    if (i % 5 !== 4) {
      const created = iso(START + rand() * SPAN);
      const en = platform === 'DECIDIM' || rand() < 0.1;
      const p: Proposal = {
        id: `${sourceId}:proposal:${i}`,
        municipalityCode: m.code,
        title,
        summary: rand() < 0.3 ? sentence(12) : null,
        body: { html: '', text: body },
        locale: 'nl',
        translations: en
          ? [
              {
                locale: 'en',
                title: `More ${english} ${pick(['near the station', 'in the park', 'on the square'])}`,
                summary: null,
                body: { html: '', text: `Residents would like ${english} in their neighbourhood.` },
                machineTranslated: true,
              },
            ]
          : [],
        status: pick(STATUSES),
        platformStatus: null,
        supportCount: rand() < 0.15 ? null : Math.floor(rand() ** 3 * 2000),
        opposeCount: null,
        commentCount: null,
        createdAt: created,
        publishedAt: created,
        updatedAt: null,
        tags,
        area: null,
        location: point && { point, address: null },
        images: [],
        url: null,
        provenance,
        removedAt: null,
      };
      docs.push(proposalDocument(p, directory));
    } else {
      const p: BudgetProject = {
        id: `${sourceId}:project:${i}`,
        budgetId: `${sourceId}:budget:${i % 40}`,
        municipalityCode: m.code,
        position: i % 30,
        title,
        description: { html: '', text: body },
        cost: { amountMinor: Math.floor(rand() * 5_000_000), currency: 'EUR' },
        voteCount: rand() < 0.2 ? null : Math.floor(rand() * 500),
        selected: null,
        platformStatus: null,
        tags,
        location: point && { point, address: null },
        images: [],
        proposalId: null,
        url: null,
        provenance,
        removedAt: null,
      };
      docs.push(projectDocument(p, directory, iso(START + rand() * SPAN)));
    }
  }
  return docs;
}

// ---------------------------------------------------------------- query shapes
type Shape = { name: string; make: () => { query: string; filter: Filter } };
interface Filter {
  provinces?: string[];
  statuses?: string[];
  near?: { latitude: number; longitude: number; radiusKm: number };
}
const ONE = [
  'speeltuin',
  'fietsenstalling',
  'bomenrij',
  'laadpalen',
  'buurthuis',
  'skatebaan',
  'zebrapad',
  'moestuin',
  'bibliotheek',
  'cafe',
];
const PHRASES = [
  'groene speeltuin in het park',
  'veilige fietspad bij de school',
  'meer laadpalen op het plein',
  'overdekte fietsenstalling bij het station',
  'nieuwe bankjes aan de kade',
];
const TYPOS = [
  'speeltuim',
  'fietsenstaling',
  'parkeerplaasten',
  'bibliotheak',
  'zonnepanlen',
  'skatebann',
  'geveltuinne',
];
const PROVINCES = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'];
const shapes: Shape[] = [
  { name: 'one word', make: () => ({ query: pick(ONE), filter: {} }) },
  { name: 'phrase', make: () => ({ query: pick(PHRASES), filter: {} }) },
  { name: 'typo', make: () => ({ query: pick(TYPOS), filter: {} }) },
  {
    name: 'facets only',
    make: () => ({ query: '', filter: { provinces: [pick(PROVINCES)], statuses: ['OPEN', 'ACCEPTED'] } }),
  },
  {
    name: 'geo + text',
    make: () => ({ query: pick(ONE), filter: { near: { ...pick(municipalities).centroid, radiusKm: 15 } } }),
  },
];

// ---------------------------------------------------------------- engines (each behind one small interface here)
interface Bench {
  build(docs: SearchDocument[]): void;
  query(q: { query: string; filter: Filter }): number;
  save(path: string): void;
  restore(path: string): void;
}

/** One of our SearchEngine implementations, through the port (everything a request does but GraphQL). */
function engineBench(factory: () => import('../services/search/engine/SearchEngine').SearchEngineFactory): Bench {
  const engines = factory();
  let engine = engines.create();
  return {
    build: (docs) => engine.upsert(docs),
    query: ({ query, filter }) => engine.search(requestOf(query, filter)).total,
    save: (path) => writeFileSync(path, engine.serialize()),
    restore: (path) => {
      engine = engines.restore(readFileSync(path));
    },
  };
}

function requestOf(query: string, filter: Filter, limit = 20): SearchRequest {
  return {
    words: queryWords(query),
    order: 'RELEVANCE',
    after: null,
    limit,
    facets: true,
    criteria: {
      ...(filter.provinces && { provinces: filter.provinces }),
      ...(filter.statuses && { statuses: filter.statuses as ProposalStatus[] }),
      ...(filter.near && { near: { center: filter.near, radiusKm: filter.near.radiusKm } }),
    },
  };
}

function oramaBench(): Bench {
  const orama = require('@orama/orama') as typeof import('@orama/orama');
  const { stemmer } = require('@orama/stemmers/dutch') as typeof import('@orama/stemmers/dutch');
  const { stopwords } = require('@orama/stopwords/dutch') as typeof import('@orama/stopwords/dutch');
  const schema = {
    title: 'string',
    body: 'string',
    en: 'string',
    municipality: 'enum',
    province: 'enum',
    platform: 'enum',
    kind: 'enum',
    status: 'enum',
    tags: 'enum[]',
    year: 'enum',
    support: 'number',
    location: 'geopoint',
  } as const;
  const make = () =>
    orama.create({ schema, components: { tokenizer: { stemming: true, stemmer, stopWords: stopwords } } });
  let db = make();
  const facets = { municipality: {}, province: {}, platform: {}, kind: {}, status: {}, tags: {}, year: {} };
  return {
    build: (docs) => {
      for (const d of docs) {
        orama.insert(db, {
          id: d.id,
          title: d.texts
            .filter((t) => t.field === 'TITLE' && t.locale === 'nl')
            .map((t) => t.text)
            .join(' '),
          body: d.texts
            .filter((t) => t.field !== 'TITLE' && t.locale === 'nl')
            .map((t) => t.text)
            .join(' '),
          en: d.texts
            .filter((t) => t.locale === 'en')
            .map((t) => t.text)
            .join(' '),
          municipality: d.municipalityCode,
          province: d.provinceCode,
          platform: d.platform,
          kind: d.kind,
          status: d.status ?? 'NONE',
          tags: d.tags.map((t) => t.key),
          year: d.date?.slice(0, 4) ?? 'NONE',
          support: d.support ?? -1,
          location: { lat: d.latitude, lon: d.longitude },
        } as never);
      }
    },
    query: ({ query, filter }) => {
      const where: Record<string, unknown> = {};
      if (filter.provinces) where.province = { in: filter.provinces };
      if (filter.statuses) where.status = { in: filter.statuses };
      if (filter.near)
        where.location = {
          radius: {
            coordinates: { lat: filter.near.latitude, lon: filter.near.longitude },
            unit: 'km',
            value: filter.near.radiusKm,
            inside: true,
          },
        };
      const r = orama.search(db, {
        term: query,
        properties: ['title', 'body', 'en'],
        boost: { title: 3 },
        tolerance: 1,
        limit: 20,
        facets: facets as never,
        ...(Object.keys(where).length > 0 && { where: where as never }),
      }) as { count: number };
      return r.count;
    },
    save: (path) => writeFileSync(path, JSON.stringify(orama.save(db))),
    restore: (path) => {
      db = make();
      orama.load(db, JSON.parse(readFileSync(path, 'utf8')));
    },
  };
}

const benches: Record<string, () => Bench> = {
  postings: () =>
    engineBench(
      () =>
        (
          require('../services/search/engine/postingsEngine') as typeof import('../services/search/engine/postingsEngine')
        ).postingsEngines,
    ),
  minisearch: () =>
    engineBench(
      () =>
        (
          require('../services/search/engine/miniSearchEngine') as typeof import('../services/search/engine/miniSearchEngine')
        ).miniSearchEngines,
    ),
  orama: oramaBench,
};
/** The engine `subgraph.ts` ships; the others are measured against it. */
const SHIPPED = 'postings';

// ---------------------------------------------------------------- child processes
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function childBuild(engine: string, docsPath: string, snapshotPath: string) {
  const docs = JSON.parse(readFileSync(docsPath, 'utf8')) as SearchDocument[];
  const bench = benches[engine]!();
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  bench.build(docs);
  const buildMs = performance.now() - t0;
  global.gc?.();
  const heapMb = mb(process.memoryUsage().heapUsed - heap0);
  const rssMb = mb(process.memoryUsage().rss - rss0);
  const queries: Record<string, { p50: number; p95: number; hits: number; runs: number }> = {};
  for (const shape of shapes) {
    bench.query(shape.make()); // warm-up
    const times: number[] = [];
    let hits = 0;
    // RUNS runs, unless a shape is so slow that they would take more than a minute (then at least 3).
    const budget = performance.now() + 60_000;
    for (let i = 0; i < RUNS && (i < 3 || performance.now() < budget); i++) {
      const q = shape.make();
      const s = performance.now();
      hits += bench.query(q);
      times.push(performance.now() - s);
    }
    queries[shape.name] = {
      p50: pct(times, 50),
      p95: pct(times, 95),
      hits: Math.round(hits / times.length),
      runs: times.length,
    };
  }
  bench.save(snapshotPath);
  console.log(JSON.stringify({ buildMs, heapMb, rssMb, queries, snapshotMb: mb(statSync(snapshotPath).size) }));
}

function childReady(engine: string, snapshotPath: string, startedAt: number) {
  // Time from spawning this process: Node start, module loading, reading and restoring, first query.
  const bench = benches[engine]!();
  bench.restore(snapshotPath);
  bench.query({ query: 'speeltuin', filter: {} });
  console.log(JSON.stringify({ readyMs: Date.now() - startedAt, rssMb: mb(process.memoryUsage().rss) }));
}

async function childDynamo(docsPath: string) {
  const { startDynamoLocal } = require('../dev/dynamoLocal') as typeof import('../dev/dynamoLocal');
  const { createDynamo } = require('../services/core/dynamo/client') as typeof import('../services/core/dynamo/client');
  const { ensureTable } = require('../services/core/dynamo/table') as typeof import('../services/core/dynamo/table');
  const { batchPut } =
    require('../services/core/dynamo/batchWrite') as typeof import('../services/core/dynamo/batchWrite');
  const { proposalItem } = require('../services/core/dynamo/items') as typeof import('../services/core/dynamo/items');
  const { searchIndexOver } = require('../services/search/subgraph') as typeof import('../services/search/subgraph');
  const docs = JSON.parse(readFileSync(docsPath, 'utf8')) as SearchDocument[];
  const ddb = await startDynamoLocal();
  try {
    const { raw, doc } = createDynamo({ region: 'eu-west-1', endpoint: ddb.endpoint });
    await ensureTable(raw, 'bench');
    // Proposals only, rebuilt from the documents: what matters is the bytes read per item.
    const items = docs.map((d, i) =>
      proposalItem(
        {
          id: d.id.replace(':project:', ':proposal:'),
          municipalityCode: d.municipalityCode,
          title: d.texts[0]!.text,
          summary: null,
          body: { html: `<p>${d.texts[1]?.text ?? ''}</p>`, text: d.texts[1]?.text ?? '' },
          locale: 'nl',
          translations: [],
          status: d.status ?? 'OPEN',
          platformStatus: null,
          supportCount: d.support,
          opposeCount: null,
          commentCount: null,
          createdAt: d.date,
          publishedAt: d.date,
          updatedAt: null,
          tags: d.tags.map((t) => ({ name: t.label, kind: 'THEME' as const })),
          area: null,
          location: null,
          images: [],
          url: null,
          removedAt: null,
          provenance: {
            sourceId: 'bench',
            platform: d.platform,
            upstreamId: String(i),
            upstreamReference: null,
            harvestedAt: '2026-01-01T00:00:00.000Z',
          },
        },
        d.provinceCode,
      ),
    );
    const s = performance.now();
    for (let i = 0; i < items.length; i += 2500)
      await Promise.all(
        Array.from({ length: 4 }, (_, k) => batchPut(doc, 'bench', items.slice(i + k * 625, i + (k + 1) * 625))),
      );
    const seedMs = performance.now() - s;
    const t0 = performance.now();
    const index = searchIndexOver({ doc, table: 'bench' });
    const engine = await index.load();
    console.log(JSON.stringify({ seedMs, loadMs: performance.now() - t0, items: engine.size }));
  } finally {
    await ddb.stop();
  }
}

// ---------------------------------------------------------------- main
function runChild(args: string[]): any {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', __filename, ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function main() {
  if (argv[0] === '--child-build') return childBuild(argv[1]!, argv[2]!, argv[3]!);
  if (argv[0] === '--child-ready') return childReady(argv[1]!, argv[2]!, Number(argv[3]));
  if (argv[0] === '--child-dynamo') return childDynamo(argv[1]!);

  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  try {
    const t0 = performance.now();
    const docs = generate(ITEMS);
    const docsPath = join(dir, 'docs.json');
    writeFileSync(docsPath, JSON.stringify(docs));
    const en = docs.filter((d) => d.texts.some((t) => t.locale === 'en')).length;
    console.log(
      `${ITEMS} items (${docs.filter((d) => d.kind === 'PROPOSAL').length} proposals, ${docs.filter((d) => d.kind === 'BUDGET_PROJECT').length} projects, ${en} with English) across ${municipalities.length} municipalities, generated in ${Math.round(performance.now() - t0)} ms; ${RUNS} runs per query shape; Node ${process.version}, ${require('node:os').cpus().length} cores\n`,
    );
    const rows: string[][] = [];
    for (const engine of ENGINES ?? [SHIPPED, 'minisearch']) {
      const snapshot = join(dir, `${engine}.snapshot`);
      const b = runChild(['--child-build', engine, docsPath, snapshot]);
      const readies = Array.from({ length: 3 }, () =>
        runChild(['--child-ready', engine, snapshot, String(Date.now())]),
      );
      const ready = readies.map((r) => r.readyMs).sort((x, y) => x - y)[1];
      rows.push([
        engine,
        `${Math.round(b.buildMs)} ms`,
        `${b.heapMb} MB`,
        `${b.rssMb} MB`,
        ...shapes.map(
          (s) =>
            `${b.queries[s.name].p50.toFixed(1)} / ${b.queries[s.name].p95.toFixed(1)}${b.queries[s.name].runs < RUNS ? ` (${b.queries[s.name].runs} runs)` : ''}`,
        ),
        `${b.snapshotMb} MB`,
        `${ready} ms`,
      ]);
      console.error(
        `${engine}: average hits per shape`,
        Object.fromEntries(shapes.map((s) => [s.name, b.queries[s.name].hits])),
      );
    }
    const header = [
      'engine',
      'build',
      'heap',
      'RSS',
      ...shapes.map((s) => `${s.name} p50/p95 ms`),
      'snapshot',
      'ready from snapshot',
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
    if (argv.includes('--dynamo')) {
      const d = runChild(['--child-dynamo', docsPath]);
      console.log(
        `\nDynamoDB Local: seeded ${d.items} items in ${Math.round(d.seedMs)} ms; load of the index from DynamoDB (paged Query on byKind, validate, index): ${Math.round(d.loadMs)} ms`,
      );
    }
  } finally {
    if (argv.includes('--keep')) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
