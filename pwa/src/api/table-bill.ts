import type { AppRouter } from '@servio/sync-server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { intl } from '../i18n/intl.ts';
import { classify, describeFailure } from './server-call.ts';
import { trpc } from './trpc.ts';

/**
 * The customer's phone and the server (`pay.*`, table token only). Every amount comes from the
 * server's rows (S12): the page says what it wants to pay and shows what the server answers.
 */
type PayOutputs = inferRouterOutputs<AppRouter>['pay'];
type PayInputs = inferRouterInputs<AppRouter>['pay'];

export type TableBillView = PayOutputs['bill'];
export type CustomerBill = TableBillView['bills'][number];
export type CustomerBillLine = CustomerBill['lines'][number];
export type StripeMode = TableBillView['venue']['stripe']['mode'];
export type CustomerMenu = PayOutputs['menu'];
export type MenuCategory = CustomerMenu['categories'][number];
export type MenuItem = MenuCategory['items'][number];
export type ModifierGroup = MenuItem['modifierGroups'][number];
export type PaySelection = PayInputs['createPayment']['selection'];
export type TipChoice = NonNullable<PayInputs['createPayment']['tip']>;
export type CartItemInput = PayInputs['startOrder']['items'][number];
export type PaymentCreated = PayOutputs['createPayment'];
export type QrOrderStarted = PayOutputs['startOrder'];
export type PaymentStatusView = PayOutputs['paymentStatus'];
export type OrderFromIntent = PayOutputs['createFromPaidIntent'];

/** How often the open bill is read again while the page is on screen (the tablet may add items). */
export const BILL_REFRESH_MS = 4_000;

/** A fresh id per payment attempt: a retry of the same attempt reaches the same intent. */
export function newAttemptId(): string {
  return crypto.randomUUID();
}

export function createPayment(input: {
  token: string;
  orderId: string;
  selection: PaySelection;
  tip: TipChoice;
  attemptId: string;
}): Promise<PaymentCreated> {
  return trpc.pay.createPayment.mutate(input);
}

export function startQrOrder(input: {
  token: string;
  attemptId: string;
  items: CartItemInput[];
  tip: TipChoice;
  note?: string;
}): Promise<QrOrderStarted> {
  return trpc.pay.startOrder.mutate(input);
}

/** Asks Stripe (through the server) where the payment stands, and records it if it is paid. */
export function paymentStatus(token: string, paymentIntentId: string): Promise<PaymentStatusView> {
  return trpc.pay.paymentStatus.query({ token, paymentIntentId });
}

/** Gives up an attempt: its intent is canceled at Stripe and its part of the bill freed. */
export function cancelPayment(token: string, paymentIntentId: string): Promise<PaymentStatusView> {
  return trpc.pay.cancelPayment.mutate({ token, paymentIntentId });
}

/** The paid cart becomes its order, once, whether the webhook got there first or not. */
export function orderFromPaidIntent(paymentIntentId: string): Promise<OrderFromIntent> {
  return trpc.pay.createFromPaidIntent.mutate({ paymentIntentId });
}

/** The reason the server gave (`not_paid`, `nothing_due`…) is not sent over tRPC; its code is. */
export function refusalCode(error: unknown): string | null {
  const failure = classify(error, 'pay');
  return failure.kind === 'refused' ? failure.code : null;
}

/** What went wrong, in words for the customer. The server's refusals are already written so. */
export function describePayError(error: unknown): string {
  const failure = classify(error, 'pay');
  switch (failure.kind) {
    case 'unreachable':
      return intl.formatMessage({
        id: 'api.pay.unreachable',
        defaultMessage:
          'The venue could not be reached. Check your phone’s connection and try again.',
      });
    case 'not-available':
      return intl.formatMessage({
        id: 'api.pay.notAvailable',
        defaultMessage:
          'Paying by phone is not available at this venue yet. Please ask your server.',
      });
    case 'refused':
      return failure.message;
    default:
      return describeFailure(failure);
  }
}
