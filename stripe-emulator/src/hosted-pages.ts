import type { ServerResponse } from 'node:http';
import { completeSession } from './checkout-completion.ts';
import { lineItemsOf } from './checkout-sessions.ts';
import type { EmulatorState, RequestContext } from './context.ts';
import { StripeApiError } from './errors.ts';
import { parseForm } from './form.ts';
import type { CheckoutSession, PaymentIntent } from './objects.ts';
import { readString } from './params.ts';
import { completeAuthentication } from './payment-flow.ts';
import { createCardPaymentMethod } from './payment-methods.ts';

/**
 * The pages Stripe hosts for the customer: Checkout (`session.url`) and the 3D Secure
 * challenge (`next_action`). Minimal, but real forms, so browser tests can click through them.
 */
export type RunAction = <T>(
  action: (ctx: Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>) => T,
) => T;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: currency.toUpperCase(),
  });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

function page(res: ServerResponse, status: number, title: string, content: string): true {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Stripe emulator</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px}
label{display:block;margin:1rem 0}input{display:block;width:100%;box-sizing:border-box;min-height:44px;font-size:1rem;padding:.5rem}
button{min-height:44px;padding:0 1.25rem;font-size:1rem;margin:.25rem .5rem .25rem 0}[role=alert]{color:#b42318}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`);
  return true;
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(303, { Location: location });
  res.end();
  return true;
}

function errorMessage(error: unknown): string {
  if (error instanceof StripeApiError) return error.body.message;
  throw error;
}

function checkoutPage(
  res: ServerResponse,
  state: EmulatorState,
  session: CheckoutSession,
  status = 200,
  error?: string,
): true {
  if (session.status !== 'open') {
    return page(
      res,
      410,
      'Checkout',
      `<p>This Checkout Session is ${escapeHtml(session.status)}.</p>`,
    );
  }
  const items = lineItemsOf(state, session)
    .data.map(
      (item) =>
        `<li>${item.quantity} × ${escapeHtml(item.description)}: ${escapeHtml(formatMoney(item.amount_total, item.currency))}</li>`,
    )
    .join('');
  const cancel = session.cancel_url
    ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>`
    : '';
  return page(
    res,
    status,
    'Checkout',
    `<ul>${items}</ul><p>Total: <strong>${escapeHtml(formatMoney(session.amount_total, session.currency))}</strong></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post"><label>Email <input name="email" type="email" autocomplete="email" value="${escapeHtml(session.customer_email ?? '')}"></label>
<label>Card number <input name="card_number" inputmode="numeric" autocomplete="cc-number" value="4242 4242 4242 4242"></label>
<button type="submit">${session.mode === 'subscription' ? 'Subscribe' : 'Pay'}</button></form>${cancel}`,
  );
}

function checkout(
  state: EmulatorState,
  run: RunAction,
  method: string,
  id: string,
  body: string,
  res: ServerResponse,
): true {
  const session = state.store.checkoutSessions.get(id);
  if (!session) return page(res, 404, 'Checkout', '<p>No such Checkout Session.</p>');
  if (method !== 'POST' || session.status !== 'open') return checkoutPage(res, state, session);
  const form = parseForm(body);
  try {
    run((ctx) => {
      const card = { type: 'card', card: { number: readString(form, 'card_number') ?? '' } };
      const paymentMethod = createCardPaymentMethod(state, card, '');
      const email = readString(form, 'email') || null;
      completeSession(state, ctx, session, { paymentMethod: paymentMethod.id, email });
    });
  } catch (error) {
    return checkoutPage(
      res,
      state,
      session,
      error instanceof StripeApiError ? error.status : 500,
      errorMessage(error),
    );
  }
  if (session.success_url)
    return redirect(res, session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id));
  return page(res, 200, 'Checkout', '<p>Payment complete. You can close this page.</p>');
}

function threeDSecure(
  state: EmulatorState,
  run: RunAction,
  method: string,
  url: URL,
  id: string,
  body: string,
  res: ServerResponse,
): true {
  const form = method === 'POST' ? parseForm(body) : {};
  const clientSecret = readString(form, 'client_secret') ?? url.searchParams.get('client_secret');
  const intent: PaymentIntent | undefined = state.store.paymentIntents.get(id);
  if (!intent || intent.client_secret !== clientSecret) {
    return page(res, 404, '3D Secure', '<p>No such payment to authenticate.</p>');
  }
  const returnUrl = intent.next_action?.redirect_to_url?.return_url ?? null;
  if (method !== 'POST' || intent.status !== 'requires_action') {
    if (intent.status !== 'requires_action') {
      return page(res, 410, '3D Secure', `<p>This payment is ${escapeHtml(intent.status)}.</p>`);
    }
    return page(
      res,
      200,
      '3D Secure',
      `<p>Your bank asks you to confirm a payment of <strong>${escapeHtml(formatMoney(intent.amount, intent.currency))}</strong>.</p>
<form method="post"><input type="hidden" name="client_secret" value="${escapeHtml(intent.client_secret)}">
<button name="outcome" value="success">Complete authentication</button>
<button name="outcome" value="failure">Fail authentication</button></form>`,
    );
  }
  const outcome = readString(form, 'outcome') === 'success' ? 'success' : 'failure';
  const succeeded = run((ctx) => {
    completeAuthentication(state, ctx, intent, outcome);
    return intent.status === 'succeeded';
  });
  if (returnUrl) {
    const target = new URL(returnUrl);
    target.searchParams.set('payment_intent', intent.id);
    target.searchParams.set('payment_intent_client_secret', intent.client_secret);
    target.searchParams.set('redirect_status', succeeded ? 'succeeded' : 'failed');
    return redirect(res, target.toString());
  }
  return page(
    res,
    200,
    '3D Secure',
    `<p>Authentication ${outcome === 'success' ? 'complete' : 'failed'}. You can close this page.</p>`,
  );
}

/** Answers `/emulator/checkout/:id` and `/emulator/three_d_secure/:id`; false for anything else. */
export function hostedPages(state: EmulatorState, run: RunAction) {
  return (method: string, url: URL, body: string, res: ServerResponse): boolean => {
    const match = /^\/emulator\/(checkout|three_d_secure)\/([^/]+)$/.exec(url.pathname);
    if (!match || (method !== 'GET' && method !== 'POST')) return false;
    const [, kind, id = ''] = match;
    if (kind === 'checkout') return checkout(state, run, method, id, body, res);
    return threeDSecure(state, run, method, url, id, body, res);
  };
}
