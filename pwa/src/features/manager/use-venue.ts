import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../api/trpc.ts';
import { managerKeys } from './manager-api.ts';
import { useManager } from './manager-context.ts';

/** The venue's settings (currency, timezone, tip presets…) as the server holds them. */
export function useVenueSettings() {
  const { venueId } = useManager();
  return useQuery({
    queryKey: managerKeys.venue(venueId),
    queryFn: () => trpc.backoffice.venue.get.query(),
    staleTime: 5 * 60_000,
  });
}

/** The currency every amount on the back-office screens is in (undefined until known). */
export function useVenueCurrency(): string | undefined {
  return useVenueSettings().data?.currency;
}
