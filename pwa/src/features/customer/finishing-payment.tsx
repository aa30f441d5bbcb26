import { LoaderCircle, RefreshCw } from 'lucide-react';
import { useEffect, useEffectEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describePayError } from '../../api/table-bill.ts';
import { StepHeading } from './step-heading.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';

export interface FinishingPaymentProps<T> {
  /**
   * Asks the server until the payment is decided; null when it is still not decided after a
   * while (the page then offers to ask again rather than guessing).
   */
  settle: (signal: AbortSignal) => Promise<T | null>;
  onSettled: (result: T) => void;
}

type Waiting = { kind: 'waiting' } | { kind: 'slow' } | { kind: 'error'; message: string };

/** Between "Stripe took the card" and "the server recorded it": a short wait, said so. */
export function FinishingPayment<T>({ settle, onSettled }: FinishingPaymentProps<T>) {
  const intl = useIntl();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Waiting>({ kind: 'waiting' });
  const run = useEffectEvent((signal: AbortSignal) => settle(signal));
  const done = useEffectEvent((result: T) => onSettled(result));

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (result === null) setState({ kind: 'slow' });
        else done(result);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ kind: 'error', message: describePayError(error) });
        }
      },
    );
    return () => controller.abort();
  }, [round]);

  const again = () => {
    setState({ kind: 'waiting' });
    setRound((value) => value + 1);
  };

  return (
    <>
      <StepHeading
        title={intl.formatMessage({
          id: 'customer.finishingPayment.confirming',
          defaultMessage: 'Confirming your payment',
        })}
      />
      {state.kind === 'waiting' ? (
        <div
          role="status"
          className="flex flex-col items-center gap-3 rounded-card bg-surface p-8 text-center shadow-card"
        >
          <LoaderCircle aria-hidden className="size-10 animate-spin text-brand" />
          <p className="text-lg font-semibold">
            <FormattedMessage
              id="customer.finishingPayment.cardAccepted"
              defaultMessage="Your card was accepted."
            />
          </p>
          <p className="text-base text-ink-muted">
            <FormattedMessage
              id="customer.finishingPayment.recording"
              defaultMessage="Recording it with the venue… Please keep this page open."
            />
          </p>
        </div>
      ) : (
        <Notice
          tone={state.kind === 'error' ? 'danger' : 'warn'}
          title={
            state.kind === 'error'
              ? intl.formatMessage({
                  id: 'customer.finishingPayment.couldNotCheck',
                  defaultMessage: 'Could not check the payment',
                })
              : intl.formatMessage({
                  id: 'customer.finishingPayment.stillConfirming',
                  defaultMessage: 'Still being confirmed',
                })
          }
          action={
            <Button variant="secondary" onPress={again}>
              <RefreshCw aria-hidden className="size-5" />
              <FormattedMessage
                id="customer.finishingPayment.checkAgain"
                defaultMessage="Check again"
              />
            </Button>
          }
        >
          {state.kind === 'error' ? (
            <FormattedMessage
              id="customer.finishingPayment.errorNotLost"
              defaultMessage="{problem} Your payment is not lost: check again in a moment."
              values={{ problem: state.message }}
            />
          ) : (
            <FormattedMessage
              id="customer.finishingPayment.bankNotFinished"
              defaultMessage="Your bank has not finished with this payment yet. You will not be charged twice: check again in a moment."
            />
          )}
        </Notice>
      )}
    </>
  );
}
