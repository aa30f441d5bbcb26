import type { EmulatorState, RequestContext, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import type { StripeEvent } from './objects.ts';
import { assertKnownParams, readArray, readExpand, readNonEmptyString } from './params.ts';
import { createdFilter, expand, paginate, snapshot } from './store.ts';
import { paramErrors } from './errors.ts';

/**
 * Record an event for a state change: `data.object` is a snapshot taken now (later changes do
 * not alter it), `previous_attributes` names what an `*.updated` event changed. The event is
 * delivered to the webhook endpoint once the request that caused it has been answered.
 */
export function emitEvent(
  state: EmulatorState,
  ctx: Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>,
  type: string,
  object: object,
  previousAttributes?: Record<string, unknown>,
): StripeEvent {
  const event: StripeEvent = {
    id: newId(state, 'evt'),
    object: 'event',
    api_version: state.apiVersion,
    created: unixSeconds(state),
    data: {
      object: snapshot(object),
      ...(previousAttributes ? { previous_attributes: snapshot(previousAttributes) } : {}),
    },
    livemode: false,
    pending_webhooks: state.hasWebhookEndpoint() ? 1 : 0,
    request: { id: ctx.requestId, idempotency_key: ctx.idempotencyKey },
    type,
  };
  state.store.events.insert(event);
  ctx.events.push(event);
  return event;
}

/** The values of `fields` in `before` that differ from `after` (for `previous_attributes`). */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changed[field] = before[field];
    }
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

function matchesType(eventType: string, pattern: string): boolean {
  // `type=payment_intent.*` matches every payment_intent event, as in Stripe's list filter.
  return pattern.endsWith('.*')
    ? eventType.startsWith(pattern.slice(0, -1))
    : eventType === pattern;
}

export function eventRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/events/:id',
      auth: 'secret',
      handle: (ctx) => {
        assertKnownParams(ctx.params, ['expand']);
        const event = state.store.events.require(pathParam(ctx, 'id'));
        return expand(event, readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/events',
      auth: 'secret',
      handle: (ctx) => {
        assertKnownParams(ctx.params, [
          'created',
          'ending_before',
          'expand',
          'limit',
          'starting_after',
          'type',
          'types',
        ]);
        const type = readNonEmptyString(ctx.params, 'type');
        const types = (readArray(ctx.params, 'types') ?? []).map((value, index) => {
          if (typeof value !== 'string') throw paramErrors.string(`types[${index}]`);
          return value;
        });
        if (type !== undefined && types.length > 0) {
          throw paramErrors.invalid(
            'types',
            'You may only specify one of these parameters: type, types.',
          );
        }
        const patterns = type !== undefined ? [type] : types;
        const events = state.store.events
          .newestFirst()
          .filter(
            (event) => patterns.length === 0 || patterns.some((p) => matchesType(event.type, p)),
          )
          .filter(createdFilter(ctx.params));
        return expand(
          paginate(events, ctx.params, '/v1/events'),
          readExpand(ctx.params),
          state.store,
        );
      },
    },
  ];
}
