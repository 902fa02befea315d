/**
 * The national registry: the 342 CBS municipalities (services/core/data/municipalities.json, CC0; see
 * data/README.md). `ensureRegistry` writes them to the table when absent or outdated, and is cheap when
 * they are there: it reads one marker item.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import raw from './data/municipalities.json';
import { batchPut } from './dynamo/batchWrite';
import { advanceDataVersion } from './dynamo/dataVersion';
import { municipalityItem } from './dynamo/items';
import type { Municipality } from './model';

const rowSchema = z.object({
  id: z.string().regex(/^GM\d{4}$/),
  name: z.string().min(1),
  province: z.string().min(1),
  province_code: z.string().regex(/^\d{2}$/),
  center: z.object({ lat: z.number(), lon: z.number() }),
});

/** The 342 municipalities, validated, sorted by code. */
export function loadMunicipalities(): Municipality[] {
  return z
    .array(rowSchema)
    .parse(raw)
    .map((r) => ({
      code: r.id,
      name: r.name,
      province: { code: `PV${r.province_code}`, name: r.province },
      centroid: { latitude: r.center.lat, longitude: r.center.lon },
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const MARKER = { pk: 'META#REGISTRY', sk: '#' };

/** The registry's content hash: what the table's marker records, and what re-runs the deploy-time bootstrap. */
export function registryVersion(municipalities: readonly Municipality[] = loadMunicipalities()): string {
  return createHash('sha256').update(JSON.stringify(municipalities)).digest('hex');
}

/** Writes the registry unless the table already holds this exact version. Returns what it did. */
export async function ensureRegistry(doc: DynamoDBDocumentClient, table: string): Promise<{ written: number }> {
  const municipalities = loadMunicipalities();
  const version = registryVersion(municipalities);
  const marker = await doc.send(new GetCommand({ TableName: table, Key: MARKER, ConsistentRead: true }));
  if (marker.Item?.version === version) return { written: 0 };
  await batchPut(
    doc,
    table,
    municipalities.map((m) => municipalityItem(m)),
  );
  await doc.send(new PutCommand({ TableName: table, Item: { ...MARKER, version, count: municipalities.length } }));
  await advanceDataVersion({ doc, table });
  return { written: municipalities.length };
}

/** Province code of every municipality, for writers that index items by province. */
export function provinceIndex(): Map<string, string> {
  return new Map(loadMunicipalities().map((m) => [m.code, m.province.code]));
}
