import { createContext, useContext } from 'react';

/** The signed-in manager or owner every manager screen works for. */
export interface ManagerIdentity {
  venueId: string;
  venueName: string;
  staff: { id: string; name: string; role: 'manager' | 'owner' };
}

export const ManagerContext = createContext<ManagerIdentity | null>(null);

export function useManager(): ManagerIdentity {
  const manager = useContext(ManagerContext);
  if (!manager) throw new Error('Manager screens render inside <ManagerArea>, after sign-in');
  return manager;
}
