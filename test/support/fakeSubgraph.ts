/** A stand-in for a subgraph that answers every request with `handler`, for fault injection. */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts it on a free port; resolves to its /graphql URL and registers its closing in `closers`. */
export function startFakeSubgraph(
  handler: (res: ServerResponse) => void,
  closers: (() => Promise<void>)[],
): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(res));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      closers.push(async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      });
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    }),
  );
}
