/**
 * Counts DynamoDB round trips per unit of work (a gateway request) without threading a counter through
 * every store: the count lives in an AsyncLocalStorage that `createDynamo`'s clients increment on each
 * command they send.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RoundTripCounter {
  count: number;
}

const current = new AsyncLocalStorage<RoundTripCounter>();

/** Runs `fn`, counting into `counter` every DynamoDB command sent by it and by what it awaits. */
export function countingRoundTrips<T>(counter: RoundTripCounter, fn: () => T): T {
  return current.run(counter, fn);
}

/** Called by the clients' middleware for each command sent. */
export function noteRoundTrip(): void {
  const counter = current.getStore();
  if (counter) counter.count++;
}
