import { freeText } from '@servio/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Queryable } from '../db/index.ts';

/**
 * The audit log: who did what, to which row, when. Back-office writes add a row in the same
 * transaction as their change (the venue write's `audit`, sync/venue-write.ts), so there is never
 * a change without its row or a row without its change. Only the owner reads it.
 */

export const AuditListInputSchema = z.object({
  limit: z.int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[\w-]*$/, 'not a cursor')
    .optional(),
  /** Only actions starting with this, e.g. 'menu.' or 'staff.pin_reset'. */
  action: freeText('filter').optional(),
  actorStaffId: z.uuid().optional(),
});
export type AuditListInput = z.input<typeof AuditListInputSchema>;

export interface AuditEntry {
  id: string;
  at: string;
  actor: { staffId: string; name: string | null; role: string | null } | null;
  deviceId: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

// The cursor keeps Postgres' microseconds: rows written by `now()` in one millisecond stay apart.
const CursorSchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.uuid(),
});

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input: cursor: not a cursor' });
  }
}

/** Newest first, `limit` per page; `nextCursor` is null on the last page. */
export async function listAudit(
  tx: Queryable,
  venueId: string,
  input: z.output<typeof AuditListInputSchema>,
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const { rows } = await tx.query<{
    id: string;
    created_at: Date;
    cursor_at: string;
    actor_staff_id: string | null;
    actor_name: string | null;
    actor_role: string | null;
    actor_device_id: string | null;
    action: string;
    target: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT a.id, a.created_at,
            to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            a.actor_staff_id, s.name AS actor_name, s.role AS actor_role, a.actor_device_id,
            a.action, a.target, a.details
       FROM audit_log a
       LEFT JOIN staff s ON s.venue_id = a.venue_id AND s.id = a.actor_staff_id
      WHERE a.venue_id = $1
        AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
        AND ($4::text IS NULL OR left(a.action, length($4::text)) = $4::text)
        AND ($5::uuid IS NULL OR a.actor_staff_id = $5::uuid)
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT $6`,
    [
      venueId,
      cursor?.at ?? null,
      cursor?.id ?? null,
      input.action ?? null,
      input.actorStaffId ?? null,
      input.limit + 1,
    ],
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.created_at.toISOString(),
      actor: row.actor_staff_id
        ? { staffId: row.actor_staff_id, name: row.actor_name, role: row.actor_role }
        : null,
      deviceId: row.actor_device_id,
      action: row.action,
      target: row.target,
      details: row.details,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(JSON.stringify({ at: last.cursor_at, id: last.id })).toString('base64url')
        : null,
  };
}
