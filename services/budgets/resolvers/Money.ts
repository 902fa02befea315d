import { formatMoney } from '../../core/money';
import type { MoneyResolvers } from '../generated/resolvers';

export const Money: MoneyResolvers = {
  formatted: (m) => formatMoney(m),
};
