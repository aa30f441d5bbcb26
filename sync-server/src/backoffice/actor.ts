import { can, type Action, type StaffRole } from '@servio/shared';
import { TRPCError } from '@trpc/server';
import type { Db, Queryable } from '../db/db.ts';
import { inVenue } from '../db/venue-scope.ts';
import { advanceClock } from '../sync/clock.ts';
import { notifyVenueChanged } from '../sync/poke.ts';
import { recordAudit } from './audit-log.ts';

/** The signed-in manager or owner behind a back-office call; the venue always comes from here. */
export interface Actor {
  venueId: string;
  staffId: string;
  role: StaffRole;
  deviceId: string;
}

/** The shared permission table decides (permissions.ts), not each procedure on its own. */
export function assertCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor.role, action)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Your role (${actor.role}) may not do this (${action}).`,
    });
  }
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No such ${what} at this venue.` });
}

export function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

export interface WriteScope {
  tx: Queryable;
  actor: Actor;
  /** S5: the venue clock for this transaction; every row written carries it as `version`. */
  version: number;
  /** ISO instant of the request (the injected clock), for `updated_at` and tombstones. */
  now: string;
  /** Records who did what to which row, in the same transaction as the change. */
  audit(action: string, target: string | null, details?: Record<string, unknown>): Promise<void>;
}

/**
 * Runs one back-office change: fenced to the actor's venue, the clock advanced once (S5) so tablets
 * pull the change, an audit row written with it, and the tablets poked on commit (S9). A throw
 * rolls all of it back: a refused change leaves no version, no audit row and no poke.
 */
export async function backofficeWrite<T>(
  db: Db,
  actor: Actor,
  nowMs: number,
  fn: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return inVenue(db, actor.venueId, async (tx) => {
    const version = await advanceClock(tx, actor.venueId);
    const now = new Date(nowMs).toISOString();
    const result = await fn({
      tx,
      actor,
      version,
      now,
      audit: (action, target, details = {}) => recordAudit(tx, { actor, action, target, details }),
    });
    await notifyVenueChanged(tx, actor.venueId, version);
    return result;
  });
}
