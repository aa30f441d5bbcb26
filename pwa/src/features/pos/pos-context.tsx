import type { StaffRow, VenueRow } from '@servio/shared';
import { createContext, use, useMemo, type ReactNode } from 'react';
import { moneyIn } from '../../lib/money.ts';

/**
 * What every POS and kitchen screen works with once someone is signed in: the venue (currency,
 * tax mode, tip presets) and the staff member (role). Provided by the POS layout only after the
 * session gate let someone in, so screens never handle "no venue yet".
 */
export interface PosContextValue {
  venue: VenueRow;
  staff: StaffRow;
  /** Minor units in the venue's currency, for people: 1234 → "€12.34". */
  money: (amount: number) => string;
}

const PosContext = createContext<PosContextValue | null>(null);

export function PosProvider({
  venue,
  staff,
  children,
}: {
  venue: VenueRow;
  staff: StaffRow;
  children: ReactNode;
}) {
  const value = useMemo<PosContextValue>(
    () => ({
      venue,
      staff,
      money: moneyIn(venue.currency),
    }),
    [venue, staff],
  );
  return <PosContext value={value}>{children}</PosContext>;
}

export function usePos(): PosContextValue {
  const value = use(PosContext);
  if (!value) throw new Error('usePos must be used inside the POS layout');
  return value;
}
