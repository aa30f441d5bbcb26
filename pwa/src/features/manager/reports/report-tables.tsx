import { defineMessage, defineMessages, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../ui/data-table.tsx';
import { money } from '../../../lib/money.ts';
import { Panel } from '../../../ui/panel.tsx';
import type { ReportRangeInput, ReportSection, ReportSummary } from '../manager-api.ts';
import { CsvButton } from './csv-button.tsx';
import { formatBusinessDay, formatInVenueZone, hourLabel } from './report-dates.ts';

// Column headers several tables share.
const HEADERS = defineMessages({
  item: { id: 'manager.reportTables.item', defaultMessage: 'Item' },
  category: { id: 'manager.reportTables.category', defaultMessage: 'Category' },
  quantity: { id: 'manager.reportTables.quantity', defaultMessage: 'Qty' },
  netSales: { id: 'manager.reportTables.netSales', defaultMessage: 'Net sales' },
  voided: { id: 'manager.reportTables.voided', defaultMessage: 'Voided' },
  discounts: { id: 'manager.reportTables.discounts', defaultMessage: 'Discounts' },
  method: { id: 'manager.reportTables.method', defaultMessage: 'Method' },
  payments: { id: 'manager.reportTables.payments', defaultMessage: 'Payments' },
  taken: { id: 'manager.reportTables.taken', defaultMessage: 'Taken' },
  tips: { id: 'manager.reportTables.tips', defaultMessage: 'Tips' },
  refunded: { id: 'manager.reportTables.refunded', defaultMessage: 'Refunded' },
  netTaken: { id: 'manager.reportTables.netTaken', defaultMessage: 'Net taken' },
  staffMember: { id: 'manager.reportTables.staffMember', defaultMessage: 'Staff member' },
  orders: { id: 'manager.reportTables.orders', defaultMessage: 'Orders' },
  covers: { id: 'manager.reportTables.covers', defaultMessage: 'Covers' },
  averageTicket: { id: 'manager.reportTables.averageTicket', defaultMessage: 'Avg ticket' },
  businessDay: { id: 'manager.reportTables.businessDay', defaultMessage: 'Business day' },
  tax: { id: 'manager.reportTables.tax', defaultMessage: 'Tax' },
  hour: { id: 'manager.reportTables.hour', defaultMessage: 'Hour' },
  order: { id: 'manager.reportTables.order', defaultMessage: 'Order' },
  table: { id: 'manager.reportTables.table', defaultMessage: 'Table' },
  opened: { id: 'manager.reportTables.opened', defaultMessage: 'Opened' },
  total: { id: 'manager.reportTables.total', defaultMessage: 'Total' },
  due: { id: 'manager.reportTables.due', defaultMessage: 'Due' },
  overpaid: { id: 'manager.reportTables.overpaid', defaultMessage: 'Overpaid' },
  refundPending: { id: 'manager.reportTables.refundPending', defaultMessage: 'Refund pending' },
});

// Said by more than one table when the period has nothing for it.
const NOTHING_SOLD = defineMessage({
  id: 'manager.reportTables.nothingSold',
  defaultMessage: 'Nothing sold in this period.',
});
const NO_ORDERS = defineMessage({
  id: 'manager.reportTables.noOrders',
  defaultMessage: 'No orders in this period.',
});

type Rows<K extends keyof ReportSummary> = ReportSummary[K] extends readonly (infer R)[]
  ? R
  : never;

function TablePanel<Row>({
  id,
  title,
  csvLabel,
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
  /** The table in a sentence, for the CSV button ("Download sales by item as CSV"). */
  csvLabel: string;
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
      actions={<CsvButton range={range} section={section} label={csvLabel} />}
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
  const intl = useIntl();
  const h = (header: keyof typeof HEADERS) => intl.formatMessage(HEADERS[header]);
  const c = summary.venue.currency;
  const zone = summary.venue.timezone;
  const m = (amount: number) => money(amount, c);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'byItem'>>
          id="by-item"
          title={intl.formatMessage({
            id: 'manager.reportTables.salesByItem',
            defaultMessage: 'Sales by item',
          })}
          csvLabel={intl.formatMessage({
            id: 'manager.reportTables.salesByItemCsv',
            defaultMessage: 'sales by item',
          })}
          range={range}
          section="byItem"
          rows={summary.byItem}
          rowKey={(row) => row.itemId}
          empty={intl.formatMessage(NOTHING_SOLD)}
          columns={[
            { header: h('item'), cell: (row) => <span className="font-semibold">{row.name}</span> },
            { header: h('category'), cell: (row) => row.category },
            { header: h('quantity'), numeric: true, cell: (row) => row.quantity },
            { header: h('netSales'), numeric: true, cell: (row) => m(row.netSalesMinor) },
            {
              header: h('voided'),
              numeric: true,
              cell: (row) =>
                row.voidedQuantity > 0
                  ? intl.formatMessage(
                      {
                        id: 'manager.reportTables.voidedCell',
                        defaultMessage: '{quantity} · {amount}',
                      },
                      { quantity: String(row.voidedQuantity), amount: m(row.voidedMinor) },
                    )
                  : '—',
            },
          ]}
        />
        <div className="flex min-w-0 flex-col gap-4">
          <TablePanel<Rows<'byCategory'>>
            id="by-category"
            title={intl.formatMessage({
              id: 'manager.reportTables.salesByCategory',
              defaultMessage: 'Sales by category',
            })}
            csvLabel={intl.formatMessage({
              id: 'manager.reportTables.salesByCategoryCsv',
              defaultMessage: 'sales by category',
            })}
            range={range}
            section="byCategory"
            rows={summary.byCategory}
            rowKey={(row) => row.categoryId ?? 'none'}
            empty={intl.formatMessage(NOTHING_SOLD)}
            columns={[
              {
                header: h('category'),
                cell: (row) => <span className="font-semibold">{row.category}</span>,
              },
              { header: h('quantity'), numeric: true, cell: (row) => row.quantity },
              { header: h('discounts'), numeric: true, cell: (row) => m(row.discountsMinor) },
              { header: h('netSales'), numeric: true, cell: (row) => m(row.netSalesMinor) },
            ]}
          />
          <TablePanel<Rows<'byPaymentMethod'>>
            id="by-payment-method"
            title={intl.formatMessage({
              id: 'manager.reportTables.paymentsByMethod',
              defaultMessage: 'Payments by method',
            })}
            csvLabel={intl.formatMessage({
              id: 'manager.reportTables.paymentsByMethodCsv',
              defaultMessage: 'payments by method',
            })}
            range={range}
            section="byPaymentMethod"
            rows={summary.byPaymentMethod}
            rowKey={(row) => row.method}
            empty={intl.formatMessage({
              id: 'manager.reportTables.noPayments',
              defaultMessage: 'No payments in this period.',
            })}
            columns={[
              {
                header: h('method'),
                cell: (row) => <span className="font-semibold">{row.label}</span>,
              },
              { header: h('payments'), numeric: true, cell: (row) => row.payments },
              { header: h('taken'), numeric: true, cell: (row) => m(row.takenMinor) },
              { header: h('tips'), numeric: true, cell: (row) => m(row.tipsMinor) },
              {
                header: h('refunded'),
                numeric: true,
                cell: (row) =>
                  row.refunds > 0
                    ? intl.formatMessage(
                        {
                          id: 'manager.reportTables.refundedCell',
                          defaultMessage: '{amount} ({count})',
                        },
                        { amount: m(row.refundsMinor), count: String(row.refunds) },
                      )
                    : m(0),
              },
              { header: h('netTaken'), numeric: true, cell: (row) => m(row.netTakenMinor) },
            ]}
          />
        </div>
      </div>

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'byStaff'>>
          id="by-staff"
          title={intl.formatMessage({
            id: 'manager.reportTables.salesByStaff',
            defaultMessage: 'Sales by staff',
          })}
          csvLabel={intl.formatMessage({
            id: 'manager.reportTables.salesByStaffCsv',
            defaultMessage: 'sales by staff',
          })}
          description={intl.formatMessage({
            id: 'manager.reportTables.salesByStaffDescription',
            defaultMessage: 'Orders by the person who opened them; tips on those orders.',
          })}
          range={range}
          section="byStaff"
          rows={summary.byStaff}
          rowKey={(row) => row.staffId ?? 'qr'}
          empty={intl.formatMessage(NO_ORDERS)}
          columns={[
            {
              header: h('staffMember'),
              cell: (row) => <span className="font-semibold">{row.name}</span>,
            },
            { header: h('orders'), numeric: true, cell: (row) => row.orders },
            { header: h('covers'), numeric: true, cell: (row) => row.covers },
            { header: h('netSales'), numeric: true, cell: (row) => m(row.netSalesMinor) },
            { header: h('averageTicket'), numeric: true, cell: (row) => m(row.averageTicketMinor) },
            { header: h('tips'), numeric: true, cell: (row) => m(row.tipsMinor) },
          ]}
        />
        <TablePanel<Rows<'byDay'>>
          id="by-day"
          title={intl.formatMessage({
            id: 'manager.reportTables.salesByDay',
            defaultMessage: 'Sales by day',
          })}
          csvLabel={intl.formatMessage({
            id: 'manager.reportTables.salesByDayCsv',
            defaultMessage: 'sales by day',
          })}
          range={range}
          section="byDay"
          rows={summary.byDay}
          rowKey={(row) => row.businessDay}
          empty={intl.formatMessage({
            id: 'manager.reportTables.noDays',
            defaultMessage: 'No days in this period.',
          })}
          columns={[
            { header: h('businessDay'), cell: (row) => formatBusinessDay(row.businessDay) },
            { header: h('orders'), numeric: true, cell: (row) => row.orders },
            { header: h('covers'), numeric: true, cell: (row) => row.covers },
            { header: h('netSales'), numeric: true, cell: (row) => m(row.netSalesMinor) },
            { header: h('tax'), numeric: true, cell: (row) => m(row.taxMinor) },
            { header: h('tips'), numeric: true, cell: (row) => m(row.tipsMinor) },
          ]}
        />
      </div>

      <TablePanel<Rows<'byHour'>>
        id="by-hour"
        title={intl.formatMessage({
          id: 'manager.reportTables.salesByHour',
          defaultMessage: 'Sales by hour',
        })}
        csvLabel={intl.formatMessage({
          id: 'manager.reportTables.salesByHourCsv',
          defaultMessage: 'sales by hour',
        })}
        description={intl.formatMessage(
          {
            id: 'manager.reportTables.salesByHourDescription',
            defaultMessage: "Hours of the business day in the venue's time ({zone}).",
          },
          { zone },
        )}
        range={range}
        section="byHour"
        rows={summary.byHour.filter((row) => row.orders > 0)}
        rowKey={(row) => String(row.hour)}
        empty={intl.formatMessage(NO_ORDERS)}
        columns={[
          { header: h('hour'), cell: (row) => hourLabel(row.hour) },
          { header: h('orders'), numeric: true, cell: (row) => row.orders },
          { header: h('covers'), numeric: true, cell: (row) => row.covers },
          { header: h('netSales'), numeric: true, cell: (row) => m(row.netSalesMinor) },
        ]}
      />

      <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2 print:grid-cols-1">
        <TablePanel<Rows<'openOrders'>>
          id="open-orders"
          title={intl.formatMessage({
            id: 'manager.reportTables.openOrders',
            defaultMessage: 'Open orders now',
          })}
          csvLabel={intl.formatMessage({
            id: 'manager.reportTables.openOrdersCsv',
            defaultMessage: 'open orders now',
          })}
          description={intl.formatMessage({
            id: 'manager.reportTables.openOrdersDescription',
            defaultMessage: 'On the floor right now, whatever period the report shows.',
          })}
          range={range}
          section="openOrders"
          rows={summary.openOrders}
          rowKey={(row) => row.orderId}
          empty={intl.formatMessage({
            id: 'manager.reportTables.noOpenOrders',
            defaultMessage: 'No open orders.',
          })}
          columns={[
            {
              header: h('order'),
              cell: (row) => <span className="font-semibold">{row.number}</span>,
            },
            {
              header: h('table'),
              cell: (row) =>
                row.table ??
                (row.kind === 'table'
                  ? '—'
                  : intl.formatMessage({
                      id: 'manager.reportTables.counter',
                      defaultMessage: 'Counter',
                    })),
            },
            {
              header: h('opened'),
              cell: (row) =>
                row.openedBy
                  ? intl.formatMessage(
                      { id: 'manager.reportTables.openedBy', defaultMessage: '{time} · {name}' },
                      { time: formatInVenueZone(row.openedAt, zone), name: row.openedBy },
                    )
                  : formatInVenueZone(row.openedAt, zone),
            },
            { header: h('total'), numeric: true, cell: (row) => m(row.totalMinor) },
            { header: h('due'), numeric: true, cell: (row) => m(row.dueMinor) },
          ]}
        />
        <TablePanel<Rows<'attention'>>
          id="attention"
          title={intl.formatMessage({
            id: 'manager.reportTables.attention',
            defaultMessage: 'Overpaid or refund pending',
          })}
          csvLabel={intl.formatMessage({
            id: 'manager.reportTables.attentionCsv',
            defaultMessage: 'overpaid or refund pending',
          })}
          description={
            summary.attention.length > 0
              ? intl.formatMessage({
                  id: 'manager.reportTables.attentionDescription',
                  defaultMessage:
                    'Bills paid more than their total, or with a refund not yet through.',
                })
              : undefined
          }
          range={range}
          section="attention"
          rows={summary.attention}
          rowKey={(row) => row.orderId}
          empty={intl.formatMessage({
            id: 'manager.reportTables.nothingToGiveBack',
            defaultMessage: 'Nothing to give back.',
          })}
          columns={[
            {
              header: h('order'),
              cell: (row) => (
                <Link
                  to="/manager/payments"
                  className="inline-flex min-h-touch items-center font-semibold text-brand underline"
                >
                  {row.number}
                </Link>
              ),
            },
            { header: h('table'), cell: (row) => row.table ?? '—' },
            { header: h('overpaid'), numeric: true, cell: (row) => m(row.overpaidMinor) },
            { header: h('refundPending'), numeric: true, cell: (row) => m(row.refundPendingMinor) },
          ]}
        />
      </div>
    </div>
  );
}
