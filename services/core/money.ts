/** Money is integer minor units plus an ISO 4217 currency everywhere; never a float. */
import type { Money } from './model';

/**
 * Converts a whole-unit amount as the platforms publish it (CONSUL `price`, Decidim `budget_amount`,
 * OpenStad `budget`: whole euros) into Money. Throws on anything that is not a safe whole number.
 */
export function fromWholeUnits(amount: number | string, currency = 'EUR'): Money {
  const n = typeof amount === 'string' ? Number(amount.trim()) : amount;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(n * 100)) {
    throw new RangeError(`not a whole currency amount: ${String(amount).slice(0, 40)}`);
  }
  return { amountMinor: n * 100, currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats Money in Dutch, e.g. `€ 30.000,00`, without passing through a float of the whole amount. */
export function formatMoney(m: Money): string {
  let f = formatters.get(m.currency);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: m.currency });
    formatters.set(m.currency, f);
  }
  const sign = m.amountMinor < 0 ? -1n : 1n;
  const abs = BigInt(m.amountMinor) * sign;
  // Intl accepts a decimal string exactly, so no float ever holds the amount.
  const decimal = `${sign < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return f.format(decimal as unknown as number);
}
