import {
  applyMutation,
  referencesOf,
  type MutatorContext,
  type RawMutation,
  type VenueRow,
} from '@servio/shared';
import type { ServioDb } from './db.ts';
import { DexieStore } from './dexie-store.ts';
import type { DeviceIdentity } from './meta.ts';

/** The rules' context on this tablet: its venue's settings, itself as the device, its clock. */
export function tabletContext(
  venue: VenueRow,
  device: DeviceIdentity,
  now: string,
): MutatorContext {
  return {
    venue: {
      id: venue.id,
      currency: venue.currency,
      timezone: venue.timezone,
      businessDayCutoff: venue.businessDayCutoff,
      taxMode: venue.taxMode,
      serviceChargeBps: venue.serviceChargeBps,
    },
    deviceId: device.deviceId,
    now,
  };
}

/**
 * Run one mutation through THE shared rules over the Dexie tables. Must be called inside a
 * read-write transaction covering `mutatorTables(db)`; a rejection thrown from here aborts
 * that transaction, so nothing the mutation wrote stays (S1, S4).
 */
export function applyLocally(
  db: ServioDb,
  mutation: RawMutation,
  venue: VenueRow,
  device: DeviceIdentity,
  now: string,
): Promise<unknown> {
  return applyMutation(new DexieStore(db), mutation, tabletContext(venue, device, now));
}

/**
 * Like `applyLocally`, for a mutation run inside a transaction that must go on when the rules
 * refuse it (the rebase): a refusal first undoes whatever the mutation had written.
 */
export async function applyLocallyOrUndo(
  db: ServioDb,
  mutation: RawMutation,
  venue: VenueRow,
  device: DeviceIdentity,
  now: string,
): Promise<void> {
  const store = new DexieStore(db);
  try {
    await applyMutation(store, mutation, tabletContext(venue, device, now));
  } catch (error) {
    await store.undo();
    throw error;
  }
}

/**
 * The order a mutation is about (for notices): the first order its definition names, else the
 * order of the first line it names. Arguments that do not parse name nothing.
 */
export async function orderOfMutation(db: ServioDb, mutation: RawMutation): Promise<string | null> {
  const refs = referencesOf(mutation);
  const orderId = refs.orderIds?.[0];
  if (orderId !== undefined) return orderId;
  const lineId = refs.lineIds?.[0];
  if (lineId !== undefined) {
    const line = await db.orderLines.get(lineId);
    return line?.orderId ?? null;
  }
  return null;
}
