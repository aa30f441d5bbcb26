import { formatMoney } from '@servio/shared/currency';
import { ReceiptText, RefreshCw } from 'lucide-react';
import { Suspense } from 'react';
import {
  Await,
  useAsyncError,
  useLoaderData,
  useRevalidator,
  type LoaderFunctionArgs,
} from 'react-router';
import { ServerCallError } from '../../api/server-call.ts';
import { loadTableBills, type TableBill, type TableBills } from '../../api/table-bill.ts';
import { Button } from '../../components/ui/button.tsx';
import { Notice } from '../../components/ui/notice.tsx';

/**
 * Starts reading the bill as the route is entered, without holding up the page: the frame
 * renders at once and the bill streams into it (`Await`).
 */
export function tablePayLoader({ params }: LoaderFunctionArgs) {
  return { bills: loadTableBills(params['token'] ?? '') };
}

/** `/t/:token`: the page a customer's phone opens from the QR code on the table. */
export function TablePay() {
  const { bills } = useLoaderData<typeof tablePayLoader>();

  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="flex h-bar items-center gap-2 bg-bar px-4 text-bar-ink">
        <img src="/icons/icon.svg" alt="" className="size-8" />
        <span className="text-lg font-bold">Servio</span>
      </header>
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col gap-4 p-4">
        <h1 className="flex items-center gap-2 text-2xl font-bold">
          <ReceiptText aria-hidden className="size-7" />
          Your bill
        </h1>
        <Suspense fallback={<BillLoading />}>
          <Await resolve={bills} errorElement={<BillUnavailable />}>
            {(loaded: TableBills) => <TableBillsView table={loaded} />}
          </Await>
        </Suspense>
      </main>
    </div>
  );
}

function BillLoading() {
  return (
    <p role="status" className="rounded-card bg-surface p-5 text-base text-ink-muted shadow-card">
      Fetching the bill from the venue…
    </p>
  );
}

function BillUnavailable() {
  const error = useAsyncError();
  const revalidator = useRevalidator();
  const failure = error instanceof ServerCallError ? error.failure : null;

  let message: string;
  switch (failure?.kind) {
    case 'unreachable':
      message = 'The venue could not be reached. Check your phone’s connection and try again.';
      break;
    case 'not-available':
      message = 'Paying at the table is not available at this venue yet. Please ask your server.';
      break;
    case 'refused':
      // The server's own words ("This QR code does not belong to a table any more…").
      message = failure.message;
      break;
    default:
      message = `The bill could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }

  return (
    <Notice
      tone="danger"
      title="Bill not available"
      action={
        <Button
          variant="secondary"
          isPending={revalidator.state === 'loading'}
          onPress={() => void revalidator.revalidate()}
        >
          <RefreshCw aria-hidden className="size-5" />
          Try again
        </Button>
      }
    >
      {message}
    </Notice>
  );
}

function TableBillsView({ table }: { table: TableBills }) {
  return (
    <>
      <div>
        <p className="text-lg font-semibold">{table.venue.name}</p>
        <p className="text-base text-ink-muted">{table.table.name}</p>
      </div>
      {table.bills.length === 0 ? (
        <p role="status" className="rounded-card bg-surface p-5 text-base shadow-card">
          There is no open bill at this table right now.
        </p>
      ) : (
        table.bills.map((bill) => (
          <BillView key={bill.orderId} bill={bill} currency={table.venue.currency} />
        ))
      )}
    </>
  );
}

function BillView({ bill, currency }: { bill: TableBill; currency: string }) {
  const money = (amount: TableBill['totalMinor']) => formatMoney(amount, currency);
  return (
    <section
      aria-label={`Order ${bill.number}`}
      className="flex flex-col gap-4 rounded-card bg-surface p-5 shadow-card"
    >
      <p className="text-base text-ink-muted">Order {bill.number}</p>
      <ul className="flex flex-col divide-y divide-line">
        {bill.lines.map((line) => (
          <li key={line.id} className="flex justify-between gap-4 py-2 text-base">
            <span>
              {line.quantity} × {line.name}
            </span>
            <span className="tabular-nums">{money(line.lineTotalMinor)}</span>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[1fr_auto] gap-y-1 border-t-2 border-ink pt-3 text-base">
        <dt>Total</dt>
        <dd className="text-right tabular-nums">{money(bill.totalMinor)}</dd>
        {bill.paidMinor > 0 ? (
          <>
            <dt>Already paid</dt>
            <dd className="text-right tabular-nums">{money(bill.paidMinor)}</dd>
          </>
        ) : null}
        <dt className="text-lg font-bold">To pay</dt>
        <dd className="text-right text-lg font-bold tabular-nums">{money(bill.dueMinor)}</dd>
      </dl>
    </section>
  );
}
