import { defineMessages } from 'react-intl';
import { createBrowserRouter, Navigate, useParams } from 'react-router';
import type { AreaHandle } from './status-bar.tsx';
import { AppLoading } from '../ui/app-loading.tsx';
import { managerScreens } from '../features/manager/routes.ts';
import { RouteError } from './route-error.tsx';

/** The part of the app each route is, shown next to the brand in the status bar. */
const AREAS = defineMessages({
  tablet: { id: 'app.area.tablet', defaultMessage: 'Tablet' },
  order: { id: 'app.area.order', defaultMessage: 'Order' },
  payment: { id: 'app.area.payment', defaultMessage: 'Payment' },
  receipt: { id: 'app.area.receipt', defaultMessage: 'Receipt' },
  kitchen: { id: 'app.area.kitchen', defaultMessage: 'Kitchen' },
  manager: { id: 'app.area.manager', defaultMessage: 'Manager' },
});

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
      Component: async () => (await import('./root-layout.tsx')).RootLayout,
    },
    children: [
      {
        id: 'staff',
        lazy: {
          Component: async () => (await import('./staff-layout.tsx')).StaffLayout,
        },
        children: [
          {
            // The tablet and the kitchen screen: the session gate (pairing, staff PIN sign-in)
            // in front of them, shared so moving between screens keeps the sync running.
            id: 'pos',
            lazy: {
              Component: async () => (await import('../features/pos/pos-layout.tsx')).PosLayout,
            },
            children: [
              {
                index: true,
                handle: { area: AREAS.tablet } satisfies AreaHandle,
                lazy: {
                  Component: async () =>
                    (await import('../features/pos/floor/floor-plan.tsx')).FloorPlan,
                },
              },
              {
                path: 'orders/:orderId',
                handle: { area: AREAS.order } satisfies AreaHandle,
                lazy: {
                  Component: async () =>
                    (await import('../features/pos/order/order-screen.tsx')).OrderScreen,
                },
              },
              {
                path: 'orders/:orderId/pay',
                handle: { area: AREAS.payment } satisfies AreaHandle,
                lazy: {
                  Component: async () =>
                    (await import('../features/pos/payment/payment-screen.tsx')).PaymentScreen,
                },
              },
              {
                path: 'orders/:orderId/receipt',
                handle: { area: AREAS.receipt } satisfies AreaHandle,
                lazy: {
                  Component: async () =>
                    (await import('../features/pos/payment/receipt-screen.tsx')).ReceiptScreen,
                },
              },
              {
                path: 'kitchen',
                handle: { area: AREAS.kitchen } satisfies AreaHandle,
                lazy: {
                  Component: async () =>
                    (await import('../features/kitchen/kitchen-display.tsx')).KitchenDisplay,
                },
              },
            ],
          },
          {
            path: 'manager',
            handle: { area: AREAS.manager } satisfies AreaHandle,
            lazy: {
              Component: async () =>
                (await import('../features/manager/manager-area.tsx')).ManagerArea,
            },
            // Each screen's route carries its place in the manager's navigation (handle.nav).
            children: managerScreens,
          },
        ],
      },
      {
        // The customer's phone, opened from the QR code on the table: the bill, and ordering
        // from the menu. The token is the only credential. One chunk for the frame and both
        // pages (table-pay.tsx), so a phone on mobile data moves between them without a fetch.
        path: 't/:token',
        lazy: {
          Component: async () => (await import('../features/customer/table-pay.tsx')).TablePay,
        },
        children: [
          {
            index: true,
            lazy: {
              Component: async () => (await import('../features/customer/table-pay.tsx')).BillPage,
            },
          },
          {
            path: 'order',
            lazy: {
              Component: async () => (await import('../features/customer/table-pay.tsx')).OrderPage,
            },
          },
          { path: '*', Component: BackToTheBill },
        ],
      },
    ],
  },
]);

/** An unknown address under a table's QR link goes back to that table's bill. */
function BackToTheBill() {
  const { token = '' } = useParams();
  return <Navigate to={`/t/${token}`} replace />;
}
