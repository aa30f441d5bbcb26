import type { Action } from '@servio/shared';
import { assertCan, type Actor, type WriteScope } from '../backoffice/index.ts';
import { withVenueWrite } from '../sync/index.ts';
import type { AppContext } from './context.ts';
import { managerProcedure } from './procedures.ts';

/**
 * A manager procedure that also needs `action` in the shared permission table (menu.edit,
 * tables.edit, staff.manage, venue.settings …) and hands the handler its `actor`.
 */
export function backofficeProcedure(action: Action) {
  return managerProcedure.use(({ ctx, next }) => {
    assertCan(ctx.staff, action);
    const actor: Actor = {
      venueId: ctx.staff.venueId,
      staffId: ctx.staff.staffId,
      role: ctx.staff.role,
      deviceId: ctx.device.deviceId,
    };
    return next({ ctx: { actor } });
  });
}

/**
 * One back-office change through the venue write (sync/venue-write.ts): fenced to the actor's
 * venue, its rows stamped with one version, an audit row with it, the tablets poked on commit
 * (S9). Every back-office change moves the clock once (S5), so tablets pull it. A throw rolls all
 * of it back: a refused change leaves no version, no audit row and no poke.
 */
export function write<T>(
  ctx: { deps: AppContext['deps']; actor: Actor },
  fn: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const { actor } = ctx;
  return withVenueWrite(
    ctx.deps.db,
    actor.venueId,
    { now: ctx.deps.clock.now(), actor },
    async (venueWrite) => {
      const result = await fn({ ...venueWrite, actor });
      await venueWrite.stamp();
      return result;
    },
  );
}
