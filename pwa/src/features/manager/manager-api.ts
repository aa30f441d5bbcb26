import type { AppRouter } from '@servio/sync-server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/**
 * What the manager screens read and send, typed from the server's router (only its type crosses
 * the boundary). Query keys are tRPC's (api/query.ts), prefixed with the venue.
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

export const ROLE_LABELS: Record<StaffRole, string> = {
  waiter: 'Waiter',
  cashier: 'Cashier',
  kitchen: 'Kitchen',
  manager: 'Manager',
  owner: 'Owner',
};
