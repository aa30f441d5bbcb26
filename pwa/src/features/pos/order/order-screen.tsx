import { isOrderEditable, type LineId, type MenuItemRow } from '@servio/shared';
import { ArrowLeft, ChefHat, Users } from 'lucide-react';
import { useMemo, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useNavigate, useParams } from 'react-router';
import { Elapsed } from '../elapsed.tsx';
import { permissionFor } from '../manager-approval.tsx';
import { OrderTotalsList } from '../order-totals.tsx';
import { usePos } from '../pos-context.tsx';
import { runMutation } from '../run-mutation.ts';
import { OrderStatusBadge } from '../status-badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { LinkButton } from '../../../ui/link-button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { newRecordId } from '../../../data/mutate.ts';
import { orderPlace, useMenu, useOrderView } from '../pos-queries.ts';
import { MenuPanel } from './menu-panel.tsx';
import { OrderActionsMenu, type OrderAction } from './order-actions-menu.tsx';
import { OrderLines } from './order-lines.tsx';
import { OrderNotices } from './order-notices.tsx';
import { ClosedOrderActions, ClosedOrderBanner } from './closed-order-banner.tsx';
import { OrderDialogs, type OpenDialog } from './order-dialogs.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * Taking an order: the menu on the left, the ticket on the right (one at a time on a phone).
 * Every tap writes through the shared mutation catalog at once (applied on the tablet, queued
 * for the server), so nothing typed here is lost to a reload or a dropped connection.
 */
