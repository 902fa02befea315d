/** The simulated installations' in-process fetch answers as the socket does, with no socket. */
import { type SimServer, startSimServer } from '../simServer';

describe('a simulated installation reached in-process', () => {
  let sim: SimServer;
  beforeEach(async () => {
    sim = await startSimServer(
      (req) =>
        req.path === '/moved'
          ? { status: 302, text: '', headers: { location: '/here' } }
          : { status: 200, json: { path: req.path, body: req.body ?? null, accept: req.headers.accept ?? null } },
      { listen: false },
    );
  });
  afterEach(() => sim.close());

  it('opens no socket and answers at a URL nothing else resolves', () => {
    expect(sim.port).toBe(0);
    expect(new URL(sim.url).hostname).toMatch(/\.invalid$/);
  });

  it('passes method, path, headers and a JSON body to the handler, and records the request', async () => {
    const res = await sim.fetch(`${sim.url}/api?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ q: 1 }),
    });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ path: '/api', body: { q: 1 }, accept: 'application/json' });
    expect(sim.requests).toEqual([{ method: 'POST', path: '/api', query: '?x=1' }]);
  });

  it('follows a redirect unless asked not to', async () => {
    expect(await (await sim.fetch(`${sim.url}/moved`)).json()).toMatchObject({ path: '/here' });
    const manual = await sim.fetch(`${sim.url}/moved`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([302, '/here']);
  });

  it('leaves a hanging request until its signal aborts, or the installation closes', async () => {
    sim.setFault({ kind: 'hang' });
    await expect(sim.fetch(sim.url, { signal: AbortSignal.timeout(20) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    const pending = sim.fetch(sim.url);
    await sim.close();
    await expect(pending).rejects.toThrow(/closed/);
  });

  it('streams a huge body a chunk at a time, so a reader can stop early', async () => {
    sim.setFault({ kind: 'huge', bytes: 1024 * 1024 * 1024 });
    const reader = (await sim.fetch(sim.url)).body!.getReader();
    let read = 0;
    while (read < 100_000) read += (await reader.read()).value!.byteLength;
    await reader.cancel();
    expect(read).toBeLessThan(200_000);
  });

  it('answers 400 to a JSON body it cannot parse, and the fault statuses and Retry-After', async () => {
    const bad = await sim.fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 7, times: 1 });
    const limited = await sim.fetch(sim.url);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await sim.fetch(sim.url)).status).toBe(200);
  });
});
