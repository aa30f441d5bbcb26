import type { AppRouter } from '@servio/sync-server/router';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { authHeaders, getCredentials } from './credentials.ts';

/**
 * The typed client for every server procedure (only the router's type comes from the server).
 * Queries and mutations are batched over HTTP with the current credentials; subscriptions
 * (`sync.poke`) use SSE, which cannot send headers, so the device token travels as a
 * connection parameter instead.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({
        url: '/trpc',
        connectionParams: () => ({ deviceToken: getCredentials().deviceToken ?? '' }),
      }),
      false: httpBatchLink({ url: '/trpc', headers: authHeaders }),
    }),
  ],
});
