import { PullRequestSchema, PushRequestSchema, type PushResult } from '@servio/shared';
import { z } from 'zod';
import {
  ClientOwnershipError,
  emptyPull,
  emptyPush,
  importOutbox,
  otherProtocolVersion,
  OutboxFileSchema,
  pokeStreamsOf,
  PokeStreamsClosed,
  pullChanges,
  pushMutations,
  UnknownDeviceError,
  venuePokes,
  type PullOutcome,
} from '../sync/index.ts';
import { publicProcedure, router, TRPCError } from './init.ts';
import { deviceProcedure, managerProcedure } from './procedures.ts';

const REVOKED = {
  status: 'device_revoked' as const,
  message:
    'This device was revoked by a manager, so it cannot sync. Its unsynced changes stay on it: export them for a manager to import, or pair the tablet again to send them.',
};

/**
 * A paired device, revoked or not. Push and pull answer a revoked device with `device_revoked`
 * (S7) instead of an error, so the tablet keeps its outbox and can say why it stopped syncing.
 */
const syncDeviceProcedure = publicProcedure.use(({ ctx, next }) => {
  const device = ctx.caller.device;
  if (!device) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This device is not paired. Pair it with a code from a manager.',
    });
  }
  return next({ ctx: { device } });
});

/**
 * S10: a request of another protocol version is answered `version_mismatch` whatever its shape: it
 * is swapped for an empty request of the current shape before the input is validated.
 */
function speakingAnyVersion(empty: (version: number) => unknown) {
  return syncDeviceProcedure.use(async ({ getRawInput, next }) => {
    const version = otherProtocolVersion(await getRawInput());
    if (version === undefined) return next();
    return next({ getRawInput: () => Promise.resolve(empty(version)) });
  });
}

/** Turns the sync layer's refusals into HTTP answers; anything else stays a 500 (transient). */
async function answering<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ClientOwnershipError)
      throw new TRPCError({ code: 'FORBIDDEN', message: error.message });
    if (error instanceof UnknownDeviceError)
      throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
    throw error;
  }
}

export const syncRouter = router({
  push: speakingAnyVersion(emptyPush)
    .meta({
      summary:
        'Send outbox mutations in id order; each is applied once, skipped as a duplicate, or rejected with a reason for the next pull.',
    })
    .input(PushRequestSchema)
    .mutation(({ ctx, input }): Promise<PushResult> => {
      if (ctx.device.revoked) return Promise.resolve(REVOKED);
      return answering(() =>
        pushMutations(ctx.deps.db, ctx.device, input, {
          now: ctx.deps.clock.now(),
          logger: ctx.req.log,
        }),
      );
    }),

  pull: speakingAnyVersion(emptyPull)
    .meta({
      summary:
        'Rows of the venue changed since the cursor, the client’s last applied mutation id and its new rejections.',
    })
    .input(PullRequestSchema)
    .query(({ ctx, input }): Promise<PullOutcome | typeof REVOKED> => {
      if (ctx.device.revoked) return Promise.resolve(REVOKED);
      return answering(() =>
        pullChanges(ctx.deps.db, ctx.device, input, { now: ctx.deps.clock.now() }),
      );
    }),

  poke: deviceProcedure
    .meta({
      summary:
        'Server-Sent Events: {venueId, clock} now and whenever the venue changes; pull when the clock passes your cursor.',
    })
    .input(z.void())
    .subscription(async function* ({ ctx, signal }) {
      try {
        yield* venuePokes(ctx.deps.db, ctx.device.venueId, {
          signal,
          streams: pokeStreamsOf(ctx.deps),
        });
      } catch (error) {
        // A retryable code: the tablet's EventSource reconnects (to another server, or this one
        // once it is back) instead of giving up.
        if (error instanceof PokeStreamsClosed)
          throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message });
        throw error;
      }
    }),

  importOutbox: managerProcedure
    .meta({
      summary:
        'Import a tablet’s exported unsynced outbox (a revoked or broken tablet); applied exactly once like a push.',
    })
    .input(OutboxFileSchema)
    .mutation(({ ctx, input }) =>
      answering(() =>
        importOutbox(
          ctx.deps.db,
          {
            venueId: ctx.staff.venueId,
            deviceId: ctx.device.deviceId,
            staffId: ctx.staff.staffId,
          },
          input,
          { now: ctx.deps.clock.now(), logger: ctx.req.log },
        ),
      ),
    ),
});
