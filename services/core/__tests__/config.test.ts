import { ConfigError } from '../errors';
import { gatewayConfig } from '../../gateway/config';

describe('gateway configuration', () => {
  it('has working defaults', () => {
    expect(gatewayConfig({})).toMatchObject({
      PORT: 4000,
      INSPRAAK_TABLE: 'inspraak',
      INSPRAAK_SUBGRAPH_TIMEOUT_MS: 5000,
    });
  });

  it('names every bad variable and what it expected', () => {
    let error: unknown;
    try {
      gatewayConfig({ PORT: 'eighty', INSPRAAK_SUBGRAPH_TIMEOUT_MS: '60000', DYNAMODB_ENDPOINT: 'localhost:8000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: expected a port number \(got "eighty"\)/);
    expect(message).toMatch(/INSPRAAK_SUBGRAPH_TIMEOUT_MS: expected at most 25000 ms/);
    expect(message).toMatch(/DYNAMODB_ENDPOINT: expected an http\(s\) URL/);
  });

  it('refuses subgraph URLs for subgraphs that do not exist', () => {
    expect(() => gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: '{"reviews":"http://localhost:4005/graphql"}' })).toThrow(
      /INSPRAAK_SUBGRAPH_URLS/,
    );
    expect(() => gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: 'not json' })).toThrow(/JSON object/);
    expect(
      gatewayConfig({ INSPRAAK_SUBGRAPH_URLS: '{"proposals":"http://127.0.0.1:4002/graphql"}' }).INSPRAAK_SUBGRAPH_URLS,
    ).toEqual({ proposals: 'http://127.0.0.1:4002/graphql' });
  });
});
