import { formatMoney, fromWholeUnits } from '../money';

describe('money', () => {
  it.each([
    [30000, { amountMinor: 3_000_000, currency: 'EUR' }],
    ['150000', { amountMinor: 15_000_000, currency: 'EUR' }],
    [0, { amountMinor: 0, currency: 'EUR' }],
  ])('turns whole units %p into minor units', (input, expected) => {
    expect(fromWholeUnits(input)).toEqual(expected);
  });

  it.each([[1.5], ['12,50'], [Number.MAX_SAFE_INTEGER], ['abc'], [NaN]])('refuses %p', (input) => {
    expect(() => fromWholeUnits(input)).toThrow(RangeError);
  });

  it('formats in Dutch without rounding through a float', () => {
    expect(formatMoney({ amountMinor: 3_000_000, currency: 'EUR' })).toBe('€\u00a030.000,00');
    expect(formatMoney({ amountMinor: 900_719_925_474_099, currency: 'EUR' })).toBe('€\u00a09.007.199.254.740,99');
    expect(formatMoney({ amountMinor: -5, currency: 'EUR' })).toBe('€\u00a0-0,05');
  });
});
