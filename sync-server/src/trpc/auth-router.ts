import { freeText } from '@servio/shared';
import { z } from 'zod';
import { PairingError, redeemPairingCode, signInWithPin } from '../auth/index.ts';
import { inVenue } from '../db/index.ts';
import { publicProcedure, router, TRPCError } from './init.ts';
import { deviceProcedure } from './procedures.ts';

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

export const authRouter = router({
  pair: publicProcedure
    .meta({
      summary: 'Exchange a manager’s pairing code for this device’s long-lived token (once).',
    })
    .input(
      z.object({
        // Hashed before it is looked up; the format only keeps typing slips out.
        code: z
          .string()
          .trim()
          .min(4, 'the pairing code has 8 characters')
          .max(20)
          .regex(/^[0-9A-Za-z -]+$/, 'a pairing code has letters and digits, like K7QH-3MZP'),
        deviceName: freeText('deviceName').default('Tablet'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        return await redeemPairingCode(
          ctx.deps.db,
          input.code,
          input.deviceName,
          new Date(ctx.deps.clock.now()),
        );
      } catch (error) {
        if (error instanceof PairingError)
          throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
        throw error;
      }
    }),

  staff: deviceProcedure
    .meta({ summary: 'Active staff of the device’s venue, for the PIN sign-in screen.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.device.venueId, async (tx) => {
        const { rows } = await tx.query<{ id: string; name: string; role: string }>(
          'SELECT id, name, role FROM staff WHERE venue_id = $1 AND active AND deleted_at IS NULL ORDER BY name',
          [ctx.device.venueId],
        );
        return rows;
      }),
    ),

  signIn: deviceProcedure
    .meta({
      summary: 'Sign a staff member in with their PIN; five wrong PINs lock them for five minutes.',
    })
    .input(z.object({ staffId: z.uuid(), pin }))
    .mutation(async ({ ctx, input }) => {
      const result = await signInWithPin(
        ctx.deps.db,
        ctx.device.venueId,
        ctx.device.deviceId,
        input.staffId,
        input.pin,
        new Date(ctx.deps.clock.now()),
      );
      if (result.ok) return result;
      throw new TRPCError({
        code: result.reason === 'locked' ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED',
        message: result.message,
        cause: result,
      });
    }),

  signOut: deviceProcedure
    .meta({ summary: 'End the current staff session on this device.' })
    .input(z.void())
    .mutation(async ({ ctx }) => {
      const staff = ctx.caller.staff;
      if (!staff) return { signedOut: false };
      await inVenue(ctx.deps.db, staff.venueId, (tx) =>
        tx.query('UPDATE staff_sessions SET revoked_at = $3 WHERE venue_id = $1 AND id = $2', [
          staff.venueId,
          staff.sessionId,
          new Date(ctx.deps.clock.now()).toISOString(),
        ]),
      );
      return { signedOut: true };
    }),

  me: deviceProcedure
    .meta({ summary: 'The device and (when signed in) the staff member behind this request.' })
    .input(z.void())
    .query(({ ctx }) => ({
      device: { id: ctx.device.deviceId, venueId: ctx.device.venueId, letter: ctx.device.letter },
      staff: ctx.caller.staff
        ? { id: ctx.caller.staff.staffId, name: ctx.caller.staff.name, role: ctx.caller.staff.role }
        : null,
    })),
});
