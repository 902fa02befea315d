import { startSimServer, type SimServer } from '../../../../dev/simulators/simServer';
import {
  PaginationError,
  ResponseTooLargeError,
  SourceUnavailableError,
  UpstreamHttpError,
  UpstreamSchemaError,
} from '../../errors';
import { pageGuard, parseRetryAfter, PoliteHttpClient } from '../HttpClient';

/**
 * Runs `work` on jest's fake clock: the client's timers (its rate limiter, its backoff and Retry-After
 * waits) and Date.now() are fake. The clock moves on in 10 ms steps, between which pending promises get
 * their turn, so a wait of a second takes no second.
 */
async function onFakeClock<T>(work: () => Promise<T>): Promise<{ value: T; elapsedMs: number }> {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask'] });
  try {
    const started = Date.now();
    let settled = false;
    const running = work().finally(() => {
      settled = true;
    });
    running.catch(() => undefined);
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      await jest.advanceTimersByTimeAsync(10);
    }
    const value = await running;
    return { value, elapsedMs: Date.now() - started };
  } finally {
    jest.useRealTimers();
  }
}

// The installation is simulated in-process (simServer's `fetch`): no socket, the same answers and faults.
describe('the polite HTTP client', () => {
  let sim: SimServer;
  let inFlight = 0;
  let maxInFlight = 0;
  beforeAll(async () => {
    sim = await startSimServer(
      async (req) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return {
          status: req.path === '/missing' ? 404 : 200,
          json: { path: req.path, q: req.query.get('q'), body: req.body ?? null },
        };
      },
      { listen: false },
    );
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.setFault(null));

  const client = (o: Partial<ConstructorParameters<typeof PoliteHttpClient>[0]> = {}) =>
    new PoliteHttpClient({
      baseUrl: sim.url,
      timeoutMs: 1000,
      maxResponseBytes: 100_000,
      requestsPerMinute: 60_000,
      retries: 2,
      backoffMs: 5,
      fetch: sim.fetch,
      ...o,
    });

  it('gets and posts JSON relative to the base URL', async () => {
    const c = client({ baseUrl: `${sim.url}/sub/` });
    expect(await c.getJson('/api', { q: 'fiets', skip: undefined })).toEqual({
      path: '/sub/api',
      q: 'fiets',
      body: null,
    });
    expect(await c.postJson('graphql', { query: '{x}' })).toEqual({
      path: '/sub/graphql',
      q: null,
      body: { query: '{x}' },
    });
  });

  it('keeps at most two requests in flight', async () => {
    maxInFlight = 0;
    const c = client();
    await Promise.all(Array.from({ length: 8 }, () => c.getJson('/x')));
    expect(maxInFlight).toBe(2);
  });

  it('spaces requests to stay under the rate limit', async () => {
    const c = client({ requestsPerMinute: 1200 }); // one per 50 ms
    const { elapsedMs } = await onFakeClock(() => Promise.all(Array.from({ length: 5 }, () => c.getJson('/x'))));
    expect(elapsedMs).toBeGreaterThanOrEqual(4 * 50);
    expect(c.requests).toBe(5);
  });

  it('waits as long as Retry-After asks, then succeeds', async () => {
    sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 30, times: 1 });
    const c = client({ backoffMs: 5 });
    const { value, elapsedMs } = await onFakeClock(() => c.getJson('/x'));
    expect(value).toMatchObject({ path: '/x' });
    expect(elapsedMs).toBeGreaterThanOrEqual(30_000); // far above the 5 ms backoff it would use otherwise
    expect(c.requests).toBe(2);
  });

  it('gives up on 500s after its retries', async () => {
    sim.setFault({ kind: 'status', status: 500 });
    const c = client();
    await expect(c.getJson('/x')).rejects.toMatchObject({ status: 500, message: 'GET /x answered HTTP 500' });
    expect(c.requests).toBe(3);
  });

  it('does not retry a 404', async () => {
    const c = client();
    await expect(c.getJson('/missing')).rejects.toBeInstanceOf(UpstreamHttpError);
    expect(c.requests).toBe(1);
  });

  it('refuses to wait longer than its limit', async () => {
    sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 3600, times: 5 });
    await expect(client({ maxRetryAfterMs: 2000 }).getJson('/x')).rejects.toThrow(/asked to wait 3600 s/);
  });

  it('times out a hanging server', async () => {
    sim.setFault({ kind: 'hang' });
    const request = client({ timeoutMs: 200, retries: 1 }).getJson('/x');
    await expect(request).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(request).rejects.toThrow('GET /x did not answer within 200 ms');
  });

  it('reports a refused connection', async () => {
    // What Node's fetch throws when nothing listens: a TypeError whose cause has the system error code.
    const refused = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    };
    const c = client({ fetch: refused, retries: 1 });
    await expect(c.getJson('/x')).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/);
    expect(c.requests).toBe(2); // a network error is retried
  });

  it('refuses a body that is not JSON', async () => {
    sim.setFault({ kind: 'invalidJson' });
    await expect(client().getJson('/x')).rejects.toBeInstanceOf(UpstreamSchemaError);
  });

  // What the cap saves in memory is measured by `npm run bench:http`, not here.
  it('stops reading a response past the byte cap', async () => {
    sim.setFault({ kind: 'huge', bytes: 50 * 1024 * 1024 });
    const c = client({ maxResponseBytes: 1024 * 1024 });
    await expect(c.getJson('/x')).rejects.toThrow(
      new ResponseTooLargeError('GET /x answered more than the cap of 1048576 bytes'),
    );
    expect(c.requests).toBe(1); // not retried
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:30 GMT', Date.UTC(2026, 10, 27, 9, 0, 0))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('detects a pagination loop', () => {
    const guard = pageGuard('proposals');
    guard('MjU');
    guard('NTA');
    expect(() => guard('MjU')).toThrow(PaginationError);
  });
});
