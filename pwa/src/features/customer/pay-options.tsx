import { ArrowRight } from 'lucide-react';
import { CheckboxGroup, Label, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CustomerBill } from '../../api/table-bill.ts';
import { intl } from '../../i18n/intl.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { CheckboxTile, RadioTile, Stepper } from './choice-tiles.tsx';
import { CustomerField } from './field.tsx';
import { currencySymbol, moneyIn } from '../../lib/money.ts';
import {
  MAX_PARTS,
  MIN_PARTS,
  payableLines,
  previewPayment,
  type PayDraft,
  type PayKind,
  type PayPreview,
} from './pay-preview.ts';
import { TipPicker } from './tip-picker.tsx';

export interface PayOptionsProps {
  bill: CustomerBill;
  currency: string;
  tipPresetsBps: readonly number[];
  draft: PayDraft;
  onDraftChange: (draft: PayDraft) => void;
  /** The server's refusal of the last "Continue" (it changed its mind about the amount). */
  refusal: string | null;
  isStarting: boolean;
  onContinue: (preview: Extract<PayPreview, { ok: true }>) => void;
}

const KIND_LABELS: Record<PayKind, { title: string; detail: string }> = {
  all: {
    title: intl.formatMessage({ id: 'customer.payOptions.allTitle', defaultMessage: 'Everything' }),
    detail: intl.formatMessage({
      id: 'customer.payOptions.allDetail',
      defaultMessage: 'Pay the whole bill',
    }),
  },
  share: {
    title: intl.formatMessage({
      id: 'customer.payOptions.shareTitle',
      defaultMessage: 'Split evenly',
    }),
    detail: intl.formatMessage({
      id: 'customer.payOptions.shareDetail',
      defaultMessage: 'Pay your share',
    }),
  },
  items: {
    title: intl.formatMessage({
      id: 'customer.payOptions.itemsTitle',
      defaultMessage: 'Choose items',
    }),
    detail: intl.formatMessage({
      id: 'customer.payOptions.itemsDetail',
      defaultMessage: 'Pay for what you had',
    }),
  },
  amount: {
    title: intl.formatMessage({
      id: 'customer.payOptions.amountTitle',
      defaultMessage: 'An amount',
    }),
    detail: intl.formatMessage({
      id: 'customer.payOptions.amountDetail',
      defaultMessage: 'Type any amount',
    }),
  },
};

/**
 * How much to pay (all, an even share, chosen items, an amount) and the tip, with a preview of
 * what it comes to. The preview uses the server's money rules; the server decides the amount.
 */
