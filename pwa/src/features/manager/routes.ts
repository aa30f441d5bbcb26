import { defineMessage, type MessageDescriptor } from 'react-intl';
import type { RouteObject } from 'react-router';
import type { ManagerIdentity } from './manager-context.ts';
import type { NavIcon } from './nav-icons.ts';

/**
 * A manager screen's place in the navigation, carried by its route (`handle.nav`): the side
 * bar lists exactly the routes that have one, in this order. A screen without `nav` (the QR
 * sheet, the unknown address) is reached by a link only.
 */
export interface ManagerNav {
  /** Formatted where the navigation renders (manager-layout.tsx). */
  label: MessageDescriptor;
  /** Resolved by the layout (nav-icons.ts), to keep lucide out of the entry chunk. */
  icon: NavIcon;
  /** Who sees the entry; without it every manager and owner does. */
  requiredRole?: ManagerIdentity['staff']['role'];
}

export interface ManagerScreenHandle {
  nav?: ManagerNav;
}

type ManagerRoute = RouteObject & { handle?: ManagerScreenHandle };

/**
 * The manager's screens under `/manager`, each its own chunk (opening the reports does not load
 * the menu editor, and chart.js loads with the reports only). Spliced into the app's one route
 * table (app/router.tsx); `managerNavigation` reads the same list, so adding a screen is its
 * folder and one entry here.
 */
export const managerScreens = [
  {
    index: true,
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.reports', defaultMessage: 'Reports' }),
        icon: 'ChartColumn',
      },
    },
    lazy: {
      Component: async () => (await import('./reports/reports-screen.tsx')).ReportsScreen,
    },
  },
  {
    path: 'payments',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.payments', defaultMessage: 'Payments' }),
        icon: 'CreditCard',
      },
    },
    lazy: {
      Component: async () => (await import('./payments/payments-screen.tsx')).PaymentsScreen,
    },
  },
  {
    path: 'menu',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.menu', defaultMessage: 'Menu' }),
        icon: 'UtensilsCrossed',
      },
    },
    lazy: { Component: async () => (await import('./menu/menu-screen.tsx')).MenuScreen },
  },
  {
    path: 'tables',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.tables', defaultMessage: 'Tables' }),
        icon: 'LayoutGrid',
      },
    },
    lazy: { Component: async () => (await import('./tables/tables-screen.tsx')).TablesScreen },
  },
  {
    path: 'tables/qr',
    lazy: { Component: async () => (await import('./tables/qr-sheet.tsx')).QrSheet },
  },
  {
    path: 'staff',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.staff', defaultMessage: 'Staff' }),
        icon: 'Users',
      },
    },
    lazy: { Component: async () => (await import('./staff/staff-screen.tsx')).StaffScreen },
  },
  {
    path: 'devices',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.devices', defaultMessage: 'Devices' }),
        icon: 'Tablet',
      },
    },
    lazy: {
      Component: async () => (await import('./devices/devices-screen.tsx')).DevicesScreen,
    },
  },
  {
    path: 'venue',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.venue', defaultMessage: 'Venue' }),
        icon: 'Settings',
      },
    },
    lazy: { Component: async () => (await import('./venue/venue-screen.tsx')).VenueScreen },
  },
  {
    path: 'audit',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.audit', defaultMessage: 'Audit log' }),
        icon: 'ScrollText',
        requiredRole: 'owner',
      },
    },
    lazy: { Component: async () => (await import('./audit/audit-screen.tsx')).AuditScreen },
  },
  {
    path: 'system',
    handle: {
      nav: {
        label: defineMessage({ id: 'manager.nav.system', defaultMessage: 'Device and server' }),
        icon: 'Activity',
      },
    },
    lazy: {
      // Small screens ride in the area's own chunk (already loaded on any /manager address).
      Component: async () => (await import('./manager-area.tsx')).SystemStatus,
    },
  },
  {
    path: '*',
    lazy: { Component: async () => (await import('./manager-area.tsx')).NoSuchScreen },
  },
] satisfies ManagerRoute[];

export interface ManagerNavEntry extends ManagerNav {
  /** The absolute address, `/manager` for the index screen. */
  to: string;
  /** The index screen is active on `/manager` only, not on every screen below it. */
  end: boolean;
}

/** The side bar's entries for this person, from the routes' handles. */
export function managerNavigation(role: ManagerIdentity['staff']['role']): ManagerNavEntry[] {
  return managerScreens.flatMap((route: ManagerRoute) => {
    const nav = route.handle?.nav;
    if (!nav || (nav.requiredRole && nav.requiredRole !== role)) return [];
    const to = route.index ? '/manager' : `/manager/${route.path ?? ''}`;
    return [{ ...nav, to, end: route.index === true }];
  });
}
