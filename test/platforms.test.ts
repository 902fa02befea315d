/** The platform registry (services/core/platforms.ts) and every hand-written copy of it agree. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EnumTypeDefinitionNode, Kind, parse } from 'graphql';
import { PLATFORM_KEYS, PLATFORM_REGISTRY } from '../services/core/platforms';
import { PLATFORM_ADAPTERS } from '../services/harvester/adapters';
import { parseSources } from '../services/harvester/config';

const schemaDir = join(__dirname, '..', 'schema');
const sdlFiles = readdirSync(schemaDir).filter((f) => f.endsWith('.graphql'));

function platformEnum(file: string): EnumTypeDefinitionNode | undefined {
  return parse(readFileSync(join(schemaDir, file), 'utf8')).definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Platform',
  );
}

describe('the platform registry', () => {
  const filesWithTheEnum = sdlFiles.filter((f) => platformEnum(f));

  it('is declared as the Platform enum in the schema files', () => {
    expect(filesWithTheEnum.length).toBeGreaterThan(0);
  });

  it.each(filesWithTheEnum)('agrees with the Platform enum of schema/%s: values, order and descriptions', (file) => {
    const values = platformEnum(file)!.values ?? [];
    expect(values.map((v) => ({ value: v.name.value, description: v.description?.value }))).toEqual(
      PLATFORM_REGISTRY.map((p) => ({ value: p.value, description: p.description })),
    );
  });

  it('has one adapter per platform, in its order', () => {
    expect(PLATFORM_ADAPTERS.map((a) => a.platform)).toEqual([...PLATFORM_KEYS]);
  });

  it('gives the sources file one platform per adapter, and nothing else', () => {
    const entry = (platform: string) => ({ id: 'x', municipality: 'GM0363', baseUrl: 'https://x.example', platform });
    for (const key of PLATFORM_KEYS) {
      expect(() => parseSources([entry(key)], 'test')).not.toThrow(/platform:/);
    }
    expect(() => parseSources([entry('cityvoice')], 'test')).toThrow(/sources\[0\] \(x\)\.platform: /);
  });
});
