import { pabulibDates } from '../../budgets/pabulib/fromBudget';
import { DUTCH_TIME_ZONE, dayInstant, localDay } from '../days';

describe('days in the Netherlands', () => {
  it.each([
    // winter time (CET, +01:00) and summer time (CEST, +02:00), and the night the clocks go forward
    ['2025-01-15', '2025-01-14T23:00:00.000Z', '2025-01-15T22:59:59.999Z'],
    ['2025-07-01', '2025-06-30T22:00:00.000Z', '2025-07-01T21:59:59.999Z'],
    ['2024-03-31', '2024-03-30T23:00:00.000Z', '2024-03-31T21:59:59.999Z'],
  ])('%s runs from %s to %s', (day, start, end) => {
    expect(dayInstant(day, 'start', DUTCH_TIME_ZONE)).toBe(start);
    expect(dayInstant(day, 'end', DUTCH_TIME_ZONE)).toBe(end);
    expect(localDay(start, DUTCH_TIME_ZONE)).toBe(day);
    expect(localDay(end, DUTCH_TIME_ZONE)).toBe(day);
  });

  it('reads a value that is not a bare day as an instant, and nothing as null', () => {
    expect(dayInstant('2025-03-04T17:00:00+01:00', 'start', DUTCH_TIME_ZONE)).toBe('2025-03-04T16:00:00.000Z');
    expect(dayInstant(null, 'end', DUTCH_TIME_ZONE)).toBeNull();
  });

  it('writes a vote that opens at midnight in Amsterdam as that day in a .pb file, not the UTC day before', () => {
    const period = { start: '2026-03-31T22:00:00.000Z', end: '2026-04-30T21:59:59.999Z' };
    expect(pabulibDates(period)).toEqual(['01.04.2026', '30.04.2026']);
  });

  it('writes a period of whole Dutch years as years, and anything else as days', () => {
    const years = {
      start: dayInstant('2020-01-01', 'start', DUTCH_TIME_ZONE),
      end: dayInstant('2021-12-31', 'end', DUTCH_TIME_ZONE),
    };
    expect(pabulibDates(years)).toEqual(['2020', '2021']);
    expect(pabulibDates({ start: '2020-01-01T00:00:00.000Z', end: null })).toEqual(['01.01.2020', undefined]);
    expect(pabulibDates(null)).toEqual([undefined, undefined]);
  });
});
