/**
 * Citations that resolve: every `docs/upstreams/<platform>.md §N` (and `§N note K`) cited anywhere in the
 * repository names a heading (and a numbered note) that exists in that document, and nothing cites the
 * reference material outside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const DOCS = join(root, 'docs', 'upstreams');

/** Section numbers of a document's headings (`## 3. …`, `### 3.2 …`), with the numbered notes under each. */
function sectionsOf(markdown: string): Map<string, Set<number>> {
  const sections = new Map<string, Set<number>>();
  let current: Set<number> | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,4} (\d+(?:\.\d+)*)\.? /.exec(line);
    if (heading) {
      current = new Set();
      sections.set(heading[1]!, current);
      continue;
    }
    const note = /^(\d+)\. /.exec(line);
    if (note && current) current.add(Number(note[1]));
  }
  return sections;
}

function sourceFiles(): string[] {
  const top = ['README.md', 'CONTRIBUTING.md'].filter((f) => readdirSync(root).includes(f));
  const walked = ['services', 'dev', 'test', 'scripts', 'infra', 'docs'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)),
  );
  return [...top, ...walked].filter(
    (f) => /\.(ts|md|graphql)$/.test(f) && !f.includes('node_modules') && !f.includes('generated'),
  );
}

/** Every citation in the tree: `docs/upstreams/consul.md §3.2`, `… §8 note 16`, `… §2, §8 note 16`. */
function citations() {
  const out: { file: string; doc: string; section: string; note: number | null }[] = [];
  const cite = /upstreams\/(\w+)\.md((?:(?:,|;|,? and)? ?§\d+(?:\.\d+)*(?: notes? \d+(?:(?:, | and )\d+)*)?)+)/g;
  for (const file of sourceFiles()) {
    if (file.startsWith('docs/upstreams/')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(cite)) {
      for (const part of m[2]!.matchAll(/§(\d+(?:\.\d+)*)(?: notes? (\d+(?:(?:, | and )\d+)*))?/g)) {
        const notes = part[2] ? part[2].split(/, | and /).map(Number) : [null];
        for (const note of notes) out.push({ file, doc: m[1]!, section: part[1]!, note });
      }
    }
  }
  // docs/*.md mapping tables: a column headed `docs/upstreams/<platform>.md` holds bare `§N` citations of it.
  for (const file of sourceFiles().filter((f) => f.endsWith('.md'))) {
    let column: { index: number; doc: string } | null = null;
    let previous = '';
    for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
      const cells = line.startsWith('|') ? line.split('|').map((c) => c.trim()) : null;
      if (!cells) column = null;
      else if (!previous.startsWith('|')) {
        const index = cells.findIndex((c) => /^(?:docs\/)?upstreams\/\w+\.md$/.test(c));
        column = index < 0 ? null : { index, doc: /upstreams\/(\w+)\.md/.exec(cells[index]!)![1]! };
      } else if (column) {
        for (const part of (cells[column.index] ?? '').matchAll(/(?<!\.md )§(\d+(?:\.\d+)*)(?: notes? (\d+))?/g)) {
          out.push({ file, doc: column.doc, section: part[1]!, note: part[2] ? Number(part[2]) : null });
        }
      }
      previous = line;
    }
  }
  return out;
}

describe('citations of docs/upstreams/', () => {
  const docs = new Map(
    readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f.replace(/\.md$/, ''), sectionsOf(readFileSync(join(DOCS, f), 'utf8'))]),
  );
  const all = citations();

  it('exist in the tree (the check below would pass on none)', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('each name a section (and note) that its document has', () => {
    const broken = all
      .filter((c) => {
        const sections = docs.get(c.doc)?.get(c.section);
        return !sections || (c.note !== null && !sections.has(c.note));
      })
      .map((c) => `${c.file}: ${c.doc}.md §${c.section}${c.note === null ? '' : ` note ${c.note}`}`);
    expect(broken).toEqual([]);
  });

  it('never point outside the repository, at ../shared/reference', () => {
    const outside = sourceFiles().filter(
      (f) => f !== 'test/upstreams.test.ts' && readFileSync(join(root, f), 'utf8').includes('shared/reference'),
    );
    expect(outside).toEqual([]);
  });

  it("link each document to the platform's public source repository", () => {
    for (const name of docs.keys()) {
      expect(readFileSync(join(DOCS, `${name}.md`), 'utf8')).toMatch(/<https:\/\/github\.com\/[\w-]+\/[\w-]+>/);
    }
  });
});
