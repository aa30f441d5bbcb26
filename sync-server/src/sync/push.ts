import {
  isCompatibleProtocol,
  PROTOCOL_VERSION,
  type DeviceId,
  type PushRequest,
  type PushResult,
  type RawMutation,
} from '@servio/shared';
import type { Db } from '../db/index.ts';
import { applyBatch, type SyncLogger } from './apply-batch.ts';
import { claimClient, recordContact } from './clients.ts';
import { recordRejections } from './rejection-log.ts';
import { withVenueWrite } from './venue-write.ts';

export interface PushCaller {
  venueId: string;
  /** The authenticated device: the client is bound to it, and its orders carry it. */
  deviceId: string;
}

export interface PushOptions {
  /** Server time (ms), for `createdAt`/`updatedAt` and contact stamps. */
  now: number;
  logger?: SyncLogger | undefined;
  /** A manager importing an exported outbox (S7): use the client whichever device it belongs to. */
  adopt?: boolean;
}

export type PushOutcome = Extract<PushResult, { status: 'ok' | 'gap' | 'version_mismatch' }>;

export function versionMismatch(clientVersion: number) {
  return {
    status: 'version_mismatch' as const,
    serverProtocolVersion: PROTOCOL_VERSION,
    message: `This app speaks sync protocol ${clientVersion}, the server ${PROTOCOL_VERSION}. Reload to update the app; your unsynced changes stay on this tablet.`,
  };
}

/**
 * S2–S4, S12: applies a client's outbox mutations exactly once, in one transaction.
 *
 * 1. Lock the client row (created on first push): the same push sent twice at once applies once.
 * 2. Skip mutations at or below `last_mutation_id` (duplicates); refuse a first new one above
 *    last + 1 (`gap`: the client resends from `expectedMutationId`).
 * 3. Run the shared rules over the new mutations (`applyBatch`): the rows they name are read
 *    first, without the venue clock lock; the first row written (or rejection recorded) takes it
 *    (`withVenueWrite`, which runs the push again under the lock if anyone wrote the venue in
 *    between). Each mutation is applied or rejected with a reason (recorded for the next pull);
 *    either way the counter moves past it. Totals, prices and statuses come from the rules, never
 *    the client.
 * 4. The clock advances once if anything was written or rejected, the client is stamped, and the
 *    venue is poked on commit (S9).
 *
 * Anything thrown that is not a business rejection or a data error rolls the whole push back:
 * nothing advances and the client simply retries (S4).
 */
export async function pushMutations(
  db: Db,
  caller: PushCaller,
  request: PushRequest,
  options: PushOptions,
): Promise<PushOutcome> {
  if (!isCompatibleProtocol(request.protocolVersion)) {
    return versionMismatch(request.protocolVersion);
  }
  const at = new Date(options.now).toISOString();
  const { venueId } = caller;
  return withVenueWrite(db, venueId, { now: at }, async (write) => {
    const { tx } = write;
    const client = await claimClient(tx, venueId, request.clientId, caller.deviceId, {
      now: at,
      adopt: options.adopt ?? false,
    });
    const last = client.lastMutationId;
    const fresh: RawMutation[] = request.mutations.filter((mutation) => mutation.id > last);
    const skipped = request.mutations.length - fresh.length;
    const contact = {
      kind: 'push' as const,
      at,
      pending: request.pendingCount,
      deviceSeen: !options.adopt,
    };

    if (fresh.length > 0 && fresh[0]!.id !== last + 1) {
      await recordContact(tx, venueId, request.clientId, caller.deviceId, contact);
      return { status: 'gap', lastMutationId: last, expectedMutationId: last + 1 };
    }
    if (fresh.length === 0) {
      await recordContact(tx, venueId, request.clientId, caller.deviceId, {
        ...contact,
        pending: request.pendingCount - request.mutations.length,
      });
      return { status: 'ok', lastMutationId: last, applied: 0, skipped, rejected: 0 };
    }

    const { ctx } = await write.rules(client.deviceId as DeviceId);
    const outcome = await applyBatch(write, { ctx, logger: options.logger }, fresh);
    if (outcome.rejections.length > 0) {
      // S4: a rejection is recorded under the version of this push, so the next pull carries it.
      await recordRejections(
        tx,
        { venueId, clientId: request.clientId, version: await write.stamp(), at },
        outcome.rejections,
      );
    }
    const lastMutationId = fresh.at(-1)!.id;
    await recordContact(tx, venueId, request.clientId, caller.deviceId, {
      ...contact,
      pending: request.pendingCount - request.mutations.length,
      lastMutationId,
    });
    return {
      status: 'ok',
      lastMutationId,
      applied: outcome.applied,
      skipped,
      rejected: outcome.rejections.length,
    };
  });
}
