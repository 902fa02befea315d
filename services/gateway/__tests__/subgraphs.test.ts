/** The subgraph registry, and what is derived from it: the gateway's configuration and data sources. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfigError } from '../../core/errors';
import { subgraphConfigSchema } from '../../core/subgraphConfig';
import { gatewayConfig, gatewayConfigSchema } from '../config';
import { HttpDataSource, InProcessDataSource } from '../dataSources';
import { dataSources, inProcessSubgraphs } from '../gateway';
import { SUBGRAPH_NAMES, SUBGRAPHS } from '../subgraphs';

const root = join(__dirname, '..', '..', '..');
const db = { doc: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' })), table: 'unused' };

describe('the subgraph registry', () => {
  it('names each subgraph once, with its SDL in schema/ and its Lambda entry in its folder', () => {
    expect(new Set(SUBGRAPH_NAMES).size).toBe(SUBGRAPHS.length);
    for (const name of SUBGRAPH_NAMES) {
      expect({ name, sdl: existsSync(join(root, 'schema', `${name}.graphql`)) }).toEqual({ name, sdl: true });
      expect({ name, lambda: existsSync(join(root, 'services', name, 'lambda.ts')) }).toEqual({ name, lambda: true });
    }
  });

  it('holds every SDL file in schema/: none is left out of the supergraph', () => {
    const files = readdirSync(join(root, 'schema'))
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => f.replace(/\.graphql$/, ''));
    expect(files.sort()).toEqual([...SUBGRAPH_NAMES].sort());
  });

  it('lets no two subgraphs, nor a subgraph and the common settings, claim the same variable', () => {
    const common = new Set(Object.keys(subgraphConfigSchema.shape));
    const seen = new Map<string, string>();
    for (const { name, configShape } of SUBGRAPHS) {
      for (const variable of Object.keys(configShape)) {
        expect({ variable, claimedBy: seen.get(variable) ?? (common.has(variable) ? 'common' : name) }).toEqual({
          variable,
          claimedBy: name,
        });
        seen.set(variable, name);
      }
    }
  });

  it("gives each subgraph's Lambda entry the subgraph's own registry entry", () => {
    for (const { name } of SUBGRAPHS) {
      const source = readFileSync(join(root, 'services', name, 'lambda.ts'), 'utf8');
      expect({ name, registered: source.includes(`registeredSubgraphLambda(${name}Subgraph)`) }).toEqual({
        name,
        registered: true,
      });
    }
  });
});

describe("the gateway's configuration", () => {
  it("includes every subgraph's own variables, validated by the subgraph's schema", () => {
    for (const { configShape } of SUBGRAPHS) {
      for (const variable of Object.keys(configShape))
        expect(Object.keys(gatewayConfigSchema.shape)).toContain(variable);
    }
    expect(gatewayConfig({ INSPRAAK_SEARCH_REFRESH_MS: '2500' }).INSPRAAK_SEARCH_REFRESH_MS).toBe(2500);
    expect(() => gatewayConfig({ INSPRAAK_SEARCH_REFRESH_MS: 'soon' })).toThrow(ConfigError);
    expect(() => gatewayConfig({ INSPRAAK_SEARCH_REFRESH_MS: 'soon' })).toThrow(/INSPRAAK_SEARCH_REFRESH_MS/);
  });

  it('accepts a URL for every registered subgraph and names the registered ones when given another', () => {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, `http://127.0.0.1:1/${n}`]));
    expect(gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: JSON.stringify(urls) }).INSPRAAK_SUBGRAPH_URLS).toEqual(urls);
    expect(() => gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: '{"reviews":"http://x/graphql"}' })).toThrow(
      new RegExp(SUBGRAPH_NAMES.join(', ')),
    );
  });
});

describe("the gateway's data sources", () => {
  it('build every registered subgraph in-process, or over HTTP where a URL is given', () => {
    const all = dataSources(db, gatewayConfig({}));
    expect(Object.keys(all)).toEqual([...SUBGRAPH_NAMES]);
    for (const ds of Object.values(all)) expect(ds).toBeInstanceOf(InProcessDataSource);

    const config = gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: '{"search":"http://127.0.0.1:1/graphql"}' });
    const mixed = dataSources(db, config);
    expect(mixed.search).toBeInstanceOf(HttpDataSource);
    expect(inProcessSubgraphs(config)).toEqual(SUBGRAPH_NAMES.filter((n) => n !== 'search'));
  });
});
