import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorBehaviour } from './behaviour.ts';
import type { AuthKind, EmulatorState, RequestContext, Route, RouteAuth } from './context.ts';
import { newId } from './context.ts';
import { authenticationError, StripeApiError } from './errors.ts';
import { canonicalJson, parseForm } from './form.ts';
import type { FormObject } from './form.ts';
import type { IdempotencyStore } from './idempotency.ts';
import type { StripeEvent } from './objects.ts';
import type { Router } from './router.ts';

export interface HttpApiDeps {
  state: EmulatorState;
  router: Router;
  idempotency: IdempotencyStore;
  behaviour: EmulatorBehaviour;
  dispatch: (events: readonly StripeEvent[]) => void;
  /** The emulator's own HTML pages (hosted Checkout, 3D Secure); true when it answered. */
  hostedPages: (method: string, url: URL, body: string, res: ServerResponse) => boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;

// Stripe.js calls the API from the customer's browser, so the local card form must be able to.
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Request-Id, Idempotency-Key, Idempotent-Replayed, Original-Request, Stripe-Version',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, no-store',
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new StripeApiError(
        413,
        { type: 'invalid_request_error', message: 'The request body is too large.' },
        { beforeExecution: true },
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function redact(key: string): string {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}

/**
 * `Authorization: Bearer <key>` (or Basic, as curl -u sends), or — as Stripe.js does — a `key`
 * form field with the publishable key.
 */
function authenticate(
  state: EmulatorState,
  req: IncomingMessage,
  params: FormObject,
  required: RouteAuth,
): { kind: AuthKind; key: string } {
  const header = req.headers.authorization;
  let key: string | undefined;
  if (header !== undefined) {
    const [, scheme = '', value = ''] = /^(\w+)\s+(.*)$/.exec(header.trim()) ?? [];
    if (/^bearer$/i.test(scheme)) key = value.trim();
    if (/^basic$/i.test(scheme)) key = Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  } else if (typeof params['key'] === 'string') {
    key = params['key'];
    delete params['key'];
  }
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const kind =
    key === state.secretKey ? 'secret' : key === state.publishableKey ? 'publishable' : null;
  if (kind === null) throw authenticationError(`Invalid API Key provided: ${redact(key)}`);
  if (kind === 'publishable' && required === 'secret') {
    throw authenticationError(
      'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      'secret_key_required',
    );
  }
  return { kind, key };
}

interface Outcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Nothing ran (validation failed): an idempotency key saves nothing. */
  beforeExecution: boolean;
}

function errorOutcome(error: unknown): Outcome {
  if (error instanceof StripeApiError) {
    return {
      status: error.status,
      body: { error: error.body },
      headers: error.headers,
      beforeExecution: error.beforeExecution,
    };
  }
  console.error('[stripe-emulator] unexpected error', error);
  return {
    status: 500,
    body: { error: { type: 'api_error', message: 'An unknown error occurred in the emulator.' } },
    headers: {},
    beforeExecution: false,
  };
}

function execute(route: Route, ctx: RequestContext): Outcome {
  try {
    return { status: 200, body: route.handle(ctx), headers: {}, beforeExecution: false };
  } catch (error) {
    return errorOutcome(error);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function handleApi(
  deps: HttpApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const requestId = newId(deps.state, 'req');
  const versionHeader = req.headers['stripe-version'];
  const headers: Record<string, string> = {
    'Request-Id': requestId,
    'Stripe-Version': typeof versionHeader === 'string' ? versionHeader : deps.state.apiVersion,
  };
  let release: () => void = () => undefined;
  try {
    const { route, pathParams } = deps.router.match(method, url.pathname);
    const params = method === 'POST' ? parseForm(body) : parseForm(url.searchParams);
    const auth = authenticate(deps.state, req, params, route.auth);
    const keyHeader = req.headers['idempotency-key'];
    // Idempotency keys have no effect on GET and DELETE, which are idempotent already.
    const idempotencyKey = method === 'POST' && typeof keyHeader === 'string' ? keyHeader : null;
    const ctx: RequestContext = {
      method,
      path: url.pathname,
      params,
      pathParams,
      auth: auth.kind,
      requestId,
      idempotencyKey,
      events: [],
    };
    let save: ((status: number, text: string) => void) | null = null;
    if (idempotencyKey !== null) {
      headers['Idempotency-Key'] = idempotencyKey;
      const endpoint = `${method} ${url.pathname}`;
      const decision = deps.idempotency.begin(
        auth.key,
        idempotencyKey,
        endpoint,
        canonicalJson(params),
      );
      if (decision.kind === 'replay') {
        const { response } = decision;
        sendJson(res, response.status, response.body, {
          ...headers,
          'Idempotent-Replayed': 'true',
          'Original-Request': response.requestId,
        });
        return;
      }
      release = decision.release;
      save = (status, text) => decision.save({ status, body: text, requestId });
    }
    if (deps.behaviour.apiLatencyMs > 0) await pause(deps.behaviour.apiLatencyMs);
    const outcome = execute(route, ctx);
    const text = `${JSON.stringify(outcome.body, null, 2)}\n`;
    if (save && !outcome.beforeExecution) {
      save(outcome.status, text);
      release = () => undefined;
    }
    sendJson(res, outcome.status, text, { ...headers, ...outcome.headers });
    deps.dispatch(ctx.events);
  } catch (error) {
    const outcome = errorOutcome(error);
    sendJson(res, outcome.status, outcome.body, { ...headers, ...outcome.headers });
  } finally {
    release();
  }
}

export function createRequestListener(
  deps: HttpApiDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://stripe-emulator.invalid');
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS_HEADERS,
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers':
          req.headers['access-control-request-headers'] ??
          'Authorization, Content-Type, Idempotency-Key, Stripe-Version',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const body = await readBody(req);
    if (method === 'GET' && url.pathname === '/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.pathname.startsWith('/emulator/') && deps.hostedPages(method, url, body, res)) return;
    await handleApi(deps, req, res, url, body);
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const outcome = errorOutcome(error);
      if (!res.headersSent) sendJson(res, outcome.status, outcome.body, outcome.headers);
      else res.destroy();
    });
  };
}
