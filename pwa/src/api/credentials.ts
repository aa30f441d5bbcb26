/**
 * The credentials every server call carries, held in one place: the paired device's token
 * (`Authorization: Bearer dev_…`) and the signed-in staff member's session (`x-staff-session`).
 * The session layer (`src/session/`) sets them after pairing and PIN sign-in, and restores them
 * from IndexedDB on start; the tRPC client reads them on every request.
 */
export interface Credentials {
  deviceToken: string | null;
  staffSession: string | null;
}

let current: Credentials = { deviceToken: null, staffSession: null };
const listeners = new Set<() => void>();

export function getCredentials(): Credentials {
  return current;
}

export function setCredentials(next: Partial<Credentials>): void {
  current = { ...current, ...next };
  for (const listener of listeners) listener();
}

export function onCredentialsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (current.deviceToken) headers.authorization = `Bearer ${current.deviceToken}`;
  if (current.staffSession) headers['x-staff-session'] = current.staffSession;
  return headers;
}
