import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/query.ts';

/** The venue's settings (currency, timezone, tip presets…) as the server holds them. */
export function useVenueSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.backoffice.venue.get.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** The currency every amount on the back-office screens is in (undefined until known). */
export function useVenueCurrency(): string | undefined {
  return useVenueSettings().data?.currency;
}
