import { uuidv7 } from 'uuidv7';
import type { Queryable } from './db.ts';

/** Who an audit row names: the signed-in staff member and the device they used, when known. */
export interface AuditActor {
  staffId: string | null;
  deviceId: string | null;
}

/** What happened: `action` (e.g. `payment.refund`), what it happened to, and its particulars. */
export interface AuditEntry {
  action: string;
  target?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

/**
 * The one writer of `audit_log`, inside the caller's venue transaction so the row commits or
 * rolls back with the change it records. `created_at` is the database's clock for every writer,
 * so the log reads in one order whoever wrote it.
 */
export async function recordAudit(
  tx: Queryable,
  venueId: string,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (venue_id, id, actor_staff_id, actor_device_id, action, target, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      venueId,
      uuidv7(),
      actor.staffId,
      actor.deviceId,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
