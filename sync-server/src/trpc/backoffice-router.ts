import { z } from 'zod';
import {
  AuditListInputSchema,
  listAudit,
  qrSheet,
  staff,
  tables,
  readVenueSettings,
  updateVenueSettings,
  VenueSettingsUpdateSchema,
} from '../backoffice/index.ts';
import { hashPin } from '../auth/index.ts';
import { inVenue } from '../db/index.ts';
import { backofficeMenuRouter } from './backoffice-menu-router.ts';
import { backofficeProcedure, write } from './backoffice-procedures.ts';
import { router } from './init.ts';
import { managerProcedure, staffProcedure } from './procedures.ts';

const tablesProcedure = backofficeProcedure('tables.edit');
const staffManagerProcedure = backofficeProcedure('staff.manage');
const IdInput = z.object({ id: z.uuid() });

const tablesRouter = router({
  list: tablesProcedure
    .meta({ summary: 'Live tables in floor order, with their current QR token.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.actor.venueId, (tx) => tables.listTables(tx, ctx.actor.venueId)),
    ),
  create: tablesProcedure
    .meta({ summary: 'Add a table (it gets its own QR token).' })
    .input(tables.TableCreateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => tables.createTable(s, input))),
  update: tablesProcedure
    .meta({ summary: 'Rename a table, move it to another area, change seats or sort order.' })
    .input(tables.TableUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => tables.updateTable(s, input))),
  delete: tablesProcedure
    .meta({ summary: 'Remove a table without an open order.' })
    .input(IdInput)
    .mutation(({ ctx, input }) => write(ctx, (s) => tables.deleteTable(s, input.id))),
  reissueToken: tablesProcedure
    .meta({ summary: 'A new QR token for a table: codes printed with the old one stop working.' })
    .input(IdInput)
    .mutation(({ ctx, input }) => write(ctx, (s) => tables.reissueTableToken(s, input.id))),
  qrSheet: tablesProcedure
    .meta({ summary: 'Every table with its pay URL and an SVG QR code, for printing.' })
    .input(z.void())
    .query(async ({ ctx }) => {
      const list = await inVenue(ctx.deps.db, ctx.actor.venueId, (tx) =>
        tables.listTables(tx, ctx.actor.venueId),
      );
      const baseUrl = ctx.deps.config.publicUrl ?? `${ctx.req.protocol}://${ctx.req.host}`;
      return { baseUrl, tables: await qrSheet(baseUrl, list) };
    }),
});

const staffRouter = router({
  list: staffManagerProcedure
    .meta({ summary: 'Staff of the venue (active first), with any PIN lock-out.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.actor.venueId, (tx) => staff.listStaff(tx, ctx.actor.venueId)),
    ),
  create: staffManagerProcedure
    .meta({ summary: 'Add a staff member with a PIN (only an owner adds owners).' })
    .input(staff.StaffCreateSchema)
    .mutation(async ({ ctx, input }) => {
      // Hash before the transaction: scrypt is slow on purpose and must not hold the venue lock.
      const pinHash = await hashPin(input.pin);
      return write(ctx, (s) =>
        staff.createStaff(s, { name: input.name, role: input.role, pinHash }),
      );
    }),
  changeRole: staffManagerProcedure
    .meta({ summary: 'Change a role (only an owner grants or changes owner).' })
    .input(staff.StaffRoleChangeSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => staff.changeStaffRole(s, input))),
  rename: staffManagerProcedure
    .meta({ summary: 'Change a staff member’s name.' })
    .input(staff.StaffRenameSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => staff.renameStaff(s, input))),
  resetPin: staffManagerProcedure
    .meta({ summary: 'Set a new PIN and lift any lock-out.' })
    .input(staff.StaffPinResetSchema)
    .mutation(async ({ ctx, input }) => {
      const pinHash = await hashPin(input.pin);
      return write(ctx, (s) => staff.resetStaffPin(s, { staffId: input.staffId, pinHash }));
    }),
  deactivate: staffManagerProcedure
    .meta({ summary: 'Stop someone signing in; their open sessions end now.' })
    .input(staff.StaffIdSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => staff.setStaffActive(s, input.staffId, false))),
  reactivate: staffManagerProcedure
    .meta({ summary: 'Let a deactivated staff member sign in again.' })
    .input(staff.StaffIdSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => staff.setStaffActive(s, input.staffId, true))),
});

const venueRouter = router({
  get: managerProcedure
    .meta({ summary: 'Venue settings and the subscription status Stripe last reported.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) => readVenueSettings(tx, ctx.staff.venueId)),
    ),
  update: backofficeProcedure('venue.settings')
    .meta({ summary: 'Change venue settings (owner only).' })
    .input(VenueSettingsUpdateSchema)
    .mutation(({ ctx, input }) => write(ctx, (s) => updateVenueSettings(s, input))),
});

const auditRouter = router({
  list: staffProcedure(['owner'])
    .meta({ summary: 'The audit log, newest first, a page at a time (owner only).' })
    .input(AuditListInputSchema)
    .query(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) => listAudit(tx, ctx.staff.venueId, input)),
    ),
});

export const backofficeRouter = router({
  menu: backofficeMenuRouter,
  tables: tablesRouter,
  staff: staffRouter,
  venue: venueRouter,
  audit: auditRouter,
});