export function PayOptions({
  bill,
  currency,
  tipPresetsBps,
  draft,
  onDraftChange,
  refusal,
  isStarting,
  onContinue,
}: PayOptionsProps) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const preview = previewPayment(draft, bill, currency);
  const set = (change: Partial<PayDraft>) => onDraftChange({ ...draft, ...change });
  const choosable = payableLines(bill);
  const settled = bill.lines.filter((line) => !choosable.includes(line));

  const refusalNotice = refusal ? (
    <Notice
      tone="danger"
      title={intl.formatMessage({
        id: 'customer.payOptions.couldNotStart',
        defaultMessage: 'Could not start the payment',
      })}
    >
      {refusal}
    </Notice>
  ) : null;

  if (preview.ok === false && preview.field === 'bill') {
    return (
      <>
        {refusalNotice}
        <Notice
          tone={bill.pendingMinor > 0 ? 'warn' : 'info'}
          title={intl.formatMessage({
            id: 'customer.payOptions.nothingToPay',
            defaultMessage: 'Nothing to pay here',
          })}
        >
          {preview.problem}
        </Notice>
      </>
    );
  }

  return (
    <section aria-labelledby="pay-heading" className="flex flex-col gap-5">
      <h2 id="pay-heading" className="sr-only">
        <FormattedMessage id="customer.payOptions.heading" defaultMessage="Pay" />
      </h2>
      <RadioGroup
        value={draft.kind}
        onChange={(kind) => set({ kind: kind as PayKind })}
        className="flex flex-col gap-2"
      >
        <Label className="text-lg font-bold">
          <FormattedMessage
            id="customer.payOptions.whatToPay"
            defaultMessage="What would you like to pay?"
          />
        </Label>
        <div className="grid grid-cols-2 gap-2">
          {(Object.keys(KIND_LABELS) as PayKind[]).map((kind) => (
            <RadioTile
              key={kind}
              value={kind}
              title={KIND_LABELS[kind].title}
              detail={kind === 'all' ? money(bill.dueMinor) : KIND_LABELS[kind].detail}
            />
          ))}
        </div>
      </RadioGroup>

      {draft.kind === 'share' ? (
        <div className="flex flex-col gap-2 rounded-card bg-surface p-4 shadow-card">
          <Stepper
            label={intl.formatMessage({
              id: 'customer.payOptions.splitBetween',
              defaultMessage: 'Split the bill between',
            })}
            unit={intl.formatMessage({
              id: 'customer.payOptions.people',
              defaultMessage: 'people',
            })}
            value={draft.parts}
            minValue={MIN_PARTS}
            maxValue={MAX_PARTS}
            onChange={(parts) => set({ parts })}
          />
          {preview.amountMinor !== null ? (
            <p className="text-base">
              <FormattedMessage
                id="customer.payOptions.yourShare"
                defaultMessage="Your share: <strong>{share}</strong><muted> of {total}</muted>"
                values={{
                  share: money(preview.amountMinor),
                  total: money(bill.totalMinor),
                  strong: (chunks) => <strong className="tabular-nums">{chunks}</strong>,
                  muted: (chunks) => <span className="text-ink-muted">{chunks}</span>,
                }}
              />
            </p>
          ) : null}
        </div>
      ) : null}

      {draft.kind === 'items' ? (
        <div className="flex flex-col gap-2 rounded-card bg-surface p-4 shadow-card">
          <CheckboxGroup
            value={draft.lineIds}
            onChange={(lineIds) => set({ lineIds })}
            isInvalid={preview.ok === false && preview.field === 'items'}
            className="flex flex-col gap-2"
          >
            <Label className="text-base font-semibold">
              <FormattedMessage
                id="customer.payOptions.itemsLabel"
                defaultMessage="The items you are paying for"
              />
            </Label>
            {choosable.map((line) => (
              <CheckboxTile key={line.id} value={line.id} aside={money(line.payableMinor)}>
                <FormattedMessage
                  id="customer.payOptions.line"
                  defaultMessage="{quantity} × {name}"
                  values={{ quantity: line.quantity, name: line.name }}
                />
                {line.modifiers.length > 0 ? (
                  <span className="block text-sm text-ink-muted">
                    {line.modifiers.map((modifier) => modifier.name).join(', ')}
                  </span>
                ) : null}
              </CheckboxTile>
            ))}
            {settled.map((line) => (
              <CheckboxTile
                key={line.id}
                value={line.id}
                isDisabled
                aside={
                  line.paid
                    ? intl.formatMessage({ id: 'customer.payOptions.paid', defaultMessage: 'Paid' })
                    : line.beingPaid
                      ? intl.formatMessage({
                          id: 'customer.payOptions.beingPaid',
                          defaultMessage: 'Being paid',
                        })
                      : money(0)
                }
              >
                <FormattedMessage
                  id="customer.payOptions.line"
                  defaultMessage="{quantity} × {name}"
                  values={{ quantity: line.quantity, name: line.name }}
                />
              </CheckboxTile>
            ))}
          </CheckboxGroup>
          <p className="text-sm text-ink-muted">
            <FormattedMessage
              id="customer.payOptions.itemPriceIncludes"
              defaultMessage="Each item’s price includes its part of discounts, service and tax."
            />
          </p>
        </div>
      ) : null}

      {draft.kind === 'amount' ? (
        <div className="rounded-card bg-surface p-4 shadow-card">
          <CustomerField
            label={intl.formatMessage({
              id: 'customer.payOptions.amountToPay',
              defaultMessage: 'Amount to pay',
            })}
            prefix={currencySymbol(currency)}
            value={draft.amountText}
            onChange={(amountText) => set({ amountText })}
            inputMode="decimal"
            placeholder={intl.formatMessage({
              id: 'customer.payOptions.amountPlaceholder',
              defaultMessage: '0.00',
            })}
            error={
              preview.ok === false && preview.field === 'amount' && draft.amountText !== ''
                ? preview.problem
                : undefined
            }
            description={intl.formatMessage(
              { id: 'customer.payOptions.upTo', defaultMessage: 'Up to {amount}' },
              { amount: money(bill.dueMinor) },
            )}
          />
        </div>
      ) : null}

      <TipPicker
        currency={currency}
        presetsBps={tipPresetsBps}
        amountMinor={preview.amountMinor}
        tip={draft.tip}
        onChange={(tip) => set({ tip })}
        error={preview.ok === false && preview.field === 'tip' ? preview.problem : undefined}
      />

      {refusalNotice}

      <div className="sticky bottom-0 -mx-4 flex flex-col gap-2 border-t border-line bg-canvas/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        {preview.ok ? (
          <p className="flex justify-between text-sm text-ink-muted" aria-live="polite">
            <span>
              {preview.tipMinor > 0 ? (
                <FormattedMessage
                  id="customer.payOptions.towardsBillWithTip"
                  defaultMessage="{amount} towards the bill + {tip} tip"
                  values={{ amount: money(preview.amountMinor), tip: money(preview.tipMinor) }}
                />
              ) : (
                <FormattedMessage
                  id="customer.payOptions.towardsBill"
                  defaultMessage="{amount} towards the bill"
                  values={{ amount: money(preview.amountMinor) }}
                />
              )}
            </span>
          </p>
        ) : draft.kind === 'items' && preview.field === 'items' ? (
          <p className="text-sm font-semibold text-ink-muted">{preview.problem}</p>
        ) : null}
        <Button
          size="lg"
          className="w-full"
          isDisabled={!preview.ok || isStarting}
          isPending={isStarting}
          onPress={() => {
            if (preview.ok) onContinue(preview);
          }}
        >
          {isStarting ? (
            <FormattedMessage
              id="customer.payOptions.gettingReady"
              defaultMessage="Getting your payment ready…"
            />
          ) : preview.ok ? (
            <FormattedMessage
              id="customer.payOptions.continueToPayAmount"
              defaultMessage="Continue to pay {amount}"
              values={{ amount: money(preview.chargeMinor) }}
            />
          ) : (
            <FormattedMessage
              id="customer.payOptions.continueToPayment"
              defaultMessage="Continue to payment"
            />
          )}
          <ArrowRight aria-hidden className="size-5" />
        </Button>
      </div>
    </section>
  );
}
