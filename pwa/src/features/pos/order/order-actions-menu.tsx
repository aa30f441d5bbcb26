import type { OrderRow } from '@servio/shared';
import { ArrowRightLeft, Ellipsis, Merge, Percent, ReceiptText, Trash2, Users } from 'lucide-react';
import { Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { ApprovalTag } from '../approval-tag.tsx';
import { permissionFor, type Permission } from '../manager-approval.tsx';
import { usePos } from '../pos-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { FormattedMessage, useIntl } from 'react-intl';

export type OrderAction = 'discount' | 'move' | 'merge' | 'guests' | 'bill' | 'void';

/**
 * The less frequent order actions behind one button. Only actions the signed-in role may take
 * (alone or with a manager's PIN) are listed; those needing a PIN say so.
 */
export function OrderActionsMenu({
  order,
  onAction,
}: {
  order: OrderRow;
  onAction: (action: OrderAction) => void;
}) {
  const intl = useIntl();
  const { staff } = usePos();
  const role = staff.role;
  // Derived status: 'open' means no live line has reached the kitchen (order-machine.ts).
  const kitchenSeen = order.status !== 'open';
  const entries: Array<{
    id: OrderAction;
    label: string;
    icon: typeof Percent;
    permission: Permission;
    danger?: boolean;
  }> = [
    {
      id: 'discount',
      label: intl.formatMessage({
        id: 'pos.orderActionsMenu.discountTheOrder',
        defaultMessage: 'Discount the order',
      }),
      icon: Percent,
      permission: permissionFor(role, 'order.applyDiscount'),
    },
    {
      id: 'move',
      label: intl.formatMessage({
        id: 'pos.orderActionsMenu.moveToAnotherTable',
        defaultMessage: 'Move to another table',
      }),
      icon: ArrowRightLeft,
      permission: permissionFor(role, 'order.moveTable'),
    },
    {
      id: 'merge',
      label: intl.formatMessage({
        id: 'pos.orderActionsMenu.mergeWithAnotherOrder',
        defaultMessage: 'Merge with another order',
      }),
      icon: Merge,
      permission: permissionFor(role, 'order.merge'),
    },
    {
      id: 'guests',
      label: intl.formatMessage({
        id: 'pos.orderActionsMenu.numberOfGuests',
        defaultMessage: 'Number of guests',
      }),
      icon: Users,
      permission: permissionFor(role, 'order.setCovers'),
    },
    {
      id: 'bill',
      label: intl.formatMessage({
        id: 'pos.orderActionsMenu.printTheBill',
        defaultMessage: 'Print the bill',
      }),
      icon: ReceiptText,
      permission: 'allowed',
    },
    {
      id: 'void',
      label:
        order.totalMinor === 0 && !kitchenSeen
          ? intl.formatMessage({
              id: 'pos.orderActionsMenu.cancelThisOrder',
              defaultMessage: 'Cancel this order',
            })
          : intl.formatMessage({
              id: 'pos.orderActionsMenu.voidTheOrder',
              defaultMessage: 'Void the order',
            }),
      icon: Trash2,
      permission:
        order.paidMinor > 0
          ? 'denied'
          : permissionFor(role, kitchenSeen ? 'order.voidSent' : 'order.void'),
      danger: true,
    },
  ];
  const shown = entries.filter((entry) => entry.permission !== 'denied');

  return (
    <MenuTrigger>
      <Button
        variant="secondary"
        size="lg"
        aria-label={intl.formatMessage({
          id: 'pos.orderActionsMenu.moreOrderActions',
          defaultMessage: 'More order actions',
        })}
      >
        <Ellipsis aria-hidden className="size-6" />
        <span className="max-sm:sr-only">
          <FormattedMessage id="pos.orderActionsMenu.more" defaultMessage="More" />
        </span>
      </Button>
      <Popover
        placement="top end"
        offset={8}
        className="min-w-72 rounded-card border border-line bg-surface p-1.5 shadow-float outline-none"
      >
        <Menu
          aria-label={intl.formatMessage({
            id: 'pos.orderActionsMenu.orderActions',
            defaultMessage: 'Order actions',
          })}
          onAction={(key) => onAction(key as OrderAction)}
          className="flex flex-col outline-none"
        >
          {shown.map((entry) => (
            <MenuItem
              key={entry.id}
              id={entry.id}
              textValue={entry.label}
              className={cx(
                'flex min-h-touch-lg cursor-default items-center gap-3 rounded-control px-3 text-base font-semibold outline-none',
                'data-focused:bg-sunken data-pressed:bg-sunken',
                entry.danger ? 'text-danger' : 'text-ink',
              )}
            >
              <entry.icon aria-hidden className="size-5 shrink-0" />
              <span className="flex-1">{entry.label}</span>
              <ApprovalTag permission={entry.permission} />
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
