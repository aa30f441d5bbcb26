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

const LINE_REASONS = [
  'Guest changed their mind',
  'Entered by mistake',
  'Quality problem',
  'Took too long',
];
const ORDER_REASONS = ['Opened by mistake', 'Guests left', 'Duplicate order', 'Test order'];

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
  const target = line ? `${line.quantity} × ${line.name}` : `order ${order.number}`;

  async function confirm() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setProblem('Choose or type a reason.');
      return;
    }
    setSaving(true);
    const clearance = await authorize({ action, what: `Void ${target}: ${trimmed}` });
    if (!clearance) {
      setSaving(false);
      return;
    }
    const done = line
      ? await runMutation(
          'order.voidLine',
          { lineId: line.id, reason: trimmed },
          { ...clearance, done: `${line.name} voided`, refused: `${line.name} not voided` },
        )
      : await runMutation(
          'order.void',
          { orderId: order.id, reason: trimmed },
          { ...clearance, done: `Order ${order.number} voided`, refused: 'Order not voided' },
        );
    setSaving(false);
    if (!done) return;
    onClose();
    if (!line) void navigate('/');
  }

  return (
    <PosDialog
      title={`Void ${target}`}
      subtitle={
        kitchenHasIt
          ? 'The kitchen already has this: it will be told to stop.'
          : 'Not sent to the kitchen yet.'
      }
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            Keep it
          </Button>
          <Button variant="danger" isPending={saving} onPress={() => void confirm()}>
            <Trash2 aria-hidden className="size-5" />
            Void
            <ApprovalTag permission={permission} />
          </Button>
        </>
      }
    >
      {problem ? (
        <Notice tone="danger" title="Not voided yet">
          {problem}
        </Notice>
      ) : null}
      <ReasonPicker
        label="Reason"
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
