import {
  ClientIdSchema,
  DeviceIdSchema,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  RawMutationSchema,
  isCompatibleProtocol,
  type MutationRejection,
} from '@servio/shared';
import { z } from 'zod';
import { type Db, inVenue, recordAudit } from '../db/index.ts';
import type { SyncLogger } from './apply-batch.ts';
import { pushMutations, versionMismatch, type PushOutcome } from './push.ts';

/** An exported outbox holds at most this many mutations (a day offline is a few thousand). */
export const MAX_IMPORT_MUTATIONS = 10_000;

/** S7: the file a tablet exports with its unsynced outbox. */
export const OutboxFileSchema = z
  .object({
    protocolVersion: z.int().min(1).optional(),
    clientId: ClientIdSchema,
    /** The tablet that holds the outbox; used when the server has never heard of the client. */
    deviceId: DeviceIdSchema.optional(),
    mutations: z.array(RawMutationSchema).min(1).max(MAX_IMPORT_MUTATIONS),
  })
  .refine((file) => file.mutations.every((m) => m.clientId === file.clientId), {
    message: 'Every mutation must belong to the outbox’s client',
    path: ['mutations'],
  })
  .refine(
    (file) => file.mutations.every((m, i, all) => i === 0 || m.id === (all[i - 1]?.id ?? 0) + 1),
    { message: 'Mutation ids must increase by one', path: ['mutations'] },
  );
export type OutboxFile = z.infer<typeof OutboxFileSchema>;

export type ImportOutcome =
  | {
      status: 'ok';
      lastMutationId: number;
      applied: number;
      skipped: number;
      rejected: number;
      /** Every recorded rejection of the file's mutations, for the manager to read out. */
      rejections: MutationRejection[];
    }
  | Exclude<PushOutcome, { status: 'ok' }>;

export class UnknownDeviceError extends Error {
  override name = 'UnknownDeviceError';
}

/**
 * S7: a manager uploads a tablet's exported outbox and it goes through the same idempotent push
 * path, in batches of `MAX_PUSH_MUTATIONS` (each its own transaction, so a failure part-way keeps
 * what was done and an upload of the same file again just skips it). The client keeps the device
 * it belongs to — usually a revoked tablet — so its orders still say which tablet took them.
 */
export async function importOutbox(
  db: Db,
  manager: { venueId: string; deviceId: string; staffId: string },
  file: OutboxFile,
  options: { now: number; logger?: SyncLogger | undefined },
): Promise<ImportOutcome> {
  if (file.protocolVersion !== undefined && !isCompatibleProtocol(file.protocolVersion)) {
    return versionMismatch(file.protocolVersion);
  }
  const { venueId } = manager;
  const deviceId = file.deviceId ?? manager.deviceId;
  const known = await inVenue(db, venueId, (tx) =>
    tx.query('SELECT 1 FROM devices WHERE venue_id = $1 AND id = $2', [venueId, deviceId]),
  );
  if (known.rows.length === 0) throw new UnknownDeviceError('No such device at this venue.');

  const total = { applied: 0, skipped: 0, rejected: 0, lastMutationId: 0 };
  for (let start = 0; start < file.mutations.length; start += MAX_PUSH_MUTATIONS) {
    const mutations = file.mutations.slice(start, start + MAX_PUSH_MUTATIONS);
    const result = await pushMutations(
      db,
      { venueId, deviceId },
      {
        protocolVersion: PROTOCOL_VERSION,
        clientId: file.clientId,
        mutations,
        pendingCount: file.mutations.length - start,
      },
      { now: options.now, logger: options.logger, adopt: true },
    );
    if (result.status !== 'ok') return result;
    total.applied += result.applied;
    total.skipped += result.skipped;
    total.rejected += result.rejected;
    total.lastMutationId = result.lastMutationId;
  }

  const first = file.mutations[0]!.id;
  const last = file.mutations.at(-1)!.id;
  return inVenue(db, venueId, async (tx) => {
    const { rows } = await tx.query<{
      mutation_id: number;
      name: string;
      reason: MutationRejection['reason'];
      message: string;
    }>(
      `SELECT mutation_id, name, reason, message FROM mutation_rejections
        WHERE venue_id = $1 AND client_id = $2 AND mutation_id BETWEEN $3 AND $4
        ORDER BY mutation_id`,
      [venueId, file.clientId, first, last],
    );
    await recordAudit(
      tx,
      venueId,
      { staffId: manager.staffId, deviceId: manager.deviceId },
      {
        action: 'sync.outbox_imported',
        target: file.clientId,
        details: { firstMutationId: first, ...total },
      },
    );
    return {
      status: 'ok' as const,
      ...total,
      rejections: rows.map((row) => ({
        mutationId: row.mutation_id,
        name: row.name,
        reason: row.reason,
        message: row.message,
      })),
    };
  });
}
