import { Minus, Plus, Trash2 } from 'lucide-react';
import { Button as AriaButton } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { CustomerField } from '../field.tsx';
import { moneyIn } from '../../../lib/money.ts';
import { tipPreview, type TipDraft } from '../pay-preview.ts';
import { TipPicker } from '../tip-picker.tsx';
import { cartSubtotal, MAX_QUANTITY, type CartLine } from './cart.ts';

export interface CartViewProps {
  cart: CartLine[];
  currency: string;
  tipPresetsBps: readonly number[];
  tip: TipDraft;
  onTipChange: (tip: TipDraft) => void;
  note: string;
  onNoteChange: (note: string) => void;
  onQuantity: (key: string, quantity: number) => void;
  refusal: string | null;
  isStarting: boolean;
  onPay: () => void;
}

/** The order before paying: lines (change how many, remove), a note, the tip, then pay. */
export function CartView({
  cart,
  currency,
  tipPresetsBps,
  tip,
  onTipChange,
  note,
  onNoteChange,
  onQuantity,
  refusal,
  isStarting,
  onPay,
}: CartViewProps) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const subtotal = cartSubtotal(cart);
  const tipped = tipPreview(tip, subtotal, currency);
  const total = subtotal + (tipped.ok ? tipped.tipMinor : 0);
  const qtyButton =
    'flex size-touch shrink-0 items-center justify-center rounded-control border-2 border-line-strong bg-surface text-ink data-pressed:bg-sunken data-disabled:opacity-40';
  return (
    <div className="flex flex-col gap-5">
      <ul
        aria-label={intl.formatMessage({
          id: 'customer.cart.yourOrder',
          defaultMessage: 'Your order',
        })}
        className="flex flex-col divide-y divide-line rounded-card bg-surface shadow-card"
      >
        {cart.map((line) => (
          <li key={line.key} className="flex flex-col gap-2 p-4">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="text-base font-semibold">{line.name}</p>
                {line.optionNames.length > 0 ? (
                  <p className="text-sm text-ink-muted">{line.optionNames.join(', ')}</p>
                ) : null}
                {line.note ? (
                  <p className="text-sm text-ink-muted italic">
                    <FormattedMessage
                      id="customer.cart.lineNote"
                      defaultMessage="“{note}”"
                      values={{ note: line.note }}
                    />
                  </p>
                ) : null}
              </div>
              <p className="text-base tabular-nums">{money(line.unitPriceMinor * line.quantity)}</p>
            </div>
            <div
              className="flex items-center gap-2"
              role="group"
              aria-label={intl.formatMessage(
                { id: 'customer.cart.howMany', defaultMessage: '{name}: how many' },
                { name: line.name },
              )}
            >
              <AriaButton
                className={qtyButton}
                aria-label={
                  line.quantity === 1
                    ? intl.formatMessage(
                        { id: 'customer.cart.remove', defaultMessage: 'Remove {name}' },
                        { name: line.name },
                      )
                    : intl.formatMessage(
                        { id: 'customer.cart.oneLess', defaultMessage: 'One less {name}' },
                        { name: line.name },
                      )
                }
                onPress={() => onQuantity(line.key, line.quantity - 1)}
              >
                {line.quantity === 1 ? (
                  <Trash2 aria-hidden className="size-5" />
                ) : (
                  <Minus aria-hidden className="size-5" />
                )}
              </AriaButton>
              <span className="w-8 text-center text-lg font-bold tabular-nums" aria-live="polite">
                {line.quantity}
              </span>
              <AriaButton
                className={qtyButton}
                aria-label={intl.formatMessage(
                  { id: 'customer.cart.oneMore', defaultMessage: 'One more {name}' },
                  { name: line.name },
                )}
                isDisabled={line.quantity >= MAX_QUANTITY}
                onPress={() => onQuantity(line.key, line.quantity + 1)}
              >
                <Plus aria-hidden className="size-5" />
              </AriaButton>
            </div>
          </li>
        ))}
      </ul>
      <CustomerField
        label={intl.formatMessage({
          id: 'customer.cart.noteLabel',
          defaultMessage: 'Note for the staff (optional)',
        })}
        value={note}
        onChange={onNoteChange}
        maxLength={300}
        placeholder={intl.formatMessage({
          id: 'customer.cart.notePlaceholder',
          defaultMessage: 'e.g. it’s a birthday',
        })}
      />
      <TipPicker
        currency={currency}
        presetsBps={tipPresetsBps}
        amountMinor={subtotal}
        tip={tip}
        onChange={onTipChange}
        error={tipped.ok ? undefined : tipped.problem}
      />
      {refusal ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'customer.cart.couldNotStart',
            defaultMessage: 'Could not start the payment',
          })}
        >
          {refusal}
        </Notice>
      ) : null}
      <div className="sticky bottom-0 -mx-4 flex flex-col gap-2 border-t border-line bg-canvas/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <p className="text-sm text-ink-muted">
          <FormattedMessage
            id="customer.cart.payNowHint"
            defaultMessage="You pay now; the order goes to the kitchen as soon as the payment succeeds."
          />
        </p>
        <Button
          size="lg"
          className="w-full"
          isDisabled={!tipped.ok || isStarting || cart.length === 0}
          isPending={isStarting}
          onPress={onPay}
        >
          {isStarting
            ? intl.formatMessage({
                id: 'customer.cart.gettingPaymentReady',
                defaultMessage: 'Getting your payment ready…',
              })
            : intl.formatMessage(
                { id: 'customer.cart.continueToPay', defaultMessage: 'Continue to pay {total}' },
                { total: money(total) },
              )}
        </Button>
      </div>
    </div>
  );
}
