import { createBrowserRouter } from 'react-router';
import type { AreaHandle } from './components/status-bar.tsx';
import { AppLoading } from './routes/app-loading.tsx';
import { RouteError } from './routes/route-error.tsx';

/**
 * Every screen is its own chunk, loaded when its route matches: the entry holds only React,
 * the router and this table. The router fetches a nested route's chunks in parallel (layout and
 * screen together), so splitting the layout out costs no extra round trip.
 */
export const router = createBrowserRouter([
  {
    id: 'root',
    HydrateFallback: AppLoading,
    ErrorBoundary: RouteError,
    lazy: {
      Component: async () => (await import('./routes/root-layout.tsx')).RootLayout,
    },
    children: [
      {
        id: 'staff',
        lazy: {
          Component: async () => (await import('./routes/staff-layout.tsx')).StaffLayout,
        },
        children: [
          {
            // The tablet: first-run pairing, then staff PIN sign-in, then the floor.
            index: true,
            handle: { area: 'Tablet' } satisfies AreaHandle,
            lazy: {
              Component: async () => (await import('./routes/pos/pos-entry.tsx')).PosEntry,
            },
          },
          {
            path: 'kitchen',
            handle: { area: 'Kitchen' } satisfies AreaHandle,
            lazy: {
              Component: async () =>
                (await import('./routes/kitchen/kitchen-display.tsx')).KitchenDisplay,
            },
          },
          {
            path: 'manager/*',
            handle: { area: 'Manager' } satisfies AreaHandle,
            lazy: {
              Component: async () =>
                (await import('./routes/manager/manager-area.tsx')).ManagerArea,
            },
          },
        ],
      },
      {
        // The customer's phone, opened from the QR code on the table.
        path: 't/:token',
        lazy: {
          loader: async () => (await import('./routes/customer/table-pay.tsx')).tablePayLoader,
          Component: async () => (await import('./routes/customer/table-pay.tsx')).TablePay,
        },
      },
    ],
  },
]);
