import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query.ts';
import { BILL_REFRESH_MS, refusalCode } from '../../api/table-bill.ts';

/** A QR code that no longer opens a table will not start to: no point asking again. */
const isGone = (error: unknown) => refusalCode(error) === 'NOT_FOUND';

/**
 * The table's open bills, read again every few seconds while the page is on screen (React
 * Query pauses the timer while the tab is hidden), so items the staff add appear by themselves.
 */
export function useTableBill(token: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.pay.bill.queryOptions(
      { token },
      {
        refetchInterval: (query) => (isGone(query.state.error) ? false : BILL_REFRESH_MS),
        retry: (failures, error) => !isGone(error) && failures < 2,
      },
    ),
  );
}

/** Reads the table's bill again now (a payment or an order went through). */
export function useRefreshBill(token: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.pay.bill.queryFilter({ token }));
}

export function useTableMenu(token: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.pay.menu.queryOptions(
      { token },
      { staleTime: 60_000, retry: (failures, error) => !isGone(error) && failures < 2 },
    ),
  );
}
