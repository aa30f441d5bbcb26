/**
 * The tablet's session, for screens: who is signed in, sign-in, lock, manager approval. The gate
 * that shows pairing and the PIN pad in front of a screen is UI: features/session (`SignedIn`).
 */
export { useSession, type Session, type SessionStatus } from './use-session.ts';
export { lock, signIn, verifyStaffPin, type SignInResult } from './sign-in.ts';
export { pairThisDevice } from './device.ts';
