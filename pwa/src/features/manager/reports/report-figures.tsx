import { CircleCheck, CloudOff, TriangleAlert } from 'lucide-react';
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

/** The headline figures: what was sold, what came off it, what was collected. */
export function FigureGrid({ summary }: { summary: ReportSummary }) {
  const f = summary.figures;
  const c = summary.venue.currency;
  const inclusive = summary.venue.taxMode === 'inclusive';
  const figures: Figure[] = [
    {
      label: 'Net sales',
      value: money(f.netSalesMinor, c),
      emphasis: true,
      detail: inclusive ? `${money(f.netSalesExTaxMinor, c)} excluding tax` : 'before tax',
    },
    { label: 'Gross sales', value: money(f.grossSalesMinor, c) },
    { label: 'Discounts', value: money(f.discountsMinor, c) },
    {
      label: 'Voids',
      value: money(f.voids.valueMinor, c),
      detail: `${f.voids.quantity} ${f.voids.quantity === 1 ? 'item' : 'items'}, ${f.voids.orders} ${f.voids.orders === 1 ? 'order' : 'orders'}`,
    },
    { label: inclusive ? 'Tax (included)' : 'Tax', value: money(f.taxMinor, c) },
    { label: 'Service charge', value: money(f.serviceChargeMinor, c) },
    { label: 'Tips', value: money(f.tipsMinor, c) },
    {
      label: 'Refunds',
      value: money(f.refundsMinor, c),
      detail: `${f.refunds} ${f.refunds === 1 ? 'refund' : 'refunds'}`,
    },
    { label: 'Orders', value: String(f.orders), emphasis: true },
    { label: 'Covers', value: String(f.covers) },
    {
      label: 'Average ticket',
      value: money(f.averageTicketMinor, c),
      detail: `${money(f.averagePerCoverMinor, c)} per cover`,
    },
    {
      label: 'Payments taken',
      value: money(f.paymentsMinor, c),
      detail: `of ${money(f.totalBilledMinor, c)} billed`,
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
  const { freshness, venue } = summary;
  const asOf = freshness.asOf
    ? `As of ${formatInVenueZone(freshness.asOf, venue.timezone)}: the last change that reached the server.`
    : 'No sales have reached the server yet.';
  if (freshness.complete) {
    return (
      <div
        role="status"
        className="flex items-start gap-3 rounded-control border-l-4 border-ok bg-ok-soft p-3 text-ok-ink"
      >
        <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0" />
        <p className="text-base">
          <span className="font-semibold">{asOf}</span> Every device has sent all its changes.
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
          <span className="font-semibold">{asOf}</span> Not complete:{' '}
          {devices.length === 1 ? '1 device holds' : `${devices.length} devices hold`}{' '}
          {freshness.pendingMutations === 1 ? '1 change' : `${freshness.pendingMutations} changes`}{' '}
          the server has not received.
        </p>
        <ul className="flex flex-col gap-0.5">
          {devices.map((device) => (
            <li key={device.deviceId} className="flex items-center gap-2">
              <CloudOff aria-hidden className="size-4 shrink-0" />
              <span>
                <span className="font-semibold">
                  {device.name} ({device.letter})
                </span>
                : {device.pendingMutations} unsynced{' '}
                {device.pendingMutations === 1 ? 'change' : 'changes'}, last seen{' '}
                {device.lastSeenAt ? formatInVenueZone(device.lastSeenAt, venue.timezone) : 'never'}
                {device.revoked ? ' (revoked: pair it again or import its outbox)' : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
