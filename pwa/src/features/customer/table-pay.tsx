import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ReceiptText, UtensilsCrossed } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink, Outlet, useParams } from 'react-router';
import { ServerQueryProvider } from '../../api/query.ts';
import { trpc } from '../../api/trpc.ts';
import { cx } from '../../ui/class-names.ts';
import { useTableBill } from './use-table.ts';

export { BillPage } from './bill-page.tsx';
export { OrderPage } from './order-page.tsx';

/**
 * `/t/:token`: the frame of the pages a customer's phone opens from the QR code on the table
 * (their routes are in app/router.tsx). The token is the only credential. `/t/:token` is the
 * table's bill (pay all, a share, items or an amount); `/t/:token/order` orders from the menu
 * and pays up front.
 */
export function TablePay() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A bill read a few seconds ago is fine to show; a failed read is tried once more.
          queries: { retry: 1, staleTime: 2_000 },
          mutations: { retry: false },
        },
      }),
  );
  const { token = '' } = useParams();
  return (
    <QueryClientProvider client={queryClient}>
      <ServerQueryProvider trpcClient={trpc} queryClient={queryClient} keyPrefix="table">
        <CustomerFrame token={token}>
          <Outlet />
        </CustomerFrame>
      </ServerQueryProvider>
    </QueryClientProvider>
  );
}

/** Holds the table's line open (no jump) while the bill is still being read. */
const KEEP_LINE = '\u00a0';

function CustomerFrame({ token, children }: { token: string; children: ReactNode }) {
  const intl = useIntl();
  const bill = useTableBill(token);
  const venue = bill.data?.venue.name;
  const table = bill.data?.table.name;
  const tab = ({ isActive }: { isActive: boolean }) =>
    cx(
      'flex min-h-touch flex-1 items-center justify-center gap-2 rounded-control px-3 text-base font-semibold',
      'active:scale-[0.98]',
      isActive ? 'bg-surface text-ink shadow-card' : 'text-bar-muted active:bg-bar-raised',
    );
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="bg-bar text-bar-ink">
        <div className="mx-auto flex w-full max-w-xl flex-col gap-3 px-4 pt-3 pb-3">
          <div className="flex items-center gap-3">
            <img src="/icons/icon.svg" alt="" className="size-9 shrink-0" />
            <div className="min-w-0">
              <p className="truncate text-lg leading-tight font-bold">
                {venue ??
                  intl.formatMessage({ id: 'customer.tablePay.appName', defaultMessage: 'Servio' })}
              </p>
              <p className="text-sm text-bar-muted">
                {table
                  ? intl.formatMessage(
                      { id: 'customer.tablePay.table', defaultMessage: 'Table {name}' },
                      { name: table },
                    )
                  : KEEP_LINE}
              </p>
            </div>
          </div>
          <nav
            aria-label={intl.formatMessage({
              id: 'customer.tablePay.nav',
              defaultMessage: 'Table',
            })}
            className="flex gap-1 rounded-card bg-bar-raised p-1"
          >
            <NavLink to={`/t/${token}`} end className={tab}>
              <ReceiptText aria-hidden className="size-5" />
              <FormattedMessage id="customer.tablePay.bill" defaultMessage="Bill" />
            </NavLink>
            <NavLink to={`/t/${token}/order`} className={tab}>
              <UtensilsCrossed aria-hidden className="size-5" />
              <FormattedMessage id="customer.tablePay.order" defaultMessage="Order" />
            </NavLink>
          </nav>
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col gap-4 px-4 pt-4 pb-6">
        {children}
      </main>
    </div>
  );
}
