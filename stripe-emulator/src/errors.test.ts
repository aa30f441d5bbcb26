import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeEmulator, type StripeEmulator } from './index.ts';

// Stripe's error shapes, as the official SDK maps them to its error classes, and the checks
// on keys: the secret key for the server, the publishable key only where Stripe.js uses it.
let emulator: StripeEmulator;
let stripe: Stripe;

beforeEach(async () => {
  emulator = await startStripeEmulator();
  stripe = new Stripe(emulator.secretKey, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});

afterEach(() => emulator.close());

/** A call from the customer's browser, as Stripe.js makes it. */
async function fromBrowser(path: string, params: Record<string, string>, method = 'POST') {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${emulator.url}${path}${method === 'GET' ? `?${query}` : ''}`, {
    method,
    headers: {
      Authorization: `Bearer ${emulator.publishableKey}`,
      ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(method === 'POST' ? { body: query } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('errors in Stripe’s shape', () => {
  it('a wrong secret key answers 401 invalid_request_error', async () => {
    const wrong = new Stripe('sk_test_wrong', {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(wrong.paymentIntents.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    const response = await fetch(`${emulator.url}/v1/payment_intents`, {
      headers: { Authorization: 'Bearer sk_test_wrong' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_*rong' },
    });
  });

  it('the publishable key cannot create intents (secret_key_required)', async () => {
    const answer = await fromBrowser('/v1/payment_intents', { amount: '1000', currency: 'eur' });
    expect(answer.status).toBe(401);
    expect(answer.body['error']).toMatchObject({ code: 'secret_key_required' });
  });

  it('the publishable key needs the matching client secret', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    const wrong = await fromBrowser(
      `/v1/payment_intents/${intent.id}`,
      { client_secret: `${intent.id}_secret_wrong` },
      'GET',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toMatchObject({ param: 'client_secret' });
  });

  it('an unknown id answers 404 resource_missing', async () => {
    await expect(stripe.paymentIntents.retrieve('pi_doesnotexist')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_doesnotexist'",
    });
  });

  it('validation: parameter_missing, parameter_invalid_integer, parameter_unknown, amount_too_small', async () => {
    const create = (params: Record<string, unknown>) =>
      stripe.rawRequest('POST', '/v1/payment_intents', params);
    await expect(create({ currency: 'eur' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'amount',
    });
    await expect(create({ amount: 'ten', currency: 'eur' })).rejects.toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'amount',
    });
    await expect(create({ amount: 1000, currency: 'eur', colour: 'red' })).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
    });
    await expect(create({ amount: 10, currency: 'eur' })).rejects.toMatchObject({
      code: 'amount_too_small',
    });
  });

  it('an unrecognised URL answers Stripe’s 404', async () => {
    await expect(stripe.rawRequest('GET', '/v1/nothing_here', {})).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Unrecognized request URL (GET: /v1/nothing_here)'),
    });
  });

  it('answers GET /health for start-up checks', async () => {
    const response = await fetch(`${emulator.url}/health`);
    expect(await response.json()).toEqual({ ok: true });
  });
});
