import type { MenuItemModifierGroupRow, OrderLineRow } from '../domain/index.ts';

/**
 * The order every list a `MutatorStore` returns comes in, in one place: the rules run on the
 * tablet and on the server over different stores, and must see lines, payments and modifier
 * groups in the same order to write the same rows (S12) — a discount spread over lines, for
 * one, puts its rounding remainder on the first.
 *
 * Ids are compared as strings by UTF-16 code unit, which for lowercase UUIDs is byte order:
 * what Postgres gives under `COLLATE "C"` or on the `uuid` type, and not necessarily what a
 * text column gives under a linguistic collation. Stores sort in JavaScript with these
 * functions, so no database collation ever decides the order.
 */

/** Code-unit order of two ids (never locale-aware). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lines by the instant they were added, then by id. Instants are compared by value, not as
 * text: a row read back from Postgres and a row a client just wrote may spell the same instant
 * differently ('…:00Z' and '…:00.000Z'), and as text '…:00Z' sorts after '…:00.500Z'.
 */
export function byAddedThenId(
  a: Pick<OrderLineRow, 'addedAt' | 'id'>,
  b: Pick<OrderLineRow, 'addedAt' | 'id'>,
): number {
  return Date.parse(a.addedAt) - Date.parse(b.addedAt) || compareIds(a.id, b.id);
}

/** Rows by id (payments: UUIDv7 ids, so in the order they were created). */
export function byId(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

/** An item's modifier-group links by their `sortOrder`, then by group id. */
export function byLinkOrder(
  a: Pick<MenuItemModifierGroupRow, 'sortOrder' | 'groupId'>,
  b: Pick<MenuItemModifierGroupRow, 'sortOrder' | 'groupId'>,
): number {
  return a.sortOrder - b.sortOrder || compareIds(a.groupId, b.groupId);
}
