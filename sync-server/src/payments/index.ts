// The payments domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { openOrdersOfTable, readBillOrder, readVenue, tableByToken } from './bill-rows.ts';
export { customerBill } from './bill-view.ts';
export { PaymentError, unknownTable } from './errors.ts';
export { paymentRoutes } from './http-routes.ts';
export { overpaidOrders } from './overpaid.ts';
export { PaySelectionSchema, TipChoiceSchema } from './pay-amount.ts';
export { cancelTablePayment, tablePaymentStatus } from './payment-status.ts';
export { CartSchema } from './qr-cart.ts';
export { createOrderFromPaidIntent, startQrOrder } from './qr-checkout.ts';
export { customerMenu } from './qr-menu.ts';
export { refundPayment } from './refund-payment.ts';
export { createStripeGateway, type StripeEmulator } from './stripe-gateway.ts';
export { createTablePayment } from './table-payments.ts';
export { type ProcessResult, replayEvents } from './webhook-events.ts';
