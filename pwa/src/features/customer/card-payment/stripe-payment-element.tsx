import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { Lock } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import type { CardCheckoutProps } from './card-checkout.tsx';

/** One Stripe.js per publishable key for the page's life (Stripe asks for a single instance). */
const loaded = new Map<string, Promise<Stripe | null>>();

function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = loaded.get(publishableKey);
  if (!stripe) {
    // Stripe.js must come from js.stripe.com (PCI); `pure` loads it only now, when needed.
    stripe = loadStripe(publishableKey);
    loaded.set(publishableKey, stripe);
    stripe.catch(() => loaded.delete(publishableKey));
  }
  return stripe;
}

/**
 * With real Stripe keys: Stripe's Payment Element, mounted for this attempt's PaymentIntent.
 * Stripe.js shows the bank's 3D Secure page itself; a payment method that must leave the page
 * comes back to `returnUrl`, where the page picks the payment up again.
 */
export function StripePaymentElement({
  stripe: { publishableKey },
  intent,
  payLabel,
  returnUrl,
  declineMessage,
  isRenewing,
  onConfirmed,
  onDeclined,
}: CardCheckoutProps) {
  const intl = useIntl();
  const mountRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let active = true;
    let unmount: (() => void) | undefined;
    stripeFor(publishableKey).then(
      (stripe) => {
        if (!active || !mountRef.current) return;
        if (!stripe) {
          setLoadError(
            intl.formatMessage({
              id: 'customer.card.loadFailed',
              defaultMessage: 'Card payments could not be loaded.',
            }),
          );
          return;
        }
        const elements = stripe.elements({
          clientSecret: intent.clientSecret,
          appearance: {
            theme: 'stripe',
            variables: {
              colorPrimary: '#1d4ed8',
              colorText: '#0f172a',
              colorDanger: '#b91c1c',
              borderRadius: '10px',
              fontSizeBase: '17px',
            },
          },
        });
        const element = elements.create('payment', { layout: 'tabs' });
        element.mount(mountRef.current);
        unmount = () => element.destroy();
        setReady({ stripe, elements });
      },
      () => {
        if (active) {
          setLoadError(
            intl.formatMessage({
              id: 'customer.card.loadFailedFromStripe',
              defaultMessage:
                'Card payments could not be loaded from Stripe. Check your phone’s connection and reload the page.',
            }),
          );
        }
      },
    );
    return () => {
      active = false;
      unmount?.();
    };
  }, [publishableKey, intent.clientSecret, intl]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || sending || isRenewing) return;
    setProblem(null);
    setSending(true);
    try {
      const { error, paymentIntent } = await ready.stripe.confirmPayment({
        elements: ready.elements,
        confirmParams: { return_url: returnUrl },
        redirect: 'if_required',
      });
      if (!error) {
        if (paymentIntent.status === 'requires_payment_method') {
          onDeclined(
            paymentIntent.last_payment_error?.message ??
              intl.formatMessage({
                id: 'customer.card.notCompleted',
                defaultMessage: 'The payment was not completed.',
              }),
          );
        } else {
          onConfirmed(null);
        }
        return;
      }
      if (error.type === 'validation_error') return; // shown by the Payment Element itself
      if (error.type === 'card_error' || error.code === 'payment_intent_authentication_failure') {
        onDeclined(
          error.message ??
            intl.formatMessage({
              id: 'customer.card.declined',
              defaultMessage: 'Your card was declined.',
            }),
        );
        return;
      }
      setProblem(
        error.message ??
          intl.formatMessage({
            id: 'customer.card.failedTryAgain',
            defaultMessage: 'The payment could not be made. Please try again.',
          }),
      );
    } finally {
      setSending(false);
    }
  }

  if (loadError) {
    return (
      <Notice
        tone="danger"
        title={intl.formatMessage({
          id: 'customer.card.unavailable',
          defaultMessage: 'Card payments unavailable',
        })}
      >
        {loadError}
      </Notice>
    );
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
      {declineMessage ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'customer.card.notTaken',
            defaultMessage: 'Payment not taken',
          })}
        >
          <FormattedMessage
            id="customer.card.declinedNothingCharged"
            defaultMessage="{declineMessage} Nothing was charged. Check the details or use another card."
            values={{ declineMessage }}
          />
        </Notice>
      ) : null}
      {problem ? (
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'customer.card.notSentTitle',
            defaultMessage: 'Not sent',
          })}
        >
          {problem}
        </Notice>
      ) : null}
      <div ref={mountRef} className="min-h-40" aria-busy={!ready} />
      {!ready ? (
        <p role="status" className="text-base text-ink-muted">
          <FormattedMessage
            id="customer.card.loadingForm"
            defaultMessage="Loading secure card form…"
          />
        </p>
      ) : null}
      <Button
        type="submit"
        size="lg"
        className="w-full"
        isPending={sending || isRenewing}
        isDisabled={!ready || sending || isRenewing}
      >
        <Lock aria-hidden className="size-5" />
        {sending
          ? intl.formatMessage({ id: 'customer.card.paying', defaultMessage: 'Paying…' })
          : isRenewing
            ? intl.formatMessage({
                id: 'customer.card.gettingReady',
                defaultMessage: 'Getting ready…',
              })
            : payLabel}
      </Button>
    </form>
  );
}
