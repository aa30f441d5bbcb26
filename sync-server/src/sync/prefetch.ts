import { OrderNumberSchema } from '@servio/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a batch of not-yet-parsed mutations refers to, so one query per table can load it all. */
export interface Referenced {
  orderIds: string[];
  lineIds: string[];
  paymentIds: string[];
  orderNumbers: string[];
}

/**
 * Collects the ids the mutations' arguments name. The mutations are not validated yet (each is
 * parsed on its own when applied, S4), so anything that is not a well-formed id is left out rather
 * than sent to Postgres, where it would fail the whole push.
 */
export function referencedBy(mutations: readonly { args: unknown }[]): Referenced {
  const orderIds = new Set<string>();
  const lineIds = new Set<string>();
  const paymentIds = new Set<string>();
  const orderNumbers = new Set<string>();
  const addId = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) set.add(value.toLowerCase());
  };
  for (const { args } of mutations) {
    if (typeof args !== 'object' || args === null) continue;
    const a = args as Record<string, unknown>;
    addId(orderIds, a.orderId);
    addId(orderIds, a.sourceOrderId);
    addId(orderIds, a.targetOrderId);
    addId(lineIds, a.lineId);
    if (Array.isArray(a.lineIds)) for (const id of a.lineIds.slice(0, 200)) addId(lineIds, id);
    addId(paymentIds, a.paymentId);
    if (typeof a.number === 'string' && OrderNumberSchema.safeParse(a.number).success) {
      orderNumbers.add(a.number);
    }
  }
  return {
    orderIds: [...orderIds],
    lineIds: [...lineIds],
    paymentIds: [...paymentIds],
    orderNumbers: [...orderNumbers],
  };
}
