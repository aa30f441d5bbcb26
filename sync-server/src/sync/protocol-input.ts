import { isCompatibleProtocol, type PullRequest, type PushRequest } from '@servio/shared';

const NIL_CLIENT = '00000000-0000-0000-0000-000000000000' as PushRequest['clientId'];

/** The protocol version a request claims, when it is a valid version this server cannot sync. */
export function otherProtocolVersion(input: unknown): number | undefined {
  const version = (input as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return undefined;
  return isCompatibleProtocol(version) ? undefined : version;
}

/*
 * S10: a request from an incompatible protocol version may have another shape. Before validation, the
 * sync procedures swap it for an empty request of the current shape that keeps only the client's
 * version, and answer `version_mismatch` without reading anything else. A request of this version
 * is validated in full by the shared schema (a malformed one answers 400 naming every problem); a
 * compatible older version has the same request shape (see `isCompatibleProtocol`).
 */

export function emptyPush(protocolVersion: number): PushRequest {
  return { protocolVersion, clientId: NIL_CLIENT, mutations: [], pendingCount: 0 };
}

export function emptyPull(protocolVersion: number): PullRequest {
  return { protocolVersion, clientId: NIL_CLIENT, cursor: 0, pendingCount: 0 };
}
