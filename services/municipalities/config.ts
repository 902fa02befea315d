/** The variables only the municipalities subgraph reads (its registry entry's `configShape`). */
import { millisVar } from '../core/config';
import { DEFAULT_CHANGES_SETTLE_MS } from './context';

export const municipalitiesConfigShape = {
  /** How long a change waits before the change feed lists it (docs/changes.md). */
  INSPRAAK_CHANGES_SETTLE_MS: millisVar(DEFAULT_CHANGES_SETTLE_MS, 3_600_000),
};
