import {
  applyMutation,
  type LineId,
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

/** The order a mutation is about (for notices), from its arguments or its line's order. */
export async function orderOfMutation(db: ServioDb, mutation: RawMutation): Promise<string | null> {
  const args = (
    typeof mutation.args === 'object' && mutation.args !== null ? mutation.args : {}
  ) as {
    orderId?: unknown;
    targetOrderId?: unknown;
    sourceOrderId?: unknown;
    lineId?: unknown;
  };
  if (typeof args.orderId === 'string') return args.orderId;
  if (typeof args.sourceOrderId === 'string') return args.sourceOrderId;
  if (typeof args.targetOrderId === 'string') return args.targetOrderId;
  if (typeof args.lineId === 'string') {
    const line = await db.orderLines.get(args.lineId as LineId);
    return line?.orderId ?? null;
  }
  return null;
}
