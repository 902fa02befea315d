import { freePort } from '../../dev/freePort';

/** A loopback port that nothing listens on (it was free a moment ago): connecting to it is refused. */
export const closedPort = freePort;
