import {
  isMutationRejected,
  SYNCED_TABLES,
  type MutationRejection,
  type PullResult,
  type RawMutation,
} from '@servio/shared';
import type { OutboxEntry, RejectionNotice, ServioDb } from '../data/db.ts';
import { describeMutation } from '../data/describe-mutation.ts';
import { applyLocallyOrUndo, orderOfMutation } from '../data/local-apply.ts';
import { readMeta, writeMeta } from '../data/meta.ts';
import { intl } from '../i18n/intl.ts';

type PullOk = Extract<PullResult, { status: 'ok' }>;

export interface PullApplied {
  /** Outbox entries the server confirmed (applied or rejected) and that are now dropped. */
  confirmed: number;
  /** Entries still pending, re-applied on top of the server's rows. */
  rebased: number;
  /** Pending entries the rules refuse on the new server state (they stay queued: S7). */
  refusedLocally: number;
  rejections: number;
  /**
   * The answer was for a cursor or client this database no longer has (another sync cycle
   * applied a newer pull meanwhile, or the tablet was paired again): nothing was applied.
   */
  stale: boolean;
}

/** What the pull was asked with; an answer is applied only while both still hold. */
export interface PullAskedWith {
  cursor: number;
  clientId: string;
}

/**
 * S6: take a pull into the local database, in ONE Dexie transaction, so no screen ever sees
 * a half-applied state:
 *
 * 1. put back the server's copy of every row a pending mutation had changed (`shadows`);
 * 2. write the server's new rows and delete its tombstones;
 * 3. turn the pull's rejections into notices on their orders (S4), while the rejected
 *    mutation is still in the outbox to describe it;
 * 4. drop outbox entries up to `lastMutationId`: the rows just written already hold their
 *    effect (the server returns both from the same clock), so nothing flickers;
 * 5. re-run the still-pending mutations, in order, through the shared rules over the new rows.
 *
 * A pending mutation the rules now refuse (another tablet paid the order meanwhile) shows no
 * effect but stays in the outbox: only the server may drop it (S7), and its rejection comes
 * back as a notice.
 */
export async function applyPull(
  db: ServioDb,
  result: PullOk,
  now: () => Date = () => new Date(),
  askedWith?: PullAskedWith,
): Promise<PullApplied> {
  return db.transaction('rw', db.allStores(), async () => {
    const device = await readMeta(db, 'device');
    if (!device) {
      throw new Error(
        intl.formatMessage({
          id: 'sync.pull.unpaired',
          defaultMessage: 'The device was unpaired while a pull was in flight.',
        }),
      );
    }
    const clientId = await readMeta(db, 'clientId');
    if (
      (askedWith && ((await readMeta(db, 'cursor')) ?? 0) !== askedWith.cursor) ||
      (askedWith && clientId !== askedWith.clientId)
    ) {
      // Applying it would move the cursor back and overwrite newer rows, or confirm outbox
      // entries by another client's counter: drop it; the caller pulls again.
      return { confirmed: 0, rebased: 0, refusedLocally: 0, rejections: 0, stale: true };
    }

    // 1. Back to the server's state of everything the outbox had touched.
    const shadows = await db.shadows.toArray();
    for (const shadow of shadows) {
      const table = db.table(shadow.table);
      if (shadow.row === null) await table.delete(shadow.rowId);
      else await table.put(shadow.row);
    }
    await db.shadows.clear();

    // 2. The server's changes.
    for (const name of SYNCED_TABLES) {
      const changes = result.rows[name];
      if (!changes) continue;
      const table = db.table(name);
      if (changes.upserts.length > 0) await table.bulkPut(changes.upserts);
      if (changes.tombstones.length > 0) {
        const keys = changes.tombstones.map((tombstone) =>
          'itemId' in tombstone ? [tombstone.itemId, tombstone.groupId] : tombstone.id,
        );
        await table.bulkDelete(keys);
      }
    }

    // 3. Rejections, described while their mutations are still at hand.
    const at = now().toISOString();
    for (const rejection of result.rejections) {
      const entry = await db.outbox.get(rejection.mutationId);
      const notice = await noticeFor(db, clientId ?? 'client', rejection, entry, at);
      // The same rejection may arrive again (a pull retried from the same cursor): keep one.
      if (!(await db.notices.get(notice.id))) await db.notices.add(notice);
    }

    // 4. Confirmed entries go (S6); nothing else is ever deleted from the outbox (S7).
    const confirmed = await db.outbox.where('id').belowOrEqual(result.lastMutationId).delete();

    // 5. Rebase what is still pending on top of the server's rows.
    const venue = await db.venues.get(device.venue.id);
    const pending = await db.outbox.orderBy('id').toArray();
    let refusedLocally = 0;
    if (venue) {
      for (const entry of pending) {
        try {
          await applyLocallyOrUndo(db, entry.mutation, venue, device, at);
        } catch (error) {
          if (!isMutationRejected(error)) throw error;
          refusedLocally += 1;
        }
      }
    }

    await writeMeta(db, 'cursor', result.cursor);
    return {
      confirmed,
      rebased: pending.length - refusedLocally,
      refusedLocally,
      rejections: result.rejections.length,
      stale: false,
    };
  });
}

async function noticeFor(
  db: ServioDb,
  clientId: string,
  rejection: MutationRejection,
  entry: OutboxEntry | undefined,
  at: string,
): Promise<RejectionNotice> {
  const mutation: RawMutation | undefined = entry?.mutation;
  return {
    id: `${clientId}:${rejection.mutationId}`,
    mutationId: rejection.mutationId,
    orderId: entry?.orderId ?? (mutation ? await orderOfMutation(db, mutation) : null),
    name: rejection.name,
    attempted: mutation ? await describeMutation(db, mutation) : rejection.name,
    reason: rejection.reason,
    message: rejection.message,
    staffId: mutation?.staffId ?? '',
    receivedAt: at,
    acknowledged: 0,
    acknowledgedAt: null,
  };
}
