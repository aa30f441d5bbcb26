import type { PokeMessage } from '@servio/shared';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import type { AppRouter } from '../../src/trpc/router.ts';
import { TestEventSource } from './event-source.ts';

export interface PokeSubscriber {
  pokes: PokeMessage[];
  errors: { code?: string; message: string }[];
  /** Connection states the link went through, with the error that caused a reconnect. */
  states: { state: string; code?: string }[];
  /** Resolves with the first poke (already received or coming) that matches. */
  next(match: (poke: PokeMessage) => boolean): Promise<PokeMessage>;
  /** Resolves once the link went back to connecting because of an error with this code. */
  reconnecting(code: string): Promise<unknown>;
  /** Resolves once the subscription failed. */
  failed(): Promise<{ code?: string; message: string }>;
  close(): void;
}

/** Subscribes to `sync.poke` over SSE as a tablet does, with the device token as connection param. */
export function subscribePokes(baseUrl: string, deviceToken: string): PokeSubscriber {
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${baseUrl}/trpc`,
        EventSource: TestEventSource as never,
        connectionParams: { deviceToken },
      }),
    ],
  });
  const pokes: PokeMessage[] = [];
  const errors: { code?: string; message: string }[] = [];
  const states: { state: string; code?: string }[] = [];
  let waiters: (() => void)[] = [];
  const notify = () => {
    const current = waiters;
    waiters = [];
    for (const wake of current) wake();
  };
  const subscription = client.sync.poke.subscribe(undefined, {
    onData(poke) {
      pokes.push(poke);
      notify();
    },
    onConnectionStateChange(change) {
      const code = (change.error?.data as { code?: string } | undefined)?.code;
      states.push({ state: change.state, ...(code ? { code } : {}) });
      notify();
    },
    onError(error) {
      errors.push({
        code: (error.data as { code?: string } | undefined)?.code,
        message: error.message,
      });
      notify();
    },
  });
  const until = <T>(find: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const found = find();
        if (found !== undefined) resolve(found);
        else waiters.push(check);
      };
      check();
    });
  return {
    pokes,
    errors,
    states,
    next: (match) => until(() => pokes.find(match)),
    failed: () => until(() => errors[0]),
    reconnecting: (code) =>
      until(() => states.find((s) => s.state === 'connecting' && s.code === code)),
    close: () => subscription.unsubscribe(),
  };
}
