import { useLiveQuery } from 'dexie-react-hooks';
import { db as appDb, type RejectionNotice, type ServioDb } from '../data/db.ts';

/**
 * S4: changes the server refused, shown on their order to whoever opens it until someone
 * acknowledges them. The optimistic effect is already gone (the rebase dropped it); the
 * notice says what was attempted and why it was refused.
 */
export function useOrderNotices(orderId: string | null | undefined): RejectionNotice[] {
  return (
    useLiveQuery(
      (): Promise<RejectionNotice[]> =>
        orderId
          ? appDb.notices.where('[orderId+acknowledged]').equals([orderId, 0]).sortBy('mutationId')
          : Promise.resolve([]),
      [orderId],
    ) ?? []
  );
}

/** Every unacknowledged notice (orders no longer on screen included), oldest first. */
export function useOpenNotices(): RejectionNotice[] {
  return (
    useLiveQuery(() => appDb.notices.where('acknowledged').equals(0).sortBy('mutationId'), []) ?? []
  );
}

export async function acknowledgeNotice(
  id: string,
  db: ServioDb = appDb,
  now: () => Date = () => new Date(),
): Promise<void> {
  await db.notices.update(id, { acknowledged: 1, acknowledgedAt: now().toISOString() });
}
