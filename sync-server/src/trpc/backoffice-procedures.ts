import type { Action } from '@servio/shared';
import { backofficeWrite, assertCan, type Actor, type WriteScope } from '../backoffice/write.ts';
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

/** One back-office change: versioned, audited and poked (backoffice/write.ts). */
export function write<T>(
  ctx: { deps: AppContext['deps']; actor: Actor },
  fn: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return backofficeWrite(ctx.deps.db, ctx.actor, ctx.deps.clock.now(), fn);
}
