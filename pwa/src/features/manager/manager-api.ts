import type { AppRouter } from '@servio/sync-server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/**
 * What the manager screens read and send, typed from the server's router (only its type crosses
 * the boundary). Keys: every query key starts with its scope and the venue, so one venue's saved
 * reports never show on another's screens; only the `reports` scope is saved to disk
 * (lib/query-persist.ts).
 */
export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;

export type ReportSummary = Outputs['reports']['summary'];
export type ReportRangeInput = Inputs['reports']['summary'];
export type ReportSection = Inputs['reports']['csv']['section'];
export type RangePreset = ReportRangeInput['preset'];
export type MenuView = Outputs['backoffice']['menu']['list'];
export type MenuItem = MenuView['items'][number];
export type ModifierGroup = MenuView['modifierGroups'][number];
export type TableRow = Outputs['backoffice']['tables']['list'][number];
export type StaffMember = Outputs['backoffice']['staff']['list'][number];
export type StaffRole = StaffMember['role'];
export type DeviceRow = Outputs['devices']['list'][number];
export type VenueSettings = Outputs['backoffice']['venue']['get'];
export type OverpaidOrder = Outputs['payments']['overpaid'][number];
export type AuditEntry = Outputs['backoffice']['audit']['list']['entries'][number];

export const managerKeys = {
  reports: (venueId: string) => ['reports', venueId] as const,
  summary: (venueId: string, range: ReportRangeInput) =>
    ['reports', venueId, 'summary', range] as const,
  menu: (venueId: string) => ['backoffice', venueId, 'menu'] as const,
  tables: (venueId: string) => ['backoffice', venueId, 'tables'] as const,
  qrSheet: (venueId: string) => ['backoffice', venueId, 'qr-sheet'] as const,
  staff: (venueId: string) => ['backoffice', venueId, 'staff'] as const,
  devices: (venueId: string) => ['backoffice', venueId, 'devices'] as const,
  venue: (venueId: string) => ['backoffice', venueId, 'venue'] as const,
  overpaid: (venueId: string) => ['backoffice', venueId, 'overpaid'] as const,
  audit: (venueId: string, action: string) => ['backoffice', venueId, 'audit', action] as const,
};

export const ROLE_LABELS: Record<StaffRole, string> = {
  waiter: 'Waiter',
  cashier: 'Cashier',
  kitchen: 'Kitchen',
  manager: 'Manager',
  owner: 'Owner',
};
