import { createHmac } from 'node:crypto';

/**
 * Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex>` where v1 is the
 * HMAC-SHA256 of `${t}.${rawBody}` keyed with the endpoint's whole `whsec_…` secret
 * (https://docs.stripe.com/webhooks#verify-manually). `stripe.webhooks.constructEvent` checks it.
 */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
