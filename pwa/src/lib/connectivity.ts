import { useSyncExternalStore } from 'react';
import { describeUnhealthy, readServerHealth, type ServerHealth } from './server-health.ts';
import { intl } from '../i18n/intl.ts';

/**
 * Whether this device can talk to the Servio server right now.
 *
 * `navigator.onLine` only says a network interface is up: a tablet on a café's Wi-Fi with a
 * captive portal, or with the server down, reports `true`. So the truth comes from asking the
 * server (`GET /api/auth/health`); the browser's online/offline events, focus and visibility
 * changes only decide *when* to ask.
 */
export type Reachability = 'checking' | 'online' | 'server-trouble' | 'offline';

export interface ConnectivitySnapshot {
  reachability: Reachability;
  /** When the last probe finished (epoch ms); null before the first one. */
  lastCheckedAt: number | null;
  /** When the server last answered at all (any HTTP status). */
  lastReachedAt: number | null;
  /** What the last probe saw when it was not healthy; null when it was. */
  problem: string | null;
  /** The last health body the server sent (kept while offline, for the details panel). */
  health: ServerHealth | null;
}

export interface ConnectivityOptions {
  healthUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** A probe that has not answered by then counts as offline. */
  timeoutMs?: number;
  /** How often to re-check while things are fine. */
  healthyIntervalMs?: number;
  /** Retry delays while offline or unhealthy: first, doubled per failure, capped. */
  retryFirstMs?: number;
  retryMaxMs?: number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/** The bits of `window`/`document` the monitor listens to (injectable for tests). */
export interface ConnectivityEnvironment {
  window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    visibilityState: DocumentVisibilityState;
  };
}

export interface ConnectivityMonitor {
  getSnapshot(): ConnectivitySnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Probe now and resolve with the new snapshot. Joins a probe already in flight, unless
   * `fresh`: then a new probe follows it, because the one in flight started before whatever
   * just changed (the network went down) and its answer may be stale.
   */
  checkNow(options?: { fresh?: boolean }): Promise<ConnectivitySnapshot>;
  /** Start listening and probing; returns `stop`. Calling it twice is harmless. */
  start(environment: ConnectivityEnvironment): () => void;
}

const INITIAL: ConnectivitySnapshot = {
  reachability: 'checking',
  lastCheckedAt: null,
  lastReachedAt: null,
  problem: null,
  health: null,
};

