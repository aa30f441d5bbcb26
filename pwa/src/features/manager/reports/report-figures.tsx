import { CircleCheck, CloudOff, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { money } from '../../../lib/money.ts';
import { cx } from '../../../ui/class-names.ts';
import type { ReportSummary } from '../manager-api.ts';
import { formatInVenueZone } from './report-dates.ts';

interface Figure {
  label: string;
  value: string;
  detail?: string;
  emphasis?: boolean;
}

const FIGURES = defineMessages({
  netSales: { id: 'manager.reportFigures.netSales', defaultMessage: 'Net sales' },
  grossSales: { id: 'manager.reportFigures.grossSales', defaultMessage: 'Gross sales' },
  discounts: { id: 'manager.reportFigures.discounts', defaultMessage: 'Discounts' },
  voids: { id: 'manager.reportFigures.voids', defaultMessage: 'Voids' },
  tax: { id: 'manager.reportFigures.tax', defaultMessage: 'Tax' },
  taxIncluded: { id: 'manager.reportFigures.taxIncluded', defaultMessage: 'Tax (included)' },
  serviceCharge: { id: 'manager.reportFigures.serviceCharge', defaultMessage: 'Service charge' },
  tips: { id: 'manager.reportFigures.tips', defaultMessage: 'Tips' },
  refunds: { id: 'manager.reportFigures.refunds', defaultMessage: 'Refunds' },
  orders: { id: 'manager.reportFigures.orders', defaultMessage: 'Orders' },
  covers: { id: 'manager.reportFigures.covers', defaultMessage: 'Covers' },
  averageTicket: { id: 'manager.reportFigures.averageTicket', defaultMessage: 'Average ticket' },
  paymentsTaken: { id: 'manager.reportFigures.paymentsTaken', defaultMessage: 'Payments taken' },
});

/** The headline figures: what was sold, what came off it, what was collected. */
export function FigureGrid({ summary }: { summary: ReportSummary }) {
  const intl = useIntl();
  const f = summary.figures;
  const c = summary.venue.currency;
  const inclusive = summary.venue.taxMode === 'inclusive';
  const label = (descriptor: (typeof FIGURES)[keyof typeof FIGURES]) =>
    intl.formatMessage(descriptor);
  const figures: Figure[] = [
    {
      label: label(FIGURES.netSales),
      value: money(f.netSalesMinor, c),
      emphasis: true,
      detail: inclusive
        ? intl.formatMessage(
            { id: 'manager.reportFigures.excludingTax', defaultMessage: '{amount} excluding tax' },
            { amount: money(f.netSalesExTaxMinor, c) },
          )
        : intl.formatMessage({
            id: 'manager.reportFigures.beforeTax',
            defaultMessage: 'before tax',
          }),
    },
    { label: label(FIGURES.grossSales), value: money(f.grossSalesMinor, c) },
    { label: label(FIGURES.discounts), value: money(f.discountsMinor, c) },
    {
      label: label(FIGURES.voids),
      value: money(f.voids.valueMinor, c),
      // Counts as written so far ("1200 items", no grouping separator): passed as text.
      detail: intl.formatMessage(
        {
          id: 'manager.reportFigures.voidsDetail',
          defaultMessage:
            '{quantity, plural, one {{quantityText} item} other {{quantityText} items}}, {orders, plural, one {{ordersText} order} other {{ordersText} orders}}',
        },
        {
          quantity: f.voids.quantity,
          quantityText: String(f.voids.quantity),
          orders: f.voids.orders,
          ordersText: String(f.voids.orders),
        },
      ),
    },
    { label: label(inclusive ? FIGURES.taxIncluded : FIGURES.tax), value: money(f.taxMinor, c) },
    { label: label(FIGURES.serviceCharge), value: money(f.serviceChargeMinor, c) },
    { label: label(FIGURES.tips), value: money(f.tipsMinor, c) },
    {
      label: label(FIGURES.refunds),
      value: money(f.refundsMinor, c),
      detail: intl.formatMessage(
        {
          id: 'manager.reportFigures.refundsDetail',
          defaultMessage: '{count, plural, one {{countText} refund} other {{countText} refunds}}',
        },
        { count: f.refunds, countText: String(f.refunds) },
      ),
    },
    { label: label(FIGURES.orders), value: String(f.orders), emphasis: true },
    { label: label(FIGURES.covers), value: String(f.covers) },
    {
      label: label(FIGURES.averageTicket),
      value: money(f.averageTicketMinor, c),
      detail: intl.formatMessage(
        { id: 'manager.reportFigures.perCover', defaultMessage: '{amount} per cover' },
        { amount: money(f.averagePerCoverMinor, c) },
      ),
    },
    {
      label: label(FIGURES.paymentsTaken),
      value: money(f.paymentsMinor, c),
      detail: intl.formatMessage(
        { id: 'manager.reportFigures.ofBilled', defaultMessage: 'of {amount} billed' },
        { amount: money(f.totalBilledMinor, c) },
      ),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 print:grid-cols-4">
      {figures.map((figure) => (
        <div
          key={figure.label}
          data-figure={figure.label}
          className={cx(
            'flex min-w-0 flex-col gap-1 rounded-card p-4 shadow-card print:border print:border-line print:shadow-none',
            figure.emphasis ? 'bg-brand text-white' : 'bg-surface',
          )}
        >
          <dt
            className={cx(
              'text-sm font-semibold',
              figure.emphasis ? 'text-brand-soft' : 'text-ink-muted',
            )}
          >
            {figure.label}
          </dt>
          <dd className="truncate text-xl font-bold tabular-nums sm:text-2xl">{figure.value}</dd>
          {figure.detail ? (
            <dd className={cx('text-sm', figure.emphasis ? 'text-brand-soft' : 'text-ink-muted')}>
              {figure.detail}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * Honest freshness: the report holds what tablets have pushed. Says when the last sale-related
 * change reached the server, and names every device still holding unsynced work.
 */
export function FreshnessNotice({ summary }: { summary: ReportSummary }) {
  const intl = useIntl();
  const { freshness, venue } = summary;
  const asOf = freshness.asOf
    ? intl.formatMessage(
        {
          id: 'manager.freshness.asOf',
          defaultMessage: 'As of {time}: the last change that reached the server.',
        },
        { time: formatInVenueZone(freshness.asOf, venue.timezone) },
      )
    : intl.formatMessage({
        id: 'manager.freshness.noSales',
        defaultMessage: 'No sales have reached the server yet.',
      });
  if (freshness.complete) {
    return (
      <div
        role="status"
        className="flex items-start gap-3 rounded-control border-l-4 border-ok bg-ok-soft p-3 text-ok-ink"
      >
        <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0" />
        <p className="text-base">
          <FormattedMessage
            id="manager.freshness.complete"
            defaultMessage="<bold>{asOf}</bold> Every device has sent all its changes."
            values={{ asOf, bold }}
          />
        </p>
      </div>
    );
  }
  const devices = freshness.devicesWithUnsyncedWork;
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-control border-l-4 border-warn bg-warn-soft p-3 text-warn-ink"
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="flex flex-col gap-1 text-base">
        <p>
          {/* Counts as written so far (no grouping separator): passed as text. */}
          <FormattedMessage
            id="manager.freshness.incomplete"
            defaultMessage="<bold>{asOf}</bold> Not complete: {devices, plural, one {{devicesText} device holds} other {{devicesText} devices hold}} {changes, plural, one {{changesText} change} other {{changesText} changes}} the server has not received."
            values={{
              asOf,
              bold,
              devices: devices.length,
              devicesText: String(devices.length),
              changes: freshness.pendingMutations,
              changesText: String(freshness.pendingMutations),
            }}
          />
        </p>
        <ul className="flex flex-col gap-0.5">
          {devices.map((device) => (
            <li key={device.deviceId} className="flex items-center gap-2">
              <CloudOff aria-hidden className="size-4 shrink-0" />
              <span>
                <FormattedMessage
                  id="manager.freshness.device"
                  defaultMessage="<bold>{name} ({letter})</bold>: {changes, plural, one {{changesText} unsynced change} other {{changesText} unsynced changes}}, last seen {lastSeen}"
                  values={{
                    bold,
                    name: device.name,
                    letter: device.letter,
                    changes: device.pendingMutations,
                    changesText: String(device.pendingMutations),
                    lastSeen: device.lastSeenAt
                      ? formatInVenueZone(device.lastSeenAt, venue.timezone)
                      : intl.formatMessage({
                          id: 'manager.freshness.neverSeen',
                          defaultMessage: 'never',
                        }),
                  }}
                />
                {device.revoked ? (
                  <FormattedMessage
                    id="manager.freshness.revoked"
                    defaultMessage=" (revoked: pair it again or import its outbox)"
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function bold(chunks: ReactNode[]) {
  return <span className="font-semibold">{chunks}</span>;
}
