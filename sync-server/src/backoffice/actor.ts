import { can, type Action, type StaffRole } from '@servio/shared';
import { TRPCError } from '@trpc/server';
import type { VenueWrite } from '../sync/index.ts';

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

/**
 * One back-office change: the venue write (`withVenueWrite`: fenced to the actor's venue, version
 * stamped, audited, poked on commit) and who is making it. `stamp()` gives the version rows
 * written carry (S5); row locks come after `lock()`.
 */
export interface WriteScope extends VenueWrite {
  actor: Actor;
}
