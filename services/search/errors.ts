/** The search subgraph's expected failures (codes in services/core/errors.ts). */
import { InspraakError } from '../core/errors';

/** A search index snapshot is of an unknown version or cannot be parsed; the index then loads from DynamoDB. */
export class SearchSnapshotError extends InspraakError {
  readonly code = 'SEARCH_SNAPSHOT_INVALID';
}
