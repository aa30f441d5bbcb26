import {
  formatOrderNumber,
  highestCounter,
  isMutationRejected,
  newId,
  type AnyId,
  type ClientId,
  type MutationArgs,
  type MutationName,
  type RawMutation,
  type RejectionReason,
  type StaffId,
} from '@servio/shared';
import { uuidv7 } from 'uuidv7';
import { db as appDb, type ServioDb } from './db.ts';
import { mutatorTables } from './dexie-store.ts';
import { applyLocally, orderOfMutation } from './local-apply.ts';
import { describeStorageError } from './storage-errors.ts';
import { readMeta, writeMeta } from './meta.ts';
import { intl } from '../i18n/intl.ts';

export type MutateResult =
  { ok: true; mutationId: number } | { ok: false; reason: RejectionReason; message: string };

export interface MutateOptions {
  /** A manager or owner who entered their PIN on the spot to allow this one action. */
  approvedBy?: StaffId;
}

/** A fresh UUIDv7 for a record born on this tablet: `newRecordId<OrderId>()`. */
export function newRecordId<T extends AnyId>(): T {
  return newId<T>();
}

/**
 * Make a change on this tablet (S1): run THE shared rules over the local tables and append
 * the mutation to the outbox, both in one Dexie transaction. The screen updates at once
 * (Dexie live queries); the sync client sends the outbox when it can.
 *
 * Resolves `{ ok: false }` when a business rule refuses the change (nothing is written; the
 * message says why, for the person). Throws only when storage itself fails (quota, database
 * closed for an upgrade in another tab).
 */
export function mutate<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  options: MutateOptions = {},
): Promise<MutateResult> {
  return mutateIn(appDb, name, args, options);
}

export async function mutateIn<N extends MutationName>(
  db: ServioDb,
  name: N,
  args: MutationArgs<N>,
  options: MutateOptions = {},
  now: () => Date = () => new Date(),
): Promise<MutateResult> {
  try {
    return await db.transaction(
      'rw',
      [...mutatorTables(db), db.venues, db.outbox, db.meta],
      async () => {
        const [device, session] = await Promise.all([
          readMeta(db, 'device'),
          readMeta(db, 'session'),
        ]);
        if (!device) {
          return refusal(
            'unknown_staff',
            intl.formatMessage({
              id: 'mutate.notPaired',
              defaultMessage: 'This tablet is not paired with a venue yet.',
            }),
          );
        }
        if (!session) {
          return refusal(
            'unknown_staff',
            intl.formatMessage({
              id: 'mutate.notSignedIn',
              defaultMessage: 'Sign in with your PIN first.',
            }),
          );
        }
        const venue = await db.venues.get(device.venue.id);
        if (!venue) {
          return refusal(
            'not_found',
            intl.formatMessage({
              id: 'mutate.noVenue',
              defaultMessage:
                'This tablet has not loaded its venue yet. Wait for the first sync to finish.',
            }),
          );
        }
        const clientId = await ensureClientId(db);
        const id = ((await readMeta(db, 'lastIssuedMutationId')) ?? 0) + 1;
        const at = now().toISOString();
        const mutation: RawMutation = {
          clientId,
          id,
          name,
          args,
          clientTime: at,
          staffId: session.staffId,
          ...(options.approvedBy ? { approvedBy: options.approvedBy } : {}),
        };
        await applyLocally(db, mutation, venue, device, at);
        await db.outbox.add({
          id,
          mutation,
          orderId: await orderOfMutation(db, mutation),
          queuedAt: at,
        });
        await writeMeta(db, 'lastIssuedMutationId', id);
        return { ok: true as const, mutationId: id };
      },
    );
  } catch (error) {
    // The transaction is already rolled back: the rejected change wrote nothing.
    if (isMutationRejected(error)) return refusal(error.reason, error.message);
    const storage = describeStorageError(error);
    throw storage ? new Error(storage, { cause: error }) : error;
  }
}

function refusal(reason: RejectionReason, message: string): MutateResult {
  return { ok: false, reason, message };
}

/** S1: this browser database's client id, created on first use and never changed. */
export async function ensureClientId(db: ServioDb): Promise<ClientId> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta(db, 'clientId');
    if (existing) return existing;
    const clientId = uuidv7() as ClientId;
    await writeMeta(db, 'clientId', clientId);
    return clientId;
  });
}

/**
 * The next human order number of this device (`A-17`): its letter and a counter that is
 * never reused, continuing past any number of its own already seen (after a reinstall the
 * server's orders carry them). Each call reserves a number, used or not.
 */
export function nextOrderNumber(): Promise<string> {
  return nextOrderNumberIn(appDb);
}

export async function nextOrderNumberIn(db: ServioDb): Promise<string> {
  return db.transaction('rw', [db.meta, db.orders], async () => {
    const device = await readMeta(db, 'device');
    if (!device) {
      throw new Error(
        intl.formatMessage({
          id: 'mutate.noLetter',
          defaultMessage: 'This tablet is not paired, so it has no order-number letter.',
        }),
      );
    }
    const prefix = `${device.letter}-`;
    const own = await db.orders.where('number').startsWith(prefix).keys();
    const counter =
      Math.max(
        (await readMeta(db, 'orderCounter')) ?? 0,
        highestCounter(device.letter, own.map(String)),
      ) + 1;
    await writeMeta(db, 'orderCounter', counter);
    return formatOrderNumber(device.letter, counter);
  });
}

type OpenArgs = MutationArgs<'order.open'>;
/** `order.open` arguments without the parts the tablet fills in (id and number). */
export type OpenOrderArgs = OpenArgs extends infer A
  ? A extends OpenArgs
    ? Omit<A, 'orderId' | 'number'>
    : never
  : never;

/**
 * Open an order with a fresh id and this device's next number. On success the result
 * carries the new order's id and number, for the screen to navigate to.
 */
export async function openOrder(
  args: OpenOrderArgs,
  options: MutateOptions = {},
): Promise<
  (MutateResult & { ok: false }) | { ok: true; mutationId: number; orderId: string; number: string }
> {
  const orderId = newRecordId<OpenArgs['orderId']>();
  const number = await nextOrderNumber();
  const result = await mutate('order.open', { ...args, orderId, number } as OpenArgs, options);
  return result.ok ? { ...result, orderId, number } : result;
}
