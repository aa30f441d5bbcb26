import type { LineTotals, MenuItemRow, LineId, OrderLineRow } from '@servio/shared';
import type { MenuData, OrderView } from '../pos-queries.ts';
import { DiscountDialog } from './discount-dialog.tsx';
import { ItemDialog } from './item-dialog.tsx';
import { LineDialog } from './line-dialog.tsx';
import { GuestsDialog, MergeDialog, MoveTableDialog } from './move-merge-dialogs.tsx';
import { VoidDialog } from './void-dialog.tsx';

type DialogItem = Pick<MenuItemRow, 'id' | 'name' | 'priceMinor' | 'description'>;

export type OpenDialog =
  | { kind: 'item'; item: DialogItem; editing?: OrderLineRow }
  | { kind: 'line'; lineId: LineId }
  | { kind: 'discount'; lineId?: LineId }
  | { kind: 'void'; lineId?: LineId }
  | { kind: 'move' | 'merge' | 'guests' };

/**
 * The order screen's dialogs, one at a time: an item's options, a line's actions, a discount,
 * a void, moving, merging, the number of guests.
 */
export function OrderDialogs({
  dialog,
  onDialog,
  view,
  menu,
  lineTotals,
  mayEdit,
}: {
  dialog: OpenDialog | null;
  onDialog: (dialog: OpenDialog | null) => void;
  view: OrderView;
  menu: MenuData;
  lineTotals: ReadonlyMap<string, LineTotals>;
  /** The signed-in person may change this order's lines. */
  mayEdit: boolean;
}) {
  const { order, lines, totals } = view;
  const dialogLine =
    dialog && 'lineId' in dialog && dialog.lineId
      ? lines.find((line) => line.id === dialog.lineId)
      : undefined;
  const close = () => onDialog(null);

  return (
    <>
      {dialog?.kind === 'item' ? (
        <ItemDialog
          item={dialog.item}
          choices={menu.choices.get(dialog.item.id) ?? []}
          orderId={order.id}
          {...(dialog.editing
            ? {
                editing: {
                  lineId: dialog.editing.id,
                  quantity: dialog.editing.quantity,
                  note: dialog.editing.note,
                  modifierOptionIds: dialog.editing.modifiers.map((m) => m.optionId),
                },
              }
            : {})}
          onClose={() => close()}
        />
      ) : null}
      {dialog?.kind === 'line' && dialogLine ? (
        <LineDialog
          line={dialogLine}
          isEditable={mayEdit}
          onClose={() => close()}
          onChoose={(action) => {
            if (action === 'edit') {
              const item = menu.items.find((candidate) => candidate.id === dialogLine.itemId);
              onDialog({
                kind: 'item',
                // An item taken off the menu since: edit the line with its own snapshot.
                item: item ?? {
                  id: dialogLine.itemId,
                  name: dialogLine.name,
                  priceMinor: dialogLine.unitPriceMinor,
                  description: '',
                },
                editing: dialogLine,
              });
            } else {
              onDialog({ kind: action, lineId: dialogLine.id });
            }
          }}
        />
      ) : null}
      {dialog?.kind === 'discount' ? (
        <DiscountDialog
          order={order}
          {...(dialogLine ? { line: dialogLine } : {})}
          baseMinor={
            dialogLine
              ? (lineTotals.get(dialogLine.id)?.grossMinor ?? dialogLine.lineTotalMinor)
              : totals.subtotalMinor
          }
          onClose={() => close()}
        />
      ) : null}
      {dialog?.kind === 'void' ? (
        <VoidDialog
          order={order}
          {...(dialogLine ? { line: dialogLine } : {})}
          lines={lines}
          onClose={() => close()}
        />
      ) : null}
      {dialog?.kind === 'move' ? <MoveTableDialog order={order} onClose={() => close()} /> : null}
      {dialog?.kind === 'merge' ? <MergeDialog order={order} onClose={() => close()} /> : null}
      {dialog?.kind === 'guests' ? <GuestsDialog order={order} onClose={() => close()} /> : null}
    </>
  );
}
