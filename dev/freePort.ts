import { createServer } from 'node:net';

/**
 * A loopback port that was free a moment ago: bind port 0, read what the OS gave, release it. Used to
 * start a process on a free port, and by tests as a port where connecting is refused.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
