import type { EmulatorState, RequestContext, Route } from './context.ts';
import { newId, pathParam, unixSeconds } from './context.ts';
import { paramErrors } from './errors.ts';
import { emitEvent } from './events.ts';
import type { FormObject } from './form.ts';
import type { Price, Product, Recurring } from './objects.ts';
import * as p from './params.ts';
import { expand } from './store.ts';

type EventContext = Pick<RequestContext, 'requestId' | 'idempotencyKey' | 'events'>;

/** Products and Prices: what Checkout line items and Subscription items are priced with. */
function createProduct(
  state: EmulatorState,
  ctx: EventContext,
  data: FormObject,
  path: string,
  allowed: readonly string[],
): Product {
  p.assertKnownParams(data, allowed, path || undefined);
  const at = (key: string) => (path ? `${path}[${key}]` : key);
  const now = unixSeconds(state);
  const product: Product = {
    id: p.readNonEmptyString(data, 'id', at('id')) ?? newId(state, 'prod'),
    object: 'product',
    active: p.readBoolean(data, 'active', at('active')) ?? true,
    created: now,
    description: p.readNullableString(data, 'description', at('description')) ?? null,
    livemode: false,
    metadata: p.createMetadata(data),
    name: p.requireString(data, 'name', at('name')),
    updated: now,
  };
  state.store.products.insert(product);
  emitEvent(state, ctx, 'product.created', product);
  return product;
}

function readRecurring(data: FormObject, at: (key: string) => string): Recurring | null {
  const path = at('recurring');
  const recurring = p.readObject(data, 'recurring', path);
  if (!recurring) return null;
  p.assertKnownParams(recurring, ['interval', 'interval_count', 'meter', 'usage_type'], path);
  const intervals = ['day', 'week', 'month', 'year'] as const;
  const interval = p.readEnum(recurring, 'interval', intervals, `${path}[interval]`);
  if (interval === undefined) throw paramErrors.missing(`${path}[interval]`);
  const count = p.readPositiveInteger(recurring, 'interval_count', `${path}[interval_count]`);
  return { interval, interval_count: count ?? 1, usage_type: 'licensed' };
}

/**
 * A Price from `POST /v1/prices` or from inline `price_data` (Checkout line items, subscription
 * items): `currency`, `unit_amount`, `recurring[interval]`, and `product` or `product_data`.
 */
export function createPrice(
  state: EmulatorState,
  ctx: EventContext,
  data: FormObject,
  path: string,
  allowed: readonly string[],
): Price {
  p.assertKnownParams(data, allowed, path || undefined);
  const at = (key: string) => (path ? `${path}[${key}]` : key);
  const currency = p.requireCurrency(data, 'currency', at('currency'));
  const unitAmount = p.readInteger(data, 'unit_amount', at('unit_amount'));
  if (unitAmount === undefined) throw paramErrors.missing(at('unit_amount'));
  if (unitAmount < 0)
    throw paramErrors.invalid(at('unit_amount'), 'This value must be greater than or equal to 0.');
  const recurring = readRecurring(data, at);
  const productId = p.readNonEmptyString(data, 'product', at('product'));
  const productData = p.readObject(data, 'product_data', at('product_data'));
  if (productId !== undefined && productData !== undefined) {
    throw paramErrors.invalid(
      at('product_data'),
      'You may only specify one of these parameters: product, product_data.',
      'parameters_exclusive',
    );
  }
  let product: string;
  if (productId !== undefined) product = state.store.products.require(productId, at('product')).id;
  else if (productData !== undefined) {
    product = createProduct(state, ctx, productData, at('product_data'), [
      'name',
      'description',
      'metadata',
      'images',
      'tax_code',
      'unit_label',
      'active',
      'id',
      'statement_descriptor',
    ]).id;
  } else throw paramErrors.missing(at('product'));
  const price: Price = {
    id: newId(state, 'price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: unixSeconds(state),
    currency,
    livemode: false,
    lookup_key: p.readNonEmptyString(data, 'lookup_key', at('lookup_key')) ?? null,
    metadata: p.createMetadata(data),
    nickname: p.readNullableString(data, 'nickname', at('nickname')) ?? null,
    product,
    recurring,
    tax_behavior: 'unspecified',
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
  };
  state.store.prices.insert(price);
  emitEvent(state, ctx, 'price.created', price);
  return price;
}

/** Line-item style `price` (an id) or `price_data` (inline); exactly one. */
export function priceOf(
  state: EmulatorState,
  ctx: EventContext,
  item: FormObject,
  path: string,
  inlineParams: readonly string[],
): Price {
  const priceId = p.readNonEmptyString(item, 'price', `${path}[price]`);
  const priceData = p.readObject(item, 'price_data', `${path}[price_data]`);
  if (priceId !== undefined && priceData !== undefined) {
    throw paramErrors.invalid(
      `${path}[price_data]`,
      'You may only specify one of these parameters: price, price_data.',
      'parameters_exclusive',
    );
  }
  if (priceId !== undefined) return state.store.prices.require(priceId, `${path}[price]`);
  if (priceData !== undefined)
    return createPrice(state, ctx, priceData, `${path}[price_data]`, inlineParams);
  throw paramErrors.missing(`${path}[price]`);
}

const PRODUCT_PARAMS = [
  'name',
  'active',
  'default_price_data',
  'description',
  'expand',
  'id',
  'images',
  'marketing_features',
  'metadata',
  'package_dimensions',
  'shippable',
  'statement_descriptor',
  'tax_code',
  'tax_details',
  'type',
  'unit_label',
  'url',
];
const PRICE_PARAMS = [
  'currency',
  'active',
  'billing_scheme',
  'currency_options',
  'custom_unit_amount',
  'expand',
  'lookup_key',
  'metadata',
  'nickname',
  'product',
  'product_data',
  'recurring',
  'tax_behavior',
  'tiers',
  'tiers_mode',
  'transfer_lookup_key',
  'transform_quantity',
  'unit_amount',
  'unit_amount_decimal',
];

export function catalogRoutes(state: EmulatorState): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/v1/products',
      auth: 'secret',
      handle: (ctx) =>
        expand(
          createProduct(state, ctx, ctx.params, '', PRODUCT_PARAMS),
          p.readExpand(ctx.params),
          state.store,
        ),
    },
    {
      method: 'GET',
      pattern: '/v1/products/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const product = state.store.products.require(pathParam(ctx, 'id'));
        return expand(product, p.readExpand(ctx.params), state.store);
      },
    },
    {
      method: 'POST',
      pattern: '/v1/prices',
      auth: 'secret',
      handle: (ctx) =>
        expand(
          createPrice(state, ctx, ctx.params, '', PRICE_PARAMS),
          p.readExpand(ctx.params),
          state.store,
        ),
    },
    {
      method: 'GET',
      pattern: '/v1/prices/:id',
      auth: 'secret',
      handle: (ctx) => {
        p.assertKnownParams(ctx.params, ['expand']);
        const price = state.store.prices.require(pathParam(ctx, 'id'));
        return expand(price, p.readExpand(ctx.params), state.store);
      },
    },
  ];
}
