import { storableText, type MutationRejection, type RejectionReason } from '@servio/shared';
import type { Queryable } from '../db/index.ts';

export interface Rejection {
  mutationId: number;
  name: string;
  reason: RejectionReason;
  message: string;
}

// Postgres text cannot hold NUL (nor JSON a lone surrogate), and a rejection is exactly where a
// client's odd input shows up: its name and message are stored as `storableText`.
const storable = storableText;

/**
 * S4: keeps why each mutation was rejected, stamped with the push's clock value, so the pull whose
 * cursor window contains that value returns it (`rejectionsBetween`). A pull response that never
 * arrives loses nothing: the next pull from the same cursor returns it again.
 */
export async function recordRejections(
  tx: Queryable,
  scope: { venueId: string; clientId: string; version: number; at: string },
  rejections: readonly Rejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  const records = rejections.map((rejection) => ({
    venue_id: scope.venueId,
    client_id: scope.clientId,
    mutation_id: rejection.mutationId,
    name: storable(rejection.name, 64),
    reason: rejection.reason,
    message: storable(rejection.message, 1000),
    created_at: scope.at,
    version: scope.version,
  }));
  const columns = Object.keys(records[0]!).join(', ');
  await tx.query(
    `INSERT INTO mutation_rejections (${columns})
     SELECT ${columns} FROM json_populate_recordset(NULL::mutation_rejections, $1::json)
     ON CONFLICT (venue_id, client_id, mutation_id) DO NOTHING`,
    [JSON.stringify(records)],
  );
}

/** The client's rejections recorded at clock values in (after, upTo], in mutation order. */
export async function rejectionsBetween(
  tx: Queryable,
  scope: { venueId: string; clientId: string },
  after: number,
  upTo: number,
): Promise<MutationRejection[]> {
  const { rows } = await tx.query<{
    mutation_id: number;
    name: string;
    reason: RejectionReason;
    message: string;
  }>(
    `SELECT mutation_id, name, reason, message FROM mutation_rejections
      WHERE venue_id = $1 AND client_id = $2 AND version > $3 AND version <= $4
      ORDER BY mutation_id`,
    [scope.venueId, scope.clientId, after, upTo],
  );
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    name: row.name,
    reason: row.reason,
    message: row.message,
  }));
}
