/**
 * Source-level failures of a harvest. Any of these ends the harvest of one source (its state becomes
 * FAILING, nothing is written or tombstoned); the other sources go on. Messages are for operators and
 * for `Source.harvest.lastError`: they name the problem, never a credential.
 */
import { InspraakError } from '../core/errors';

/** The installation could not be reached: connection refused, DNS, reset, or no answer in time. */
export class SourceUnavailableError extends InspraakError {
  readonly code = 'SOURCE_UNAVAILABLE';
}

/** The installation answered with an HTTP error status (after retries, where retrying made sense). */
export class UpstreamHttpError extends InspraakError {
  readonly code = 'UPSTREAM_HTTP_ERROR';
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The installation answered something that is not what its API defines: not JSON, or the wrong shape. */
export class UpstreamSchemaError extends InspraakError {
  readonly code = 'UPSTREAM_SCHEMA_ERROR';
}

/** The response was larger than the source's byte cap. */
export class ResponseTooLargeError extends InspraakError {
  readonly code = 'RESPONSE_TOO_LARGE';
}

/** A harvest message names a source that is not in the sources file (an old message, or a wrong file deployed). */
export class UnknownSourceError extends InspraakError {
  readonly code = 'SOURCE_UNKNOWN';
}

/** Paging did not end: a cursor or page came back that was seen before, or the page limit was reached. */
export class PaginationError extends InspraakError {
  readonly code = 'PAGINATION_ERROR';
}
