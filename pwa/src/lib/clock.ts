import { useSyncExternalStore } from 'react';

/**
 * A wall clock for screens that show the time or elapsed minutes. One shared timer for the
 * whole app, running only while something is subscribed.
 */
const TICK_MS = 5_000;

let current = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Epoch ms, refreshed every few seconds (enough for a minute display and elapsed times). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