export function OrderScreen() {
  const intl = useIntl();
  const { orderId } = useParams();
  const navigate = useNavigate();
  const { venue, staff, money } = usePos();
  const view = useOrderView(orderId, venue.taxMode);
  const menu = useMenu();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [pane, setPane] = useState<'menu' | 'order'>('menu');
  const [sending, setSending] = useState(false);

  const lineTotals = useMemo(
    () => new Map((view?.totals.lines ?? []).map((line) => [line.lineId as string, line])),
    [view],
  );

  if (view === undefined || menu === undefined) {
    return (
      <p role="status" className="m-5 rounded-card bg-surface p-5 text-ink-muted shadow-card">
        <FormattedMessage
          id="pos.orderScreen.loadingTheOrder"
          defaultMessage="Loading the order…"
        />
      </p>
    );
  }
  if (view === null) {
    return (
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4 p-5">
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'pos.orderScreen.orderNotFound',
            defaultMessage: 'Order not found',
          })}
        >
          <FormattedMessage
            id="pos.orderScreen.thisTabletHasNo"
            defaultMessage="This tablet has no order at this address. It may have been merged or not synced here yet."
          />
        </Notice>
        <LinkButton to="/" variant="secondary" className="self-start">
          <ArrowLeft aria-hidden className="size-5" />
          <FormattedMessage
            id="pos.orderScreen.backToTheFloor"
            defaultMessage="Back to the floor"
          />
        </LinkButton>
      </div>
    );
  }

  const { order, lines, table, totals } = view;
  const editable = isOrderEditable(order.status);
  const mayEdit = editable && permissionFor(staff.role, 'order.addLine') === 'allowed';
  const place = orderPlace(order, table);
  const newLines = lines.filter((line) => line.status === 'new');
  const newCount = newLines.reduce((sum, line) => sum + line.quantity, 0);
  const liveCount = lines
    .filter((line) => line.status !== 'voided')
    .reduce((sum, line) => sum + line.quantity, 0);

  async function pick(item: MenuItemRow) {
    if (!view || !menu) return;
    const choices = menu.choices.get(item.id) ?? [];
    if (choices.length > 0) {
      setDialog({ kind: 'item', item });
      return;
    }
    // A second tap on a plain item counts it up instead of adding a line per glass.
    const same = view.lines.find(
      (line) =>
        line.status === 'new' &&
        line.itemId === item.id &&
        line.modifiers.length === 0 &&
        !line.note &&
        line.discountKind === null,
    );
    if (same) {
      await runMutation(
        'order.updateLine',
        { lineId: same.id, quantity: same.quantity + 1 },
        {
          done: intl.formatMessage(
            { id: 'pos.orderScreen.quantityOf', defaultMessage: '{quantity} × {name}' },
            { quantity: same.quantity + 1, name: item.name },
          ),
          refused: intl.formatMessage(
            { id: 'pos.orderScreen.notAdded', defaultMessage: '{name} not added' },
            { name: item.name },
          ),
        },
      );
    } else {
      await runMutation(
        'order.addLine',
        {
          orderId: view.order.id,
          lineId: newRecordId<LineId>(),
          itemId: item.id,
          quantity: 1,
          modifierOptionIds: [],
          note: null,
        },
        {
          done: intl.formatMessage(
            { id: 'pos.orderScreen.added', defaultMessage: '{name} added' },
            { name: item.name },
          ),
          refused: intl.formatMessage(
            { id: 'pos.orderScreen.notAdded', defaultMessage: '{name} not added' },
            { name: item.name },
          ),
        },
      );
    }
  }

  async function send() {
    setSending(true);
    await runMutation(
      'order.send',
      { orderId: order.id },
      {
        done: intl.formatMessage(
          {
            id: 'pos.orderScreen.sentToTheKitchen',
            defaultMessage: 'Sent to the kitchen: {newCount, plural, one {# item} other {# items}}',
          },
          { newCount },
        ),
        refused: intl.formatMessage({
          id: 'pos.orderScreen.notSentToThe',
          defaultMessage: 'Not sent to the kitchen',
        }),
      },
    );
    setSending(false);
  }

  const chooseAction = (action: OrderAction) => {
    switch (action) {
      case 'discount':
        setDialog({ kind: 'discount' });
        break;
      case 'move':
      case 'merge':
      case 'guests':
        setDialog({ kind: action });
        break;
      case 'void':
        setDialog({ kind: 'void' });
        break;
      case 'bill':
        void navigate(`/orders/${order.id}/receipt`);
        break;
    }
  };

  return (
    <div className="flex flex-1 flex-col lg:h-[calc(100dvh-var(--spacing-bar))] lg:overflow-hidden">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-surface px-3 py-2 sm:px-4">
        <LinkButton
          to="/"
          variant="secondary"
          aria-label={intl.formatMessage({
            id: 'pos.orderScreen.backToTheFloor',
            defaultMessage: 'Back to the floor',
          })}
        >
          <ArrowLeft aria-hidden className="size-5" />
          <span className="max-sm:sr-only">
            <FormattedMessage id="pos.orderScreen.floor" defaultMessage="Floor" />
          </span>
        </LinkButton>
        <h1 className="flex min-w-0 items-baseline gap-2 text-2xl font-bold">
          <span>{place}</span>
          <span className="text-lg font-semibold text-ink-muted">
            <FormattedMessage
              id="pos.orderScreen.order"
              defaultMessage="Order {number}"
              values={{ number: order.number }}
            />
          </span>
        </h1>
        <OrderStatusBadge status={order.status} />
        <span className="ml-auto flex items-center gap-4 text-base text-ink-muted">
          <span className="flex items-center gap-1">
            <Users aria-hidden className="size-5" />
            <FormattedMessage
              id="pos.orderScreen.guestCount"
              defaultMessage="{covers, plural, one {# guest} other {# guests}}"
              values={{ covers: order.covers }}
            />
          </span>
          <Elapsed since={order.openedAt} />
        </span>
      </header>

      <ToggleButtonGroup
        aria-label={intl.formatMessage({ id: 'pos.orderScreen.show', defaultMessage: 'Show' })}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[pane]}
        onSelectionChange={(keys) => {
          const [first] = [...keys];
          if (first === 'menu' || first === 'order') setPane(first);
        }}
        className="grid grid-cols-2 gap-1 border-b border-line bg-surface p-2 lg:hidden"
      >
        <ToggleButton
          id="menu"
          className="min-h-touch rounded-control font-semibold data-selected:bg-ink data-selected:text-white"
        >
          <FormattedMessage id="pos.orderScreen.menu" defaultMessage="Menu" />
        </ToggleButton>
        <ToggleButton
          id="order"
          className="min-h-touch rounded-control font-semibold data-selected:bg-ink data-selected:text-white"
        >
          <FormattedMessage
            id="pos.orderScreen.order2"
            defaultMessage="Order · {liveCount} · {totalMinor}"
            values={{ liveCount, totalMinor: money(totals.totalMinor) }}
          />
        </ToggleButton>
      </ToggleButtonGroup>

      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <div
          className={cx(
            'min-h-0 min-w-0 flex-1 flex-col p-3 sm:p-4 lg:flex',
            pane === 'menu' ? 'flex' : 'hidden',
          )}
        >
          {editable ? (
            <MenuPanel menu={menu} isEditable={mayEdit} onPick={(item) => void pick(item)} />
          ) : (
            <ClosedOrderBanner order={order} />
          )}
        </div>

        <aside
          aria-label={intl.formatMessage(
            { id: 'pos.orderScreen.order', defaultMessage: 'Order {number}' },
            { number: order.number },
          )}
          className={cx(
            'min-h-0 flex-col border-line bg-surface lg:flex lg:w-[24rem] lg:shrink-0 lg:border-l xl:w-[27rem]',
            pane === 'order' ? 'flex' : 'hidden',
          )}
        >
          <div className="flex flex-col gap-2 p-3 empty:hidden">
            <OrderNotices orderId={order.id} />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <OrderLines
              lines={lines}
              lineTotals={lineTotals}
              onPress={(line) => setDialog({ kind: 'line', lineId: line.id })}
            />
          </div>
          <div className="flex flex-col gap-3 border-t-2 border-line bg-canvas p-3">
            <OrderTotalsList totals={totals} />
            {editable ? (
              <>
                <Button
                  size="lg"
                  isDisabled={newCount === 0 || !mayEdit}
                  isPending={sending}
                  onPress={() => void send()}
                  className="w-full"
                >
                  <ChefHat aria-hidden className="size-6" />
                  {newCount > 0 ? (
                    <FormattedMessage
                      id="pos.orderScreen.sendToKitchen"
                      defaultMessage="Send to kitchen ({newCount})"
                      values={{ newCount }}
                    />
                  ) : (
                    <FormattedMessage
                      id="pos.orderScreen.nothingNewToSend"
                      defaultMessage="Nothing new to send"
                    />
                  )}
                </Button>
                <div className="flex gap-2">
                  {totals.dueMinor > 0 ? (
                    <LinkButton
                      to={`/orders/${order.id}/pay`}
                      variant="secondary"
                      size="lg"
                      className="flex-1"
                    >
                      <FormattedMessage
                        id="pos.orderScreen.pay"
                        defaultMessage="Pay {dueMinor}"
                        values={{ dueMinor: money(totals.dueMinor) }}
                      />
                    </LinkButton>
                  ) : (
                    <Button variant="secondary" size="lg" isDisabled className="flex-1">
                      <FormattedMessage
                        id="pos.orderScreen.nothingToPay"
                        defaultMessage="Nothing to pay"
                      />
                    </Button>
                  )}
                  <OrderActionsMenu order={order} onAction={chooseAction} />
                </div>
              </>
            ) : (
              <ClosedOrderActions orderId={order.id} status={order.status} />
            )}
          </div>
        </aside>
      </div>

      <OrderDialogs
        dialog={dialog}
        onDialog={setDialog}
        view={view}
        menu={menu}
        lineTotals={lineTotals}
        mayEdit={mayEdit}
      />
    </div>
  );
}
