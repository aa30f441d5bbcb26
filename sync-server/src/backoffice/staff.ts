import { freeText, StaffRoleSchema, type StaffRole } from '@servio/shared';
import { TRPCError } from '@trpc/server';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Queryable, Row } from '../db/index.ts';
import { columnFromSql, viewFromSql } from '../sync/index.ts';
import { lockLive, patchRow } from './rows.ts';
import type { Actor, WriteScope } from './actor.ts';

/**
 * Staff accounts. Managers run the team, but the owner's seat is the owner's: a manager may not
 * create an owner, promote anyone to owner, or touch an owner's account. Nobody changes their own
 * role or deactivates themselves, so a venue can never lock its last owner out.
 */

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
const name = freeText('personName');

export const StaffCreateSchema = z.object({ name, role: StaffRoleSchema, pin: PinSchema });
export const StaffRoleChangeSchema = z.object({ staffId: z.uuid(), role: StaffRoleSchema });
export const StaffPinResetSchema = z.object({ staffId: z.uuid(), pin: PinSchema });
export const StaffRenameSchema = z.object({ staffId: z.uuid(), name });
export const StaffIdSchema = z.object({ staffId: z.uuid() });

export interface StaffView {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
  /** Set while five wrong PINs keep this person out. */
  lockedUntil: string | null;
  version: number;
}

function staffView(r: Row): StaffView {
  const { id, name, role, active, version } = viewFromSql('staff', r, [
    'id',
    'name',
    'role',
    'active',
    'version',
  ]);
  // Server-only (not a synced field): while five wrong PINs keep this person out.
  const lockedUntil = (columnFromSql(r, 'lockedUntil') as string | null) ?? null;
  return { id, name, role, active, lockedUntil, version };
}

function forbidden(message: string): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message });
}

function assertMayGrant(actor: Actor, role: StaffRole): void {
  if (role === 'owner' && actor.role !== 'owner') {
    throw forbidden('Only an owner can make someone an owner.');
  }
}

/** The live staff row, after checking the actor may act on that person at all. */
async function lockStaff(scope: WriteScope, staffId: string): Promise<Record<string, unknown>> {
  const row = await lockLive(scope, 'staff', staffId, 'staff member');
  if (row.role === 'owner' && scope.actor.role !== 'owner') {
    throw forbidden('Only an owner can change an owner’s account.');
  }
  return row;
}

function assertNotSelf(scope: WriteScope, staffId: string, what: string): void {
  if (staffId === scope.actor.staffId) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `You cannot ${what} yourself.` });
  }
}

export async function listStaff(tx: Queryable, venueId: string): Promise<StaffView[]> {
  const { rows } = await tx.query(
    `SELECT * FROM staff WHERE venue_id = $1 AND deleted_at IS NULL ORDER BY active DESC, name`,
    [venueId],
  );
  return rows.map(staffView);
}

/** `pinHash` is hashed by the caller, outside the transaction (scrypt is slow on purpose). */
export async function createStaff(
  scope: WriteScope,
  input: { name: string; role: StaffRole; pinHash: string },
): Promise<StaffView> {
  assertMayGrant(scope.actor, input.role);
  const { rows } = await scope.tx.query(
    `INSERT INTO staff (venue_id, id, name, role, pin_hash, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
    [
      scope.actor.venueId,
      uuidv7(),
      input.name,
      input.role,
      input.pinHash,
      await scope.stamp(),
      scope.now,
    ],
  );
  const row = rows[0]!;
  await scope.audit('staff.created', row.id as string, { name: input.name, role: input.role });
  return staffView(row);
}

export async function changeStaffRole(
  scope: WriteScope,
  input: z.output<typeof StaffRoleChangeSchema>,
): Promise<StaffView> {
  assertNotSelf(scope, input.staffId, 'change the role of');
  const before = await lockStaff(scope, input.staffId);
  assertMayGrant(scope.actor, input.role);
  const row = await patchRow(scope, 'staff', input.staffId, { role: input.role });
  await scope.audit('staff.role_changed', input.staffId, { from: before.role, to: input.role });
  return staffView(row);
}

export async function renameStaff(
  scope: WriteScope,
  input: z.output<typeof StaffRenameSchema>,
): Promise<StaffView> {
  const before = await lockStaff(scope, input.staffId);
  const row = await patchRow(scope, 'staff', input.staffId, { name: input.name });
  await scope.audit('staff.renamed', input.staffId, { from: before.name, to: input.name });
  return staffView(row);
}

/** A new PIN also lifts a lock-out; tablets pull the new hash for offline sign-in (S5). */
export async function resetStaffPin(
  scope: WriteScope,
  input: { staffId: string; pinHash: string },
): Promise<StaffView> {
  await lockStaff(scope, input.staffId);
  const row = await patchRow(scope, 'staff', input.staffId, {
    pin_hash: input.pinHash,
    failed_pin_attempts: 0,
    locked_until: null,
  });
  await scope.audit('staff.pin_reset', input.staffId, {});
  return staffView(row);
}

/**
 * Deactivated staff cannot sign in, and their open sessions end now. What they did on a tablet
 * before this moment still syncs: `deactivated_at` is compared with each mutation's clientTime.
 */
export async function setStaffActive(
  scope: WriteScope,
  staffId: string,
  active: boolean,
): Promise<StaffView> {
  if (!active) assertNotSelf(scope, staffId, 'deactivate');
  const before = await lockStaff(scope, staffId);
  // The instant lets mutations this person made before it, synced late, still apply (S11).
  // Deactivating someone already inactive keeps the original instant (undefined: unchanged).
  const row = await patchRow(scope, 'staff', staffId, {
    active,
    deactivated_at: active ? null : before.active ? scope.now : undefined,
  });
  if (!active) {
    await scope.tx.query(
      `UPDATE staff_sessions SET revoked_at = $3
        WHERE venue_id = $1 AND staff_id = $2 AND revoked_at IS NULL`,
      [scope.actor.venueId, staffId, scope.now],
    );
  }
  await scope.audit(active ? 'staff.reactivated' : 'staff.deactivated', staffId, {
    name: row.name,
  });
  return staffView(row);
}
