import { isLineSent, type OrderLineRow } from '@servio/shared';
import { PencilLine, Percent, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { ApprovalTag } from '../approval-tag.tsx';
import { LINE_STATUS_LABEL, modifiersText } from '../line-text.ts';
import { permissionFor } from '../manager-approval.tsx';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

export type LineAction = 'edit' | 'discount' | 'void';

/**
 * What can be done with one line: change it (only before the kitchen has it), discount it, or
 * remove/void it. Each choice says up front when it will need a manager.
 */
export function LineDialog({
  line,
  isEditable,
  onChoose,
  onClose,
}: {
  line: OrderLineRow;
  /** The order still takes changes (not paid, closed or void). */
  isEditable: boolean;
  onChoose: (action: LineAction) => void;
  onClose: () => void;
}) {
  const intl = useIntl();
  const { staff, money } = usePos();
  const [removing, setRemoving] = useState(false);
  const sent = isLineSent(line.status);
  const voided = line.status === 'voided';
  const canChange = isEditable && !voided;
  const discount = permissionFor(staff.role, 'order.applyDiscount');
  const voiding = permissionFor(staff.role, sent ? 'order.voidSentLine' : 'order.voidLine');

  async function removeUnsent() {
    setRemoving(true);
    const done = await runMutation(
      'order.voidLine',
      { lineId: line.id, reason: 'Removed before sending' },
      {
        done: intl.formatMessage(
          { id: 'pos.lineDialog.removed', defaultMessage: '{name} removed' },
          { name: line.name },
        ),
        refused: intl.formatMessage(
          { id: 'pos.lineDialog.notRemoved', defaultMessage: '{name} not removed' },
          { name: line.name },
        ),
      },
    );
    setRemoving(false);
    if (done) onClose();
  }

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.lineDialog.text', defaultMessage: '{quantity} × {name}' },
        { quantity: line.quantity, name: line.name },
      )}
      subtitle={`${LINE_STATUS_LABEL[line.status]} · ${money(line.lineTotalMinor)}`}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      {line.modifiers.length > 0 ? <p className="text-base">{modifiersText(line)}</p> : null}
      {line.note ? (
        <p className="text-base font-semibold text-warn-ink">
          <FormattedMessage
            id="pos.lineDialog.note"
            defaultMessage="Note: {note}"
            values={{ note: line.note }}
          />
        </p>
      ) : null}
      {voided ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage id="pos.lineDialog.voided" defaultMessage="Voided" />
          {line.voidReason ? (
            <FormattedMessage
              id="pos.lineDialog.text2"
              defaultMessage=": {voidReason}"
              values={{ voidReason: line.voidReason }}
            />
          ) : (
            ''
          )}
          <FormattedMessage id="pos.lineDialog.text3" defaultMessage="." />
        </p>
      ) : null}
      {!canChange ? (
        <p className="text-base text-ink-muted">
          <FormattedMessage
            id="pos.lineDialog.thisOrderNoLonger"
            defaultMessage="This order no longer takes changes."
          />
        </p>
      ) : (
        <div className="flex flex-col gap-2">
          {line.status === 'new' ? (
            <Button
              variant="secondary"
              size="lg"
              className="justify-start!"
              onPress={() => onChoose('edit')}
            >
              <PencilLine aria-hidden className="size-5" />
              <FormattedMessage
                id="pos.lineDialog.changeQuantityOptionsOr"
                defaultMessage="Change quantity, options or note"
              />
            </Button>
          ) : (
            <p className="text-base text-ink-muted">
              <FormattedMessage
                id="pos.lineDialog.theKitchenHasThis"
                defaultMessage="The kitchen has this line, so it can no longer be changed; void it and add a new one."
              />
            </p>
          )}
          {discount !== 'denied' ? (
            <Button
              variant="secondary"
              size="lg"
              className="justify-start!"
              onPress={() => onChoose('discount')}
            >
              <Percent aria-hidden className="size-5" />
              <FormattedMessage
                id="pos.lineDialog.discountThisItem"
                defaultMessage="Discount this item"
              />
              <ApprovalTag permission={discount} />
            </Button>
          ) : null}
          {line.status === 'new' ? (
            <Button
              variant="secondary"
              size="lg"
              className="justify-start! text-danger!"
              isPending={removing}
              onPress={() => void removeUnsent()}
            >
              <Trash2 aria-hidden className="size-5" />
              <FormattedMessage
                id="pos.lineDialog.removeFromOrder"
                defaultMessage="Remove from order"
              />
            </Button>
          ) : voiding !== 'denied' ? (
            <Button
              variant="secondary"
              size="lg"
              className="justify-start! text-danger!"
              onPress={() => onChoose('void')}
            >
              <Trash2 aria-hidden className="size-5" />
              <FormattedMessage id="pos.lineDialog.voidThisItem" defaultMessage="Void this item" />
              <ApprovalTag permission={voiding} />
            </Button>
          ) : null}
        </div>
      )}
    </PosDialog>
  );
}
