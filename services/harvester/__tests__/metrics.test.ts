import { harvestAgeMetric, harvestAgeSeconds, NEVER_SUCCEEDED_SECONDS } from '../metrics';

describe('the harvest age metric', () => {
  const now = new Date('2026-11-27T12:00:00.000Z');

  it('is the time since the last success, 0 right after one', () => {
    expect(harvestAgeSeconds({ lastSuccessAt: '2026-11-27T12:00:00.000Z' }, now)).toBe(0);
    expect(harvestAgeSeconds({ lastSuccessAt: '2026-11-26T12:00:00.000Z' }, now)).toBe(86_400);
    expect(harvestAgeSeconds({ lastSuccessAt: null }, now)).toBe(NEVER_SUCCEEDED_SECONDS);
  });

  it('is written in CloudWatch embedded metric format with a per-source and an overall series', () => {
    const line = JSON.parse(
      harvestAgeMetric({ sourceId: 'gm0363-openstad', lastSuccessAt: '2026-11-27T11:00:00.000Z' }, now),
    );
    expect(line).toMatchObject({
      _aws: {
        Timestamp: now.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'Inspraak',
            Dimensions: [[], ['SourceId']],
            Metrics: [{ Name: 'HarvestAgeSeconds', Unit: 'Seconds' }],
          },
        ],
      },
      SourceId: 'gm0363-openstad',
      HarvestAgeSeconds: 3600,
    });
  });
});
