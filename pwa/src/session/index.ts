/** The tablet's session, for screens: who is signed in, sign-in, lock, manager approval. */
export { SignedIn, type SignedInSession } from './signed-in.tsx';
export { useSession, type Session, type SessionStatus } from './use-session.ts';
export { lock, signIn, verifyStaffPin, type SignInResult } from './sign-in.ts';
export { pairThisDevice } from './device.ts';
