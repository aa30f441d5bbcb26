import { freeText } from '@servio/shared';
import { z } from 'zod';
import { createPairingCode } from '../auth/index.ts';
import { inVenue, recordAudit } from '../db/index.ts';
import { router, TRPCError } from './init.ts';
import { managerProcedure } from './procedures.ts';

export const devicesRouter = router({
  createPairingCode: managerProcedure
    .meta({ summary: 'A short, single-use code (valid 15 minutes) that pairs one more tablet.' })
    .input(z.object({ deviceName: freeText('deviceName').optional() }))
    .mutation(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) => {
        const code = await createPairingCode(tx, ctx.staff.venueId, {
          now: ctx.deps.clock.now(),
          createdBy: ctx.staff.staffId,
          deviceName: input.deviceName ?? null,
        });
        await recordAudit(
          tx,
          ctx.staff.venueId,
          { staffId: ctx.staff.staffId, deviceId: ctx.device.deviceId },
          { action: 'device.pairing_code_created', details: { expiresAt: code.expiresAt } },
        );
        return code;
      }),
    ),

  list: managerProcedure
    .meta({ summary: 'Paired devices with last contact and the changes they still hold unsynced.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) => {
        const { rows } = await tx.query<{
          id: string;
          name: string;
          letter: string;
          paired_at: Date;
          last_seen_at: Date | null;
          revoked_at: Date | null;
          pending_mutations: number;
          last_sync_at: Date | null;
        }>(
          `SELECT d.id, d.name, d.letter, d.paired_at, d.last_seen_at, d.revoked_at,
                  COALESCE(sum(c.pending_mutations), 0)::int AS pending_mutations,
                  max(GREATEST(c.last_push_at, c.last_pull_at)) AS last_sync_at
             FROM devices d LEFT JOIN clients c ON c.venue_id = d.venue_id AND c.device_id = d.id
            WHERE d.venue_id = $1
            GROUP BY d.venue_id, d.id ORDER BY d.letter`,
          [ctx.staff.venueId],
        );
        return rows.map((row) => ({
          id: row.id,
          name: row.name,
          letter: row.letter,
          pairedAt: row.paired_at.toISOString(),
          lastSeenAt: row.last_seen_at?.toISOString() ?? null,
          revokedAt: row.revoked_at?.toISOString() ?? null,
          pendingMutations: row.pending_mutations,
          lastSyncAt: row.last_sync_at?.toISOString() ?? null,
        }));
      }),
    ),

  revoke: managerProcedure
    .meta({ summary: 'Revoke a device: its token stops working; its unsynced outbox stays on it.' })
    .input(z.object({ deviceId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) => {
        const now = new Date(ctx.deps.clock.now()).toISOString();
        const { rowCount } = await tx.query(
          'UPDATE devices SET revoked_at = COALESCE(revoked_at, $3) WHERE venue_id = $1 AND id = $2',
          [ctx.staff.venueId, input.deviceId, now],
        );
        if (rowCount === 0)
          throw new TRPCError({ code: 'NOT_FOUND', message: 'No such device at this venue.' });
        await tx.query(
          'UPDATE staff_sessions SET revoked_at = $3 WHERE venue_id = $1 AND device_id = $2 AND revoked_at IS NULL',
          [ctx.staff.venueId, input.deviceId, now],
        );
        await recordAudit(
          tx,
          ctx.staff.venueId,
          { staffId: ctx.staff.staffId, deviceId: ctx.device.deviceId },
          { action: 'device.revoked', target: input.deviceId },
        );
        return { revoked: true };
      }),
    ),
});
