import type { DeviceCaller, Role, StaffCaller } from '../auth/index.ts';
import { publicProcedure, TRPCError } from './init.ts';

/** A paired, unrevoked device. The venue of every query below comes from here, never from input. */
export const deviceProcedure = publicProcedure.use(({ ctx, next }) => {
  const device = ctx.caller.device;
  if (!device) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This device is not paired. Pair it with a code from a manager.',
    });
  }
  if (device.revoked) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'This device was revoked by a manager. Its unsynced changes stay on it; pair it again to send them.',
      cause: { reason: 'device_revoked' },
    });
  }
  return next({ ctx: { device: device satisfies DeviceCaller } });
});

/** A signed-in staff member (PIN) on a paired device, with one of the given roles. */
export function staffProcedure(roles: readonly Role[]) {
  return deviceProcedure.use(({ ctx, next }) => {
    const staff = ctx.caller.staff;
    if (!staff)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in with your PIN first.' });
    if (!roles.includes(staff.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Your role (${staff.role}) may not do this; it needs ${roles.join(' or ')}.`,
      });
    }
    return next({ ctx: { staff: staff satisfies StaffCaller } });
  });
}

export const managerProcedure = staffProcedure(['manager', 'owner']);
