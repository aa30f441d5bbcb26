import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { amountText, money, parseAmount } from '../../../lib/money.ts';
import { useServerMutation } from '../use-server-mutation.ts';
import { TextField } from '../../../ui/text-field.tsx';

export interface RefundTarget {
  paymentId: string;
  /** "Order A12 · T4", for the title. */
  label: string;
  /** What can still go back on this card payment (amount and tip, less refunds). */
  refundableMinor: number;
  /** Suggested amount (an overpaid bill suggests the overpayment). */
  suggestedMinor: number;
}

/**
 * Refund a card payment made by QR, fully or in part, with a reason. The refund id is made once
 * when the dialog opens and sent again on a retry, so a double tap or a lost answer never
 * refunds twice (the server and Stripe both key on it).
 */
export function RefundDialog({
  target,
  currency,
  onClose,
}: {
  target: RefundTarget;
  currency: string;
  onClose: () => void;
}) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [refundId] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState(amountText(target.suggestedMinor, currency));
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const refund = useServerMutation(
    {
      mutationFn: (input: { amountMinor: number; reason: string }) =>
        client.payments.refund.mutate({ refundId, paymentId: target.paymentId, ...input }),
    },
    [trpc.payments.overpaid.queryFilter(), trpc.reports.pathFilter()],
  );
  const parsed = parseAmount(amount, currency);
  const problems = {
    amount: !parsed.ok
      ? parsed.message
      : parsed.minor <= 0
        ? intl.formatMessage({
            id: 'manager.refund.amountNotPositive',
            defaultMessage: 'Refund more than nothing',
          })
        : parsed.minor > target.refundableMinor
          ? intl.formatMessage(
              {
                id: 'manager.refund.amountTooHigh',
                defaultMessage: 'At most {amount} can go back on this payment',
              },
              { amount: money(target.refundableMinor, currency) },
            )
          : null,
    reason:
      reason.trim() === ''
        ? intl.formatMessage({
            id: 'manager.refund.reasonMissing',
            defaultMessage: 'Say why (kept with the refund and in the audit log)',
          })
        : null,
  };

  if (refund.data) {
    const done = refund.data;
    return (
      <FormDialog
        title={intl.formatMessage({ id: 'manager.refund.sent', defaultMessage: 'Refund sent' })}
        isOpen
        onOpenChange={(open) => !open && onClose()}
      >
        <p role="status" className="text-lg">
          {done.status === 'succeeded' ? (
            <FormattedMessage
              id="manager.refund.succeeded"
              defaultMessage="{amount} was refunded to the card."
              values={{ amount: money(done.amountMinor, currency) }}
            />
          ) : done.status === 'pending' ? (
            <FormattedMessage
              id="manager.refund.pending"
              defaultMessage="{amount} is on its way back to the card; Stripe confirms it shortly."
              values={{ amount: money(done.amountMinor, currency) }}
            />
          ) : (
            <FormattedMessage
              id="manager.refund.failed"
              defaultMessage="{amount} could not be refunded: Stripe refused it."
              values={{ amount: money(done.amountMinor, currency) }}
            />
          )}
        </p>
        <DialogButtons
          onClose={onClose}
          pending={false}
          label={intl.formatMessage({ id: 'manager.refund.done', defaultMessage: 'Done' })}
        />
      </FormDialog>
    );
  }

  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.refund.title', defaultMessage: 'Refund {label}' },
        { label: target.label },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (parsed.ok && !problems.amount && !problems.reason) {
            refund.mutate({ amountMinor: parsed.minor, reason: reason.trim() });
          }
        }}
      >
        <p className="text-base">
          <FormattedMessage
            id="manager.refund.upTo"
            defaultMessage="Up to <bold>{amount}</bold> can go back to the customer's card."
            values={{
              amount: money(target.refundableMinor, currency),
              bold: (chunks) => <span className="font-semibold">{chunks}</span>,
            }}
          />
        </p>
        <TextField
          label={intl.formatMessage(
            { id: 'manager.refund.amount', defaultMessage: 'Amount to refund ({currency})' },
            { currency },
          )}
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          autoFocus
          {...fieldProblem(submitted, problems.amount)}
        />
        <TextField
          label={intl.formatMessage({ id: 'manager.refund.reason', defaultMessage: 'Reason' })}
          value={reason}
          onChange={setReason}
          placeholder={intl.formatMessage({
            id: 'manager.refund.reasonPlaceholder',
            defaultMessage: 'Paid twice: cash and card',
          })}
          {...fieldProblem(submitted, problems.reason)}
        />
        <FormError message={refund.problem} />
        <DialogButtons
          onClose={onClose}
          pending={refund.isPending}
          label={intl.formatMessage({
            id: 'manager.refund.submit',
            defaultMessage: 'Refund to card',
          })}
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}
