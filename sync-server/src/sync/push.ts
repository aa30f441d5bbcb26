import {
  isCompatibleProtocol,
  PROTOCOL_VERSION,
  type DeviceId,
  type PushRequest,
  type PushResult,
  type RawMutation,
} from '@servio/shared';
import type { Db } from '../db/db.ts';
import { inVenue } from '../db/venue-scope.ts';
import { advanceClock } from './clock.ts';
import { applyBatch, type SyncLogger } from './apply-batch.ts';
import { claimClient, recordContact } from './clients.ts';
import { notifyVenueChanged } from './poke.ts';
import { recordRejections } from './rejection-log.ts';
import { loadVenueSettings } from './venue-settings.ts';
import { lockClock } from './venue-clock.ts';

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
 * 3. Take the venue clock lock, then run the shared rules over the new mutations (`applyBatch`):
 *    each is applied or rejected with a reason (recorded for the next pull); either way the
 *    counter moves past it. Totals, prices and statuses come from the rules, never the client.
 * 4. Advance the clock once if anything was written, stamp the client, and poke the venue (S9).
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
  return inVenue(db, venueId, async (tx) => {
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

    const version = (await lockClock(tx, venueId)) + 1;
    const venue = await loadVenueSettings(tx, venueId);
    const outcome = await applyBatch(
      tx,
      {
        venueId,
        version,
        ctx: { venue, deviceId: client.deviceId as DeviceId, now: at },
        logger: options.logger,
      },
      fresh,
    );
    await recordRejections(
      tx,
      { venueId, clientId: request.clientId, version, at },
      outcome.rejections,
    );
    if (outcome.written > 0 || outcome.rejections.length > 0) {
      const clock = await advanceClock(tx, venueId);
      if (clock !== version)
        throw new Error(`venue clock moved under its lock (${clock} ≠ ${version})`);
      await notifyVenueChanged(tx, venueId, clock);
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
