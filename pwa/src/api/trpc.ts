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
      false: httpBatchLink({
        url: '/trpc',
        // A call may name the staff session it acts for (signing out a session that this
        // tablet has already forgotten locally); otherwise the current credentials apply.
        headers: ({ opList }) => {
          const headers = authHeaders();
          const session = opList[0]?.context['staffSession'];
          if (typeof session === 'string') headers['x-staff-session'] = session;
          return headers;
        },
      }),
    }),
  ],
});
