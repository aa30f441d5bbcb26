import { useQuery } from '@tanstack/react-query';
import {
  BILL_REFRESH_MS,
  fetchTableBill,
  fetchTableMenu,
  refusalCode,
  tableBillKey,
  tableMenuKey,
} from '../../api/table-bill.ts';

/** A QR code that no longer opens a table will not start to: no point asking again. */
const isGone = (error: unknown) => refusalCode(error) === 'NOT_FOUND';

/**
 * The table's open bills, read again every few seconds while the page is on screen (React
 * Query pauses the timer while the tab is hidden), so items the staff add appear by themselves.
 */
export function useTableBill(token: string) {
  return useQuery({
    queryKey: tableBillKey(token),
    queryFn: () => fetchTableBill(token),
    refetchInterval: (query) => (isGone(query.state.error) ? false : BILL_REFRESH_MS),
    retry: (failures, error) => !isGone(error) && failures < 2,
  });
}

export function useTableMenu(token: string) {
  return useQuery({
    queryKey: tableMenuKey(token),
    queryFn: () => fetchTableMenu(token),
    staleTime: 60_000,
    retry: (failures, error) => !isGone(error) && failures < 2,
  });
}
