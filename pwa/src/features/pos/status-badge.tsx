import {
  Ban,
  ChefHat,
  CircleCheck,
  CircleDashed,
  HandCoins,
  PencilLine,
  type LucideIcon,
} from 'lucide-react';
import type { OrderStatus } from '@servio/shared';
import { FLOOR_STATUS_LABEL, floorStatusOfOrder, type FloorStatus } from './floor-status.ts';
import { cx } from '../../ui/class-names.ts';
import { FormattedMessage } from 'react-intl';

/** Colour, icon and words for each floor status: never colour alone. */
export const FLOOR_STATUS_STYLE: Record<
  FloorStatus,
  { icon: LucideIcon; badge: string; tile: string }
> = {
  free: { icon: CircleDashed, badge: 'bg-sunken text-ink', tile: 'border-line bg-surface' },
  open: { icon: PencilLine, badge: 'bg-brand text-white', tile: 'border-brand bg-brand-soft' },
  sent: { icon: ChefHat, badge: 'bg-warn text-white', tile: 'border-warn bg-warn-soft' },
  waiting: { icon: HandCoins, badge: 'bg-danger text-white', tile: 'border-danger bg-danger-soft' },
  paid: { icon: CircleCheck, badge: 'bg-ok text-white', tile: 'border-ok bg-ok-soft' },
};

export function StatusBadge({ status, className }: { status: FloorStatus; className?: string }) {
  const style = FLOOR_STATUS_STYLE[status];
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap',
        style.badge,
        className,
      )}
    >
      <style.icon aria-hidden className="size-4" />
      {FLOOR_STATUS_LABEL[status]}
    </span>
  );
}

/** An order's status in the floor's words, and "Closed" / "Void" once it has left the floor. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  if (status !== 'closed' && status !== 'void') {
    return <StatusBadge status={floorStatusOfOrder(status)} />;
  }
  const Icon = status === 'closed' ? CircleCheck : Ban;
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-sunken px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap text-ink">
      <Icon aria-hidden className="size-4" />
      {status === 'closed' ? (
        <FormattedMessage id="pos.statusBadge.closed" defaultMessage="Closed" />
      ) : (
        <FormattedMessage id="pos.statusBadge.void" defaultMessage="Void" />
      )}
    </span>
  );
}