export function createConnectivityMonitor(options: ConnectivityOptions = {}): ConnectivityMonitor {
  const healthUrl = options.healthUrl ?? '/api/auth/health';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const healthyIntervalMs = options.healthyIntervalMs ?? 30_000;
  const retryFirstMs = options.retryFirstMs ?? 2_000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const cancel =
    options.clearTimeout ??
    ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));

  let snapshot = INITIAL;
  const listeners = new Set<() => void>();
  let inFlight: Promise<ConnectivitySnapshot> | null = null;
  /** The probe whose answer counts; an older one still on its way is cancelled and ignored. */
  let current: AbortController | null = null;
  let failures = 0;
  let timer: unknown = null;
  let running = false;
  let stopListening: (() => void) | null = null;

  function publish(next: ConnectivitySnapshot) {
    snapshot = next;
    for (const listener of listeners) listener();
  }

  function nextDelay(): number {
    if (failures === 0) return healthyIntervalMs;
    const base = Math.min(retryMaxMs, retryFirstMs * 2 ** (failures - 1));
    // ±20 % jitter so a room of tablets does not hammer a recovering server in step.
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  function scheduleNext() {
    if (timer !== null) cancel(timer);
    timer = running ? schedule(() => void checkNow(), nextDelay()) : null;
  }

  async function probe(controller: AbortController): Promise<ConnectivitySnapshot> {
    let response: Response;
    // One signal for both the timeout and a fresher probe (AbortSignal.any is too new for
    // every tablet's browser).
    const timeout = globalThis.setTimeout(
      () => controller.abort(new DOMException('The health probe timed out', 'TimeoutError')),
      timeoutMs,
    );
    try {
      response = await doFetch(healthUrl, {
        cache: 'no-store',
        headers: { accept: 'application/json' },
        signal: controller.signal,
      });
    } catch (error) {
      globalThis.clearTimeout(timeout);
      return {
        ...snapshot,
        reachability: 'offline',
        lastCheckedAt: now(),
        problem: describeFetchFailure(error, timeoutMs),
      };
    }
    // The timeout covers the body too, as the headers may come before a stall.
    const body: unknown = await response.json().catch(() => null);
    globalThis.clearTimeout(timeout);
    const health = readServerHealth(body);
    const checkedAt = now();
    if (response.ok) {
      return {
        reachability: 'online',
        lastCheckedAt: checkedAt,
        lastReachedAt: checkedAt,
        problem: null,
        health: health ?? snapshot.health,
      };
    }
    // Without a health body the answer came from something in between (a proxy's 502, a
    // captive portal), not from Servio: the server was not reached.
    return {
      reachability: 'server-trouble',
      lastCheckedAt: checkedAt,
      lastReachedAt: health ? checkedAt : snapshot.lastReachedAt,
      problem: describeUnhealthy(health, response.status),
      health: health ?? snapshot.health,
    };
  }

  function settle(next: ConnectivitySnapshot): ConnectivitySnapshot {
    failures = next.reachability === 'online' ? 0 : failures + 1;
    publish(next);
    scheduleNext();
    return next;
  }

  function checkNow(options: { fresh?: boolean } = {}): Promise<ConnectivitySnapshot> {
    if (inFlight && !options.fresh) return inFlight;
    // A fresh probe starts at once rather than after the one in flight: that one left on the
    // old network and, with the network gone, may hang until its timeout; it is cancelled,
    // and whoever awaited it gets the fresh answer.
    current?.abort();
    const mine = new AbortController();
    current = mine;
    const started: Promise<ConnectivitySnapshot> = probe(mine).then((next) => {
      if (current !== mine) return inFlight ?? snapshot;
      current = null;
      inFlight = null;
      return settle(next);
    });
    inFlight = started;
    return started;
  }

  function start(environment: ConnectivityEnvironment): () => void {
    if (running) return stop;
    running = true;
    const recheck = () => void checkNow();
    // The network just changed: a probe already under way may answer for the old network.
    const recheckFresh = () => void checkNow({ fresh: true });
    const onVisibility = () => {
      if (environment.document.visibilityState === 'visible') recheck();
    };
    // Both directions re-probe: "offline" is acted on through the probe failing at once, so a
    // single code path decides what the bar shows.
    environment.window.addEventListener('online', recheckFresh);
    environment.window.addEventListener('offline', recheckFresh);
    environment.window.addEventListener('focus', recheck);
    environment.document.addEventListener('visibilitychange', onVisibility);
    stopListening = () => {
      environment.window.removeEventListener('online', recheckFresh);
      environment.window.removeEventListener('offline', recheckFresh);
      environment.window.removeEventListener('focus', recheck);
      environment.document.removeEventListener('visibilitychange', onVisibility);
    };
    recheck();
    return stop;
  }

  function stop() {
    running = false;
    stopListening?.();
    stopListening = null;
    if (timer !== null) cancel(timer);
    timer = null;
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkNow,
    start,
  };
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return intl.formatMessage(
      {
        id: 'connectivity.timeout',
        defaultMessage: 'The server did not answer within {seconds} s.',
      },
      { seconds: String(Math.round(timeoutMs / 1000)) },
    );
  }
  return intl.formatMessage({
    id: 'connectivity.noConnection',
    defaultMessage: 'No connection to the server.',
  });
}

/** The app's one monitor: the status bar shows it, and the sync client follows it. */
export const connectivity = createConnectivityMonitor();

export function useConnectivity(monitor: ConnectivityMonitor = connectivity): ConnectivitySnapshot {
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}
