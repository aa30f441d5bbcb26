import { CreditCard, FlaskConical, Lock } from 'lucide-react';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { CustomerField } from '../field.tsx';
import { AuthenticationDialog } from './authentication-dialog.tsx';
import {
  brandName,
  cardBrand,
  cardDigits,
  formatCardNumber,
  formatExpiry,
  readCard,
  type CardFieldErrors,
  type CardFields,
} from './card-input.ts';
import type { CardCheckoutProps } from './card-checkout.tsx';
import {
  answerAuthentication,
  confirmCardPayment,
  type ConfirmOutcome,
} from './emulator-stripe.ts';

/**
 * Emulator mode's card form: what Stripe's Payment Element collects, sent to the local Stripe
 * emulator the way Stripe.js sends it (card number to "Stripe", never to our own routes).
 */
export function EmulatorCardForm({
  stripe,
  intent,
  payLabel,
  amountLabel,
  merchant,
  declineMessage,
  isRenewing,
  onConfirmed,
  onDeclined,
}: CardCheckoutProps) {
  const intl = useIntl();
  const [fields, setFields] = useState<CardFields>({ number: '', expiry: '', cvc: '' });
  const [errors, setErrors] = useState<CardFieldErrors>({});
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [authenticating, setAuthenticating] = useState(false);
  const [answer, setAnswer] = useState<'success' | 'failure' | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);

  const digits = cardDigits(fields.number);
  const card = { brand: cardBrand(digits), last4: digits.slice(-4) };
  const cardLabel = intl.formatMessage(
    { id: 'customer.card.cardLabel', defaultMessage: '{brand} •••• {last4}' },
    { brand: brandName(card.brand), last4: card.last4 },
  );

  const update = (field: keyof CardFields, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  async function settle(outcome: ConfirmOutcome) {
    switch (outcome.kind) {
      case 'confirmed':
        setAuthenticating(false);
        onConfirmed(card);
        return;
      case 'requires_action':
        setAuthenticating(true);
        return;
      case 'declined':
        setAuthenticating(false);
        onDeclined(outcome.message);
        numberRef.current?.focus();
        return;
      case 'error':
        setAuthenticating(false);
        setProblem(outcome.message);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending || isRenewing) return;
    setProblem(null);
    const read = readCard(fields, new Date());
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setSending(true);
    try {
      await settle(await confirmCardPayment(stripe.publishableKey, intent, read.card));
    } finally {
      setSending(false);
    }
  }

  async function authenticate(outcome: 'success' | 'failure') {
    setAnswer(outcome);
    try {
      await settle(await answerAuthentication(stripe.publishableKey, intent, outcome));
    } finally {
      setAnswer(null);
    }
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
      <fieldset className="flex flex-col gap-4" disabled={sending}>
        <legend className="mb-3 flex items-center gap-2 text-lg font-bold">
          <CreditCard aria-hidden className="size-6" />
          <FormattedMessage id="customer.card.cardDetails" defaultMessage="Card details" />
        </legend>
        <CustomerField
          label={intl.formatMessage({ id: 'customer.card.number', defaultMessage: 'Card number' })}
          value={fields.number}
          onChange={(value) => update('number', formatCardNumber(value))}
          error={errors.number}
          placeholder={intl.formatMessage({
            id: 'customer.card.numberPlaceholder',
            defaultMessage: '1234 1234 1234 1234',
          })}
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          inputRef={numberRef}
        />
        <div className="grid grid-cols-2 gap-3">
          <CustomerField
            label={intl.formatMessage({
              id: 'customer.card.expiry',
              defaultMessage: 'Expiry (MM / YY)',
            })}
            value={fields.expiry}
            onChange={(value) => update('expiry', formatExpiry(value))}
            error={errors.expiry}
            placeholder={intl.formatMessage({
              id: 'customer.card.expiryPlaceholder',
              defaultMessage: 'MM / YY',
            })}
            inputMode="numeric"
            autoComplete="cc-exp"
            maxLength={7}
          />
          <CustomerField
            label={intl.formatMessage({
              id: 'customer.card.securityCode',
              defaultMessage: 'Security code',
            })}
            value={fields.cvc}
            onChange={(value) => update('cvc', cardDigits(value).slice(0, 4))}
            error={errors.cvc}
            placeholder={intl.formatMessage({
              id: 'customer.card.cvcPlaceholder',
              defaultMessage: 'CVC',
            })}
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
          />
        </div>
      </fieldset>
      <Button
        type="submit"
        size="lg"
        className="w-full"
        isPending={sending || isRenewing}
        isDisabled={sending || isRenewing}
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
      <p className="flex items-start gap-2 rounded-control bg-sunken p-3 text-sm text-ink-muted">
        <FlaskConical aria-hidden className="mt-0.5 size-5 shrink-0" />
        <span>
          <FormattedMessage
            id="customer.card.testPayments"
            defaultMessage="Test payments (local Stripe emulator): no real card is charged. Use 4242 4242 4242 4242 with any future date and any 3 digits."
          />
        </span>
      </p>
      <AuthenticationDialog
        isOpen={authenticating}
        amount={amountLabel}
        merchant={merchant}
        cardLabel={cardLabel}
        pendingAnswer={answer}
        onAnswer={(outcome) => void authenticate(outcome)}
      />
    </form>
  );
}
