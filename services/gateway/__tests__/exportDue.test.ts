import { exportDue, type ExportManifest } from '../exportJob';

const MIN = 60_000;
const manifest = (dataVersion: number, writtenAt: number): ExportManifest => ({
  dataVersion,
  writtenAt: new Date(writtenAt).toISOString(),
  files: {},
  budgetFiles: [],
});
const now = Date.parse('2026-11-30T12:00:00Z');

describe('exportDue', () => {
  it.each([
    ['there is no export yet', { value: 0, changedAt: 0 }, null, 'no export yet'],
    ['the version has not moved', { value: 5, changedAt: now - 60 * MIN }, manifest(5, now - 30 * MIN), null],
    [
      'the version moved and settled',
      { value: 6, changedAt: now - 11 * MIN },
      manifest(5, now - 30 * MIN),
      'the data version moved and has settled',
    ],
    ['a harvest is still writing', { value: 6, changedAt: now - 1 * MIN }, manifest(5, now - 30 * MIN), null],
    [
      'a harvest keeps writing past the interval',
      { value: 9, changedAt: now - 1 * MIN },
      manifest(5, now - 61 * MIN),
      'the data version keeps moving and the export is old',
    ],
  ])('when %s', (_name, version, last, expected) => {
    expect(exportDue(version, last, now, 10 * MIN, 60 * MIN)).toBe(expected);
  });
});
