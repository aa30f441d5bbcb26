import { describe, expect, it, vi } from 'vitest';
import { createConnectivityMonitor, type ConnectivityEnvironment } from './connectivity.ts';

const healthyBody = {
  status: 'healthy',
  environment: 'test',
  version: '0.1.0',
  database: { mode: 'embedded', reachable: true, migrations: 'current' },
  stripe: { mode: 'emulator' },
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A manual clock and timer queue: the test decides when time passes. */
function harness(answers: Array<() => Promise<Response>>) {
  let now = 1_000;
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const fetch = vi.fn(async (_input?: unknown, _init?: RequestInit) => {
    const next = answers.shift();
    if (!next) throw new Error('unexpected probe');
    return next();
  });
  const monitor = createConnectivityMonitor({
    fetch,
    now: () => now,
    random: () => 0.5, // no jitter: delays are exact
    setTimeout: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
  });
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const environment: ConnectivityEnvironment = { window, document };
  return {
    monitor,
    fetch,
    window,
    document,
    environment,
    timers,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const healthy = () => Promise.resolve(json(healthyBody));

describe('connectivity monitor', () => {
  it('[connectivity] a 200 from the health endpoint reads as online, with what the server said', async () => {
    const { monitor } = harness([healthy]);
    const snapshot = await monitor.checkNow();
    expect(snapshot).toMatchObject({
      reachability: 'online',
      lastCheckedAt: 1_000,
      lastReachedAt: 1_000,
      problem: null,
      health: { version: '0.1.0', databaseMode: 'embedded', migrations: 'current' },
    });
  });

  it('[connectivity] a failed request reads as offline and keeps the last good answer', async () => {
    const { monitor, advance } = harness([healthy, offline]);
    await monitor.checkNow();
    advance(30_000);
    const snapshot = await monitor.checkNow();
    expect(snapshot).toMatchObject({
      reachability: 'offline',
      lastCheckedAt: 31_000,
      lastReachedAt: 1_000,
      problem: 'No connection to the server.',
      health: { version: '0.1.0' },
    });
  });

  it('[connectivity] a 503 reads as a server problem that names the cause', async () => {
    const unhealthy = {
      ...healthyBody,
      status: 'unhealthy',
      database: { mode: 'postgres', reachable: false, error: 'connect ECONNREFUSED' },
    };
    const { monitor } = harness([() => Promise.resolve(json(unhealthy, 503))]);
    const snapshot = await monitor.checkNow();
    expect(snapshot.reachability).toBe('server-trouble');
    expect(snapshot.problem).toBe('The server cannot reach its database: connect ECONNREFUSED');
  });

  it('[connectivity] the browser saying "online" is not trusted: it only triggers a probe', async () => {
    const { monitor, window, environment, fetch } = harness([offline, offline]);
    monitor.start(environment);
    await vi.waitFor(() => expect(monitor.getSnapshot().reachability).toBe('offline'));

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(monitor.getSnapshot().lastCheckedAt).not.toBeNull());
    expect(monitor.getSnapshot().reachability).toBe('offline');
  });

  it('[connectivity] coming back into view re-checks at once', async () => {
    const { monitor, document, environment, fetch } = harness([offline, healthy]);
    monitor.start(environment);
    await vi.waitFor(() => expect(monitor.getSnapshot().reachability).toBe('offline'));
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(monitor.getSnapshot().reachability).toBe('online'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('[connectivity] retries back off while offline, capped, and relax once online', async () => {
    const answers = [offline, offline, offline, offline, offline, offline, healthy];
    const { monitor, timers, environment } = harness(answers);
    monitor.start(environment);
    const delays: number[] = [];
    for (let probe = 0; probe < 7; probe += 1) {
      await vi.waitFor(() => expect(timers).toHaveLength(1));
      const timer = timers.pop()!;
      delays.push(timer.ms);
      if (probe < 6) timer.callback();
    }
    // Doubling from 2 s, capped at 30 s; healthy again: the 30 s routine check.
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(monitor.getSnapshot().reachability).toBe('online');
  });

  it('[connectivity] overlapping checks share one request', async () => {
    const { monitor, fetch } = harness([healthy]);
    const [first, second] = await Promise.all([monitor.checkNow(), monitor.checkNow()]);
    expect(first).toBe(second);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('[connectivity] the network dropping during a probe re-probes instead of trusting the answer in flight', async () => {
    let answerFirst: (response: Response) => void = () => undefined;
    const slowHealthy = () => new Promise<Response>((resolve) => (answerFirst = resolve));
    const { monitor, window, environment, fetch } = harness([slowHealthy, offline]);
    monitor.start(environment);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    // The cable is pulled while the first probe is still on its way back.
    window.dispatchEvent(new Event('offline'));
    answerFirst(json(healthyBody));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(monitor.getSnapshot().reachability).toBe('offline'));
  });

  it('[connectivity] a probe that hangs when the network drops does not hold back "offline"', async () => {
    // Offline, a request already under way (through the service worker, say) may neither
    // answer nor fail until its timeout; the fresh probe must not wait for it.
    let firstSignal: AbortSignal | undefined;
    const { monitor, window, environment, fetch } = harness([offline]);
    fetch.mockImplementationOnce(async (_url: unknown, init?: RequestInit) => {
      firstSignal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    monitor.start(environment);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    window.dispatchEvent(new Event('offline'));
    await vi.waitFor(() => expect(monitor.getSnapshot().reachability).toBe('offline'));
    expect(firstSignal?.aborted).toBe(true);
  });

  it('stopping removes the listeners and the timer; starting twice probes once', async () => {
    const { monitor, window, environment, timers, fetch } = harness([healthy]);
    const stop = monitor.start(environment);
    monitor.start(environment);
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    stop();
    expect(timers).toHaveLength(0);
    window.dispatchEvent(new Event('online'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
