import { paramErrors, resourceMissing } from './errors.ts';
import type { FormObject } from './form.ts';
import type {
  Charge,
  CheckoutDetails,
  CheckoutSession,
  Customer,
  PaymentIntent,
  PaymentMethod,
  Price,
  Product,
  Refund,
  StripeEvent,
  Subscription,
} from './objects.ts';
import { readInteger, readNonEmptyString } from './params.ts';

/** One kind of object, kept in creation order (lists answer newest first, as Stripe does). */
export class Collection<T extends { id: string }> {
  private readonly items = new Map<string, T>();

  constructor(readonly kind: string) {}

  insert(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  require(id: string, param = 'id'): T {
    const item = this.items.get(id);
    if (!item) throw resourceMissing(this.kind, id, param);
    return item;
  }

  delete(id: string): void {
    this.items.delete(id);
  }

  newestFirst(): T[] {
    return [...this.items.values()].reverse();
  }
}

/** All emulator state. Nothing is persisted: a restart is a fresh Stripe account. */
export class Store {
  readonly paymentIntents = new Collection<PaymentIntent>('payment_intent');
  readonly paymentMethods = new Collection<PaymentMethod>('PaymentMethod');
  readonly charges = new Collection<Charge>('charge');
  readonly refunds = new Collection<Refund>('refund');
  readonly customers = new Collection<Customer>('customer');
  readonly products = new Collection<Product>('product');
  readonly prices = new Collection<Price>('price');
  readonly subscriptions = new Collection<Subscription>('subscription');
  readonly checkoutSessions = new Collection<CheckoutSession>('checkout.session');
  readonly events = new Collection<StripeEvent>('event');
  /** Card numbers stay out of the PaymentMethod objects, as Stripe never returns them. */
  readonly cardNumbers = new Map<string, string>();
  readonly checkoutDetails = new Map<string, CheckoutDetails>();

  /** Resolve any id for `expand[]`, by its prefix. */
  find(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    const collections: Record<string, Collection<{ id: string }>> = {
      pi: this.paymentIntents,
      pm: this.paymentMethods,
      ch: this.charges,
      re: this.refunds,
      cus: this.customers,
      prod: this.products,
      price: this.prices,
      sub: this.subscriptions,
      cs: this.checkoutSessions,
      evt: this.events,
    };
    return collections[prefix]?.get(id);
  }
}

export interface ListResponse<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** Cursor pagination: `limit` (1–100, default 10), `starting_after`, `ending_before`. */
export function paginate<T extends { id: string }>(
  newestFirst: T[],
  params: FormObject,
  url: string,
): ListResponse<T> {
  const limit = readInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw paramErrors.invalid('limit', `Invalid limit: must be between 1 and 100`);
  }
  const startingAfter = readNonEmptyString(params, 'starting_after');
  const endingBefore = readNonEmptyString(params, 'ending_before');
  const indexOf = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index < 0) throw resourceMissing('object', id, param);
    return index;
  };
  if (endingBefore !== undefined) {
    const end = indexOf(endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter === undefined ? 0 : indexOf(startingAfter, 'starting_after') + 1;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < newestFirst.length, url };
}

/** A deep copy, so a response or an event snapshot never changes after the fact. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}

/**
 * `expand[]=latest_charge`, `expand[]=payment_intent.latest_charge`, `expand[]=data.customer` on
 * lists. `virtual` supplies fields that exist only when expanded (Checkout's `line_items`).
 */
export function expand(
  value: unknown,
  paths: readonly string[],
  store: Store,
  virtual: (object: Record<string, unknown>, field: string) => unknown = () => undefined,
): unknown {
  const result = snapshot(value);
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > 4) {
      throw paramErrors.invalid('expand', `You cannot expand more than 4 levels of a property.`);
    }
    expandPath(result, segments, path, store, virtual);
  }
  return result;
}

function expandPath(
  target: unknown,
  segments: string[],
  path: string,
  store: Store,
  virtual: (object: Record<string, unknown>, field: string) => unknown,
): void {
  const [field, ...rest] = segments;
  if (field === undefined || target === null || typeof target !== 'object') return;
  if (Array.isArray(target)) {
    for (const item of target) expandPath(item, segments, path, store, virtual);
    return;
  }
  const object = target as Record<string, unknown>;
  let current = object[field];
  if (current === undefined) {
    const computed = virtual(object, field);
    if (computed === undefined) {
      throw paramErrors.invalid('expand', `This property cannot be expanded (${path}).`);
    }
    current = snapshot(computed);
  } else if (typeof current === 'string') {
    const found = store.find(current);
    if (!found) throw paramErrors.invalid('expand', `This property cannot be expanded (${path}).`);
    current = snapshot(found);
  }
  object[field] = current;
  if (rest.length > 0) expandPath(current, rest, path, store, virtual);
}

/** `created=<ts>` or `created[gte]=…&created[lt]=…` on list endpoints. */
export function createdFilter(params: FormObject): (item: { created: number }) => boolean {
  const created = params['created'];
  if (created === undefined) return () => true;
  if (typeof created === 'string') {
    const exact = readInteger(params, 'created');
    return (item) => item.created === exact;
  }
  if (Array.isArray(created)) throw paramErrors.object('created');
  const bound = (key: string) => readInteger(created, key, `created[${key}]`);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (item) =>
    (gt === undefined || item.created > gt) &&
    (gte === undefined || item.created >= gte) &&
    (lt === undefined || item.created < lt) &&
    (lte === undefined || item.created <= lte);
}
