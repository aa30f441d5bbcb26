import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

/**
 * Who is holding back an app update right now. A screen in the middle of a sale (an open
 * order, a payment being taken) registers itself; while anyone holds the gate, the update
 * prompt offers no "Update" button, so a reload can never land mid-sale.
 */
export interface UpdateGate {
  /** Hold the gate until the returned release function is called. */
  block(reason: string): () => void;
  /** Reasons currently holding the gate, oldest first (same array until it changes). */
  getBlockers(): readonly string[];
  subscribe(listener: () => void): () => void;
}

export function createUpdateGate(): UpdateGate {
  const holds = new Map<symbol, string>();
  let blockers: readonly string[] = [];
  const listeners = new Set<() => void>();

  function changed() {
    blockers = [...holds.values()];
    for (const listener of listeners) listener();
  }

  return {
    block(reason) {
      const key = Symbol(reason);
      holds.set(key, reason);
      changed();
      return () => {
        if (holds.delete(key)) changed();
      };
    },
    getBlockers: () => blockers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const UpdateGateContext = createContext<UpdateGate | null>(null);

export function UpdateGateProvider({ children }: { children: ReactNode }) {
  const [gate] = useState(createUpdateGate);
  return <UpdateGateContext value={gate}>{children}</UpdateGateContext>;
}

function useUpdateGate(): UpdateGate {
  const gate = useContext(UpdateGateContext);
  if (!gate) throw new Error('useBlockUpdates needs <UpdateGateProvider> above it');
  return gate;
}

/**
 * Defer app updates while `active` (default true) and the calling component is mounted.
 * The order screen calls `useBlockUpdates('An order is open', order !== null)`.
 */
export function useBlockUpdates(reason: string, active = true): void {
  const gate = useUpdateGate();
  useEffect(() => (active ? gate.block(reason) : undefined), [gate, reason, active]);
}

/** Reasons updates are being deferred; empty when an update may be applied. */
export function useUpdateBlockers(): readonly string[] {
  const gate = useUpdateGate();
  return useSyncExternalStore(gate.subscribe, gate.getBlockers);
}
