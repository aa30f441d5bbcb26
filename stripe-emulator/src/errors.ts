/**
 * Stripe's error shape: `{ error: { type, message, code?, param?, decline_code?, doc_url?, … } }`.
 * The official SDK turns the HTTP status and `type` into its error classes (400 → StripeInvalidRequestError,
 * 401 → StripeAuthenticationError, 402/card_error → StripeCardError, idempotency_error →
 * StripeIdempotencyError, 404 → StripeInvalidRequestError), so both must match what Stripe sends.
 */
export type StripeErrorType =
  'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  charge?: string;
}

export interface StripeApiErrorOptions {
  /**
   * Stripe saves an idempotent result only once the endpoint has started executing: a request
   * that fails parameter validation (or names an object that does not exist) saves nothing and
   * may be retried with the same key. Errors raised while reading the request set this.
   */
  beforeExecution?: boolean;
  headers?: Record<string, string>;
}

export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly beforeExecution: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, body: StripeErrorBody, options: StripeApiErrorOptions = {}) {
    super(body.message);
    this.name = 'StripeApiError';
    this.status = status;
    this.body = body.code
      ? { doc_url: `https://stripe.com/docs/error-codes/${body.code}`, ...body }
      : body;
    this.beforeExecution = options.beforeExecution ?? false;
    this.headers = options.headers ?? {};
  }
}

function invalidParam(message: string, param: string, code?: string): StripeApiError {
  return new StripeApiError(
    400,
    { type: 'invalid_request_error', message, param, ...(code ? { code } : {}) },
    { beforeExecution: true },
  );
}

export const paramErrors = {
  missing: (param: string) =>
    invalidParam(`Missing required param: ${param}.`, param, 'parameter_missing'),
  unknown: (param: string) =>
    invalidParam(`Received unknown parameter: ${param}`, param, 'parameter_unknown'),
  integer: (param: string, value: unknown) =>
    invalidParam(`Invalid integer: ${String(value)}`, param, 'parameter_invalid_integer'),
  positiveInteger: (param: string) =>
    invalidParam(
      `This value must be greater than or equal to 1.`,
      param,
      'parameter_invalid_integer',
    ),
  boolean: (param: string, value: unknown) =>
    invalidParam(`Invalid boolean: ${String(value)}`, param),
  string: (param: string) => invalidParam(`Invalid string: expected a string for ${param}.`, param),
  object: (param: string) => invalidParam(`Invalid object: expected a hash for ${param}.`, param),
  array: (param: string) => invalidParam(`Invalid array: expected an array for ${param}.`, param),
  empty: (param: string) =>
    invalidParam(
      `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
      param,
      'parameter_invalid_empty',
    ),
  oneOf: (param: string, value: string, allowed: readonly string[]) =>
    invalidParam(
      `Invalid ${param}: must be one of ${allowed.slice(0, -1).join(', ')}${allowed.length > 1 ? ', or ' : ''}${allowed[allowed.length - 1] ?? ''} (got '${value}')`,
      param,
    ),
  invalid: (param: string, message: string, code?: string) => invalidParam(message, param, code),
};

/** 404 for an id that names nothing (`No such payment_intent: 'pi_…'`). */
export function resourceMissing(kind: string, id: string, param = 'id'): StripeApiError {
  return new StripeApiError(
    404,
    {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${kind}: '${id}'`,
      param,
    },
    { beforeExecution: true },
  );
}

/** A request that is well formed but not allowed in the object's current state. */
export function invalidState(message: string, code?: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });
}

export function authenticationError(message: string, code?: string): StripeApiError {
  return new StripeApiError(
    401,
    { type: 'invalid_request_error', message, ...(code ? { code } : {}) },
    { beforeExecution: true, headers: { 'WWW-Authenticate': 'Bearer realm="Stripe"' } },
  );
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(
    404,
    {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
    { beforeExecution: true },
  );
}
