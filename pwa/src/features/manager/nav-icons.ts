import {
  Activity,
  ChartColumn,
  CreditCard,
  LayoutGrid,
  ScrollText,
  Settings,
  Tablet,
  Users,
  UtensilsCrossed,
  type LucideIcon,
} from 'lucide-react';

/**
 * The icons a manager route's `handle.nav.icon` may name. The route table is in the app's entry
 * chunk and names icons by key only (a type import), so the icons load with the manager's
 * layout, not on every tablet's first load.
 */
export const NAV_ICONS = {
  Activity,
  ChartColumn,
  CreditCard,
  LayoutGrid,
  ScrollText,
  Settings,
  Tablet,
  Users,
  UtensilsCrossed,
} satisfies Record<string, LucideIcon>;

export type NavIcon = keyof typeof NAV_ICONS;
