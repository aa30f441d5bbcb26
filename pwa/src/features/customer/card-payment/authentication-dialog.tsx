import { ShieldCheck } from 'lucide-react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { Button } from '../../../ui/button.tsx';

export interface AuthenticationDialogProps {
  isOpen: boolean;
  /** "€16.50" */
  amount: string;
  merchant: string;
  cardLabel: string;
  pendingAnswer: 'success' | 'failure' | null;
  onAnswer: (outcome: 'success' | 'failure') => void;
}

/**
 * The bank's 3D Secure step, as the local Stripe emulator plays it (with real keys Stripe.js
 * shows the bank's own page instead). The customer confirms or refuses; the emulator decides
 * the intent accordingly. Not dismissable by a tap outside: the bank is waiting for an answer.
 */
export function AuthenticationDialog({
  isOpen,
  amount,
  merchant,
  cardLabel,
  pendingAnswer,
  onAnswer,
}: AuthenticationDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      isDismissable={false}
      isKeyboardDismissDisabled
      className="fixed inset-0 z-50 flex items-end justify-center bg-black/50 p-3 sm:items-center"
    >
      <Modal className="w-full max-w-md">
        <Dialog
          role="alertdialog"
          className="flex flex-col gap-4 rounded-card bg-surface p-6 shadow-float outline-none"
        >
          <div className="flex items-center gap-3">
            <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-soft text-brand">
              <ShieldCheck aria-hidden className="size-7" />
            </span>
            <div>
              <Heading slot="title" className="text-xl font-bold">
                <FormattedMessage id="customer.card.authTitle" defaultMessage="Confirm it’s you" />
              </Heading>
              <p className="text-sm text-ink-muted">
                <FormattedMessage
                  id="customer.card.authSubtitle"
                  defaultMessage="Your bank · test authentication"
                />
              </p>
            </div>
          </div>
          <p className="text-base">
            <FormattedMessage
              id="customer.card.authAsk"
              defaultMessage="Your bank asks you to approve a payment of <strong>{amount}</strong> to <strong>{merchant}</strong> with {cardLabel}."
              values={{
                amount,
                merchant,
                cardLabel,
                strong: (chunks) => <strong>{chunks}</strong>,
              }}
            />
          </p>
          <div className="flex flex-col gap-3">
            <Button
              className="min-h-touch-lg w-full"
              autoFocus
              isPending={pendingAnswer === 'success'}
              isDisabled={pendingAnswer !== null}
              onPress={() => onAnswer('success')}
            >
              <FormattedMessage
                id="customer.card.authComplete"
                defaultMessage="Complete authentication"
              />
            </Button>
            <Button
              variant="secondary"
              className="min-h-touch-lg w-full"
              isPending={pendingAnswer === 'failure'}
              isDisabled={pendingAnswer !== null}
              onPress={() => onAnswer('failure')}
            >
              <FormattedMessage id="customer.card.authFail" defaultMessage="Fail authentication" />
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
