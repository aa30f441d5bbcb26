import type { AppRouter } from '@servio/sync-server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { intl } from '../../i18n/intl.ts';

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

/** A staff role as people read it ("Waiter"), on the manager's screens and the staff list. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  waiter: intl.formatMessage({ id: 'manager.roles.waiter', defaultMessage: 'Waiter' }),
  cashier: intl.formatMessage({ id: 'manager.roles.cashier', defaultMessage: 'Cashier' }),
  kitchen: intl.formatMessage({ id: 'manager.roles.kitchen', defaultMessage: 'Kitchen' }),
  manager: intl.formatMessage({ id: 'manager.roles.manager', defaultMessage: 'Manager' }),
  owner: intl.formatMessage({ id: 'manager.roles.owner', defaultMessage: 'Owner' }),
};
