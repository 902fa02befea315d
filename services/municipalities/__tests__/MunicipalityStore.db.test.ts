import { ensureRegistry } from '../../core/registry';
import { freshTable, type TestDb } from '../../../test/support/db';
import { aSource } from '../../../test/support/builders';
import { seed } from '../../../test/support/seed';
import { dynamoMunicipalityStore } from '../store/MunicipalityStore';
import { dynamoSourceStore } from '../store/SourceStore';
import type { Municipality } from '../../core/model';

describe('the municipality store on DynamoDB Local', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshTable('municipalities');
    await ensureRegistry(db.doc, db.table);
  });

  it('loads the 342 CBS municipalities once, and not again when they are there', async () => {
    expect(await ensureRegistry(db.doc, db.table)).toEqual({ written: 0 });
    const store = dynamoMunicipalityStore(db);
    const all: Municipality[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof store.list>> = await store.list({}, { first: 100, after });
      all.push(...page.items.map((i) => i.node));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(all).toHaveLength(342);
    expect(new Set(all.map((m) => m.code)).size).toBe(342);
    expect(all[0]!.name).toBe("'s-Gravenhage");
    expect(all.find((m) => m.code === 'GM0363')).toMatchObject({
      name: 'Amsterdam',
      province: { code: 'PV27', name: 'Noord-Holland' },
    });
  });

  it('lists the municipalities of one province, by name', async () => {
    const page = await dynamoMunicipalityStore(db).list({ provinceCode: 'PV21' }, { first: 100, after: null });
    expect(page.items).toHaveLength(18);
    expect(page.hasNextPage).toBe(false);
    const names = page.items.map((i) => i.node.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(page.items.every((i) => i.node.province.name === 'Fryslân')).toBe(true);
  });

  it('looks up many codes in one round trip', async () => {
    const store = dynamoMunicipalityStore(db);
    db.calls.length = 0;
    const found = await Promise.all(['GM0363', 'GM0518', 'GM0599', 'GM9999'].map((c) => store.byCode.load(c)));
    expect(found.map((m) => m?.name ?? null)).toEqual(['Amsterdam', "'s-Gravenhage", 'Rotterdam', null]);
    expect(db.calls).toEqual(['BatchGetItemCommand']);
  });

  it('lists sources by municipality and platform', async () => {
    await seed(db, {
      sources: [
        aSource({ id: 'gm0363-openstad' }),
        aSource({ id: 'gm0363-decidim', platform: 'DECIDIM' }),
        aSource({ id: 'gm0599-decidim', municipalityCode: 'GM0599', platform: 'DECIDIM' }),
      ],
    });
    const store = dynamoSourceStore(db);
    const ids = async (f: Parameters<typeof store.list>[0]) =>
      (await store.list(f, { first: 10, after: null })).items.map((i) => i.node.id);
    expect(await ids({ municipalityCode: 'GM0363' })).toEqual(['gm0363-decidim', 'gm0363-openstad']);
    expect(await ids({ platform: 'DECIDIM' })).toEqual(['gm0363-decidim', 'gm0599-decidim']);
    expect(await ids({ municipalityCode: 'GM0599', platform: 'OPENSTAD' })).toEqual([]);
  });
});
