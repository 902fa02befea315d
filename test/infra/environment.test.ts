/** Function environments are built from the configuration schemas of the processes they configure. */
import { Lazy } from 'aws-cdk-lib';
import { environmentFor } from '../../infra/environment';
import { gatewayConfigSchema } from '../../services/gateway/config';
import { harvesterConfigSchema } from '../../services/harvester/runtime';

describe('a function environment', () => {
  it('holds the values given, for variables the schema reads', () => {
    expect(
      environmentFor(gatewayConfigSchema, { INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000', INSPRAAK_TABLE: 'inspraak' }),
    ).toEqual({ INSPRAAK_SUBGRAPH_TIMEOUT_MS: '5000', INSPRAAK_TABLE: 'inspraak' });
  });

  it('stops synth on a value the process would reject at start, naming the variable', () => {
    expect(() => environmentFor(gatewayConfigSchema, { INSPRAAK_SUBGRAPH_TIMEOUT_MS: '90000' })).toThrow(
      /INSPRAAK_SUBGRAPH_TIMEOUT_MS: expected at most 25000 ms \(got "90000"\)/,
    );
  });

  it('stops synth on a variable the process does not read', () => {
    const values = { INSPRAAK_SOURCES: '/var/task/sources.json' } as never;
    expect(() => environmentFor(gatewayConfigSchema, values)).toThrow(/INSPRAAK_SOURCES: not a variable/);
  });

  it('passes deploy-time tokens unchecked', () => {
    const queueUrl = Lazy.string({ produce: () => 'https://sqs.eu-west-1.amazonaws.com/1/q' });
    expect(environmentFor(harvesterConfigSchema, { INSPRAAK_HARVEST_QUEUE_URL: queueUrl })).toEqual({
      INSPRAAK_HARVEST_QUEUE_URL: queueUrl,
    });
  });
});
