import { Link } from 'react-router';
import { DataTable, type Column } from '../../../ui/data-table.tsx';
import { money } from '../../../lib/money.ts';
import { Panel } from '../../../ui/panel.tsx';
import type { ReportRangeInput, ReportSection, ReportSummary } from '../manager-api.ts';
import { CsvButton } from './csv-button.tsx';
import { formatBusinessDay, formatInVenueZone, hourLabel } from './report-dates.ts';

type Rows<K extends keyof ReportSummary> = ReportSummary[K] extends readonly (infer R)[]
  ? R
  : never;

function TablePanel<Row>({
  id,
  title,
  description,
  range,
  section,
  columns,
  rows,
  rowKey,
  empty,
}: {
  id: string;
  title: string;
  description?: string;
  range: ReportRangeInput;
  section: ReportSection;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: string;
}) {
  return (
    <Panel
      id={id}
      title={title}
      description={description}
      actions={<CsvButton range={range} section={section} label={title.toLowerCase()} />}
    >
      <DataTable caption={title} columns={columns} rows={rows} rowKey={rowKey} empty={empty} />
    </Panel>
  );
}

/** Every table of the report, each with its own CSV download. */
export function ReportTables({
  summary,
  range,
}: {
  summary: ReportSummary;
  range: ReportRangeInput;
}) {
  const c = summary.venue.currency;
  const zone = summary.venue.timezone;
  const m = (amount: number) => money(amount, c);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'byItem'>>
          id="by-item"
          title="Sales by item"
          range={range}
          section="byItem"
          rows={summary.byItem}
          rowKey={(row) => row.itemId}
          empty="Nothing sold in this period."
          columns={[
            { header: 'Item', cell: (row) => <span className="font-semibold">{row.name}</span> },
            { header: 'Category', cell: (row) => row.category },
            { header: 'Qty', numeric: true, cell: (row) => row.quantity },
            { header: 'Net sales', numeric: true, cell: (row) => m(row.netSalesMinor) },
            {
              header: 'Voided',
              numeric: true,
              cell: (row) =>
                row.voidedQuantity > 0 ? `${row.voidedQuantity} · ${m(row.voidedMinor)}` : '—',
            },
          ]}
        />
        <div className="flex min-w-0 flex-col gap-4">
          <TablePanel<Rows<'byCategory'>>
            id="by-category"
            title="Sales by category"
            range={range}
            section="byCategory"
            rows={summary.byCategory}
            rowKey={(row) => row.categoryId ?? 'none'}
            empty="Nothing sold in this period."
            columns={[
              {
                header: 'Category',
                cell: (row) => <span className="font-semibold">{row.category}</span>,
              },
              { header: 'Qty', numeric: true, cell: (row) => row.quantity },
              { header: 'Discounts', numeric: true, cell: (row) => m(row.discountsMinor) },
              { header: 'Net sales', numeric: true, cell: (row) => m(row.netSalesMinor) },
            ]}
          />
          <TablePanel<Rows<'byPaymentMethod'>>
            id="by-payment-method"
            title="Payments by method"
            range={range}
            section="byPaymentMethod"
            rows={summary.byPaymentMethod}
            rowKey={(row) => row.method}
            empty="No payments in this period."
            columns={[
              {
                header: 'Method',
                cell: (row) => <span className="font-semibold">{row.label}</span>,
              },
              { header: 'Payments', numeric: true, cell: (row) => row.payments },
              { header: 'Taken', numeric: true, cell: (row) => m(row.takenMinor) },
              { header: 'Tips', numeric: true, cell: (row) => m(row.tipsMinor) },
              {
                header: 'Refunded',
                numeric: true,
                cell: (row) => (row.refunds > 0 ? `${m(row.refundsMinor)} (${row.refunds})` : m(0)),
              },
              { header: 'Net taken', numeric: true, cell: (row) => m(row.netTakenMinor) },
            ]}
          />
        </div>
      </div>

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'byStaff'>>
          id="by-staff"
          title="Sales by staff"
          description="Orders by the person who opened them; tips on those orders."
          range={range}
          section="byStaff"
          rows={summary.byStaff}
          rowKey={(row) => row.staffId ?? 'qr'}
          empty="No orders in this period."
          columns={[
            {
              header: 'Staff member',
              cell: (row) => <span className="font-semibold">{row.name}</span>,
            },
            { header: 'Orders', numeric: true, cell: (row) => row.orders },
            { header: 'Covers', numeric: true, cell: (row) => row.covers },
            { header: 'Net sales', numeric: true, cell: (row) => m(row.netSalesMinor) },
            { header: 'Avg ticket', numeric: true, cell: (row) => m(row.averageTicketMinor) },
            { header: 'Tips', numeric: true, cell: (row) => m(row.tipsMinor) },
          ]}
        />
        <TablePanel<Rows<'byDay'>>
          id="by-day"
          title="Sales by day"
          range={range}
          section="byDay"
          rows={summary.byDay}
          rowKey={(row) => row.businessDay}
          empty="No days in this period."
          columns={[
            { header: 'Business day', cell: (row) => formatBusinessDay(row.businessDay) },
            { header: 'Orders', numeric: true, cell: (row) => row.orders },
            { header: 'Covers', numeric: true, cell: (row) => row.covers },
            { header: 'Net sales', numeric: true, cell: (row) => m(row.netSalesMinor) },
            { header: 'Tax', numeric: true, cell: (row) => m(row.taxMinor) },
            { header: 'Tips', numeric: true, cell: (row) => m(row.tipsMinor) },
          ]}
        />
      </div>

      <TablePanel<Rows<'byHour'>>
        id="by-hour"
        title="Sales by hour"
        description={`Hours of the business day in the venue's time (${zone}).`}
        range={range}
        section="byHour"
        rows={summary.byHour.filter((row) => row.orders > 0)}
        rowKey={(row) => String(row.hour)}
        empty="No orders in this period."
        columns={[
          { header: 'Hour', cell: (row) => hourLabel(row.hour) },
          { header: 'Orders', numeric: true, cell: (row) => row.orders },
          { header: 'Covers', numeric: true, cell: (row) => row.covers },
          { header: 'Net sales', numeric: true, cell: (row) => m(row.netSalesMinor) },
        ]}
      />

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'openOrders'>>
          id="open-orders"
          title="Open orders now"
          description="On the floor right now, whatever period the report shows."
          range={range}
          section="openOrders"
          rows={summary.openOrders}
          rowKey={(row) => row.orderId}
          empty="No open orders."
          columns={[
            { header: 'Order', cell: (row) => <span className="font-semibold">{row.number}</span> },
            {
              header: 'Table',
              cell: (row) => row.table ?? (row.kind === 'table' ? '—' : 'Counter'),
            },
            {
              header: 'Opened',
              cell: (row) =>
                `${formatInVenueZone(row.openedAt, zone)}${row.openedBy ? ` · ${row.openedBy}` : ''}`,
            },
            { header: 'Total', numeric: true, cell: (row) => m(row.totalMinor) },
            { header: 'Due', numeric: true, cell: (row) => m(row.dueMinor) },
          ]}
        />
        <TablePanel<Rows<'attention'>>
          id="attention"
          title="Overpaid or refund pending"
          description={
            summary.attention.length > 0
              ? 'Bills paid more than their total, or with a refund not yet through.'
              : undefined
          }
          range={range}
          section="attention"
          rows={summary.attention}
          rowKey={(row) => row.orderId}
          empty="Nothing to give back."
          columns={[
            {
              header: 'Order',
              cell: (row) => (
                <Link
                  to="/manager/payments"
                  className="inline-flex min-h-touch items-center font-semibold text-brand underline"
                >
                  {row.number}
                </Link>
              ),
            },
            { header: 'Table', cell: (row) => row.table ?? '—' },
            { header: 'Overpaid', numeric: true, cell: (row) => m(row.overpaidMinor) },
            { header: 'Refund pending', numeric: true, cell: (row) => m(row.refundPendingMinor) },
          ]}
        />
      </div>
    </div>
  );
}
