/**
 * The session screens other features use: the gate in front of every tablet screen (pairing,
 * first sync, staff PIN sign-in) and the device's connection details.
 */
export { SignedIn, type SignedInSession } from './signed-in.tsx';
export { ConnectionDetails, describeConnection, describeStorage } from './connection-details.tsx';
