// The auth domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { bearerToken, isAdminRequest } from './admin.ts';
export {
  type Caller,
  type DeviceCaller,
  resolveCaller,
  resolveDevice,
  type Role,
  type StaffCaller,
} from './caller.ts';
export { createPairingCode } from './pairing-codes.ts';
export { PairingError, redeemPairingCode } from './pairing.ts';
export { hashPin, randomToken } from './secrets.ts';
export { signInWithPin } from './staff-sign-in.ts';
