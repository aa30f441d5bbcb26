import { referencesOf } from '@servio/shared';

/** What a batch of not-yet-parsed mutations refers to, so one query per table can load it all. */
export interface Referenced {
  orderIds: string[];
  lineIds: string[];
  paymentIds: string[];
  orderNumbers: string[];
}

/**
 * Collects the ids the mutations name, as each mutation's definition declares them (`refs`). The
 * mutations are not validated yet (each is parsed on its own when applied, S4): one whose
 * arguments do not parse names nothing — it will be refused without reading — so nothing that is
 * not a well-formed id reaches Postgres, where it would fail the whole push.
 */
export function referencedBy(mutations: readonly { name: string; args: unknown }[]): Referenced {
  const orderIds = new Set<string>();
  const lineIds = new Set<string>();
  const paymentIds = new Set<string>();
  const orderNumbers = new Set<string>();
  const addIds = (set: Set<string>, ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) set.add(id.toLowerCase());
  };
  for (const mutation of mutations) {
    const refs = referencesOf(mutation);
    addIds(orderIds, refs.orderIds);
    addIds(lineIds, refs.lineIds);
    addIds(paymentIds, refs.paymentIds);
    for (const number of refs.orderNumbers ?? []) orderNumbers.add(number);
  }
  return {
    orderIds: [...orderIds],
    lineIds: [...lineIds],
    paymentIds: [...paymentIds],
    orderNumbers: [...orderNumbers],
  };
}
