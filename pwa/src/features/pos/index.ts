/**
 * What the kitchen display shares with the tablet's POS: the signed-in venue and person, the
 * shared mutation runner and permission check, and how lines and waiting times read.
 */
export { usePos } from './pos-context.tsx';
export { permissionFor } from './manager-approval.tsx';
export { runMutation } from './run-mutation.ts';
export { Elapsed, minutesSince } from './elapsed.tsx';
export { modifiersText } from './line-text.ts';
export { StaffMenu } from './floor/staff-menu.tsx';
