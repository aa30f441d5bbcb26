import { lazy, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';
import type { StripeMode } from '../../../api/table-bill.ts';
import { EmulatorCardForm } from './emulator-card-form.tsx';
import type { IntentRef } from './emulator-stripe.ts';

// Stripe.js and its Payment Element only for venues with real keys (never in emulator mode).
const StripePaymentElement = lazy(() =>
  import('./stripe-payment-element.tsx').then((module) => ({
    default: module.StripePaymentElement,
  })),
);

export interface PaidCard {
  brand: string;
  last4: string;
}

export interface CardCheckoutProps {
  stripe: { mode: StripeMode; publishableKey: string };
  /** The attempt's PaymentIntent; a new one (after a decline) starts a fresh form. */
  intent: IntentRef;
  /** "Pay €16.50" */
  payLabel: string;
  /** "€16.50" */
  amountLabel: string;
  merchant: string;
  /** Where Stripe sends the customer back after a payment method that leaves the page. */
  returnUrl: string;
  /** The last attempt's refusal, shown above the form. */
  declineMessage: string | null;
  /** A new attempt is being prepared: the form waits. */
  isRenewing: boolean;
  /** Stripe accepted the card: the page asks the server to record the payment. */
  onConfirmed: (card: PaidCard | null) => void;
  /** The card was refused or authentication failed: nothing was charged. */
  onDeclined: (message: string) => void;
}

/** The card step: the local card form against the emulator, or Stripe's Payment Element. */
export function CardCheckout(props: CardCheckoutProps) {
  if (props.stripe.mode === 'emulator') return <EmulatorCardForm {...props} />;
  return (
    <Suspense
      fallback={
        <p role="status" className="text-base text-ink-muted">
          <FormattedMessage
            id="customer.card.loadingForm"
            defaultMessage="Loading secure card form…"
          />
        </p>
      }
    >
      <StripePaymentElement key={props.intent.paymentIntentId} {...props} />
    </Suspense>
  );
}
