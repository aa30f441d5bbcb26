import { isLineSent, type OrderLineRow, type OrderRow } from '@servio/shared';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApprovalTag } from '../approval-tag.tsx';
import { permissionFor, useAuthorize } from '../manager-approval.tsx';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { ReasonPicker } from './reason-picker.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

const LINE_REASONS = [
  intl.formatMessage({
    id: 'pos.voidDialog.guestChangedTheirMind',
    defaultMessage: 'Guest changed their mind',
  }),
  intl.formatMessage({
    id: 'pos.voidDialog.enteredByMistake',
    defaultMessage: 'Entered by mistake',
  }),
  intl.formatMessage({ id: 'pos.voidDialog.qualityProblem', defaultMessage: 'Quality problem' }),
  intl.formatMessage({ id: 'pos.voidDialog.tookTooLong', defaultMessage: 'Took too long' }),
];
const ORDER_REASONS = [
  intl.formatMessage({ id: 'pos.voidDialog.openedByMistake', defaultMessage: 'Opened by mistake' }),
  intl.formatMessage({ id: 'pos.voidDialog.guestsLeft', defaultMessage: 'Guests left' }),
  intl.formatMessage({ id: 'pos.voidDialog.duplicateOrder', defaultMessage: 'Duplicate order' }),
  intl.formatMessage({ id: 'pos.voidDialog.testOrder', defaultMessage: 'Test order' }),
];

/**
 * Void a line the kitchen already has, or a whole order, with a reason. Food already cooking is
 * a loss, so for a sent line or an order the kitchen has seen, anyone but a manager needs a
 * manager's PIN (permissions.ts: order.voidSentLine, order.voidSent).
 */
export function VoidDialog({
  order,
  line,
  lines,
  onClose,
}: {
  order: OrderRow;
  /** The line to void; without it the whole order is voided. */
  line?: OrderLineRow;
  lines: readonly OrderLineRow[];
  onClose: () => void;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { staff } = usePos();
  const authorize = useAuthorize(staff.role);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const kitchenHasIt = line
    ? isLineSent(line.status)
    : lines.some((candidate) => isLineSent(candidate.status));
  const action = line
    ? kitchenHasIt
      ? 'order.voidSentLine'
      : 'order.voidLine'
    : kitchenHasIt
      ? 'order.voidSent'
      : 'order.void';
  const permission = permissionFor(staff.role, action);
  const target = line
    ? intl.formatMessage(
        { id: 'pos.voidDialog.lineTarget', defaultMessage: '{quantity} × {name}' },
        { quantity: line.quantity, name: line.name },
      )
    : intl.formatMessage(
        { id: 'pos.voidDialog.order', defaultMessage: 'order {number}' },
        { number: order.number },
      );

  async function confirm() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setProblem(
        intl.formatMessage({
          id: 'pos.voidDialog.chooseOrTypeA',
          defaultMessage: 'Choose or type a reason.',
        }),
      );
      return;
    }
    setSaving(true);
    const clearance = await authorize({
      action,
      what: intl.formatMessage(
        { id: 'pos.voidDialog.void3', defaultMessage: 'Void {target}: {trimmed}' },
        { target, trimmed },
      ),
    });
    if (!clearance) {
      setSaving(false);
      return;
    }
    const done = line
      ? await runMutation(
          'order.voidLine',
          { lineId: line.id, reason: trimmed },
          {
            ...clearance,
            done: intl.formatMessage(
              { id: 'pos.voidDialog.voided', defaultMessage: '{name} voided' },
              { name: line.name },
            ),
            refused: intl.formatMessage(
              { id: 'pos.voidDialog.notVoided', defaultMessage: '{name} not voided' },
              { name: line.name },
            ),
          },
        )
      : await runMutation(
          'order.void',
          { orderId: order.id, reason: trimmed },
          {
            ...clearance,
            done: intl.formatMessage(
              { id: 'pos.voidDialog.orderVoided', defaultMessage: 'Order {number} voided' },
              { number: order.number },
            ),
            refused: intl.formatMessage({
              id: 'pos.voidDialog.orderNotVoided',
              defaultMessage: 'Order not voided',
            }),
          },
        );
    setSaving(false);
    if (!done) return;
    onClose();
    if (!line) void navigate('/');
  }

  return (
    <PosDialog
      title={intl.formatMessage(
        { id: 'pos.voidDialog.void', defaultMessage: 'Void {target}' },
        { target },
      )}
      subtitle={
        kitchenHasIt
          ? intl.formatMessage({
              id: 'pos.voidDialog.theKitchenAlreadyHas',
              defaultMessage: 'The kitchen already has this: it will be told to stop.',
            })
          : intl.formatMessage({
              id: 'pos.voidDialog.notSentToThe',
              defaultMessage: 'Not sent to the kitchen yet.',
            })
      }
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="pos.voidDialog.keepIt" defaultMessage="Keep it" />
          </Button>
          <Button variant="danger" isPending={saving} onPress={() => void confirm()}>
            <Trash2 aria-hidden className="size-5" />
            <FormattedMessage id="pos.voidDialog.void2" defaultMessage="Void" />
            <ApprovalTag permission={permission} />
          </Button>
        </>
      }
    >
      {problem ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'pos.voidDialog.notVoidedYet',
            defaultMessage: 'Not voided yet',
          })}
        >
          {problem}
        </Notice>
      ) : null}
      <ReasonPicker
        label={intl.formatMessage({ id: 'pos.voidDialog.reason', defaultMessage: 'Reason' })}
        presets={line ? LINE_REASONS : ORDER_REASONS}
        value={reason}
        onChange={(next) => {
          setReason(next);
          setProblem(null);
        }}
        isInvalid={problem !== null}
      />
    </PosDialog>
  );
}
