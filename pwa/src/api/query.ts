import type { AppRouter } from '@servio/sync-server/router';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * The server's procedures as react-query options: `trpc.reports.summary.queryOptions(input)`,
 * `trpc.backoffice.staff.create.mutationOptions()`, `trpc.backoffice.menu.list.queryFilter()`
 * for invalidation. Keys are derived from the procedure path and input, never written by hand.
 *
 * Every key starts with a prefix given by the provider (`keyPrefix`): the venue on the manager
 * screens, so one venue's saved reports never show on another's (lib/query-persist.ts keeps
 * only the `reports` procedures on disk).
 */
export const {
  TRPCProvider: ServerQueryProvider,
  useTRPC,
  useTRPCClient,
} = createTRPCContext<AppRouter, { keyPrefix: true }>();
