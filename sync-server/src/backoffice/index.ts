// The backoffice domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { assertCan, conflict, notFound, type Actor, type WriteScope } from './actor.ts';
export { AuditListInputSchema, listAudit } from './audit-log.ts';
export * as menuInputs from './menu-inputs.ts';
export * as menuItems from './menu-items.ts';
export * as menuModifiers from './menu-modifiers.ts';
export { readMenu } from './menu-views.ts';
export { qrSheet } from './qr-sheet.ts';
export * as staff from './staff.ts';
export * as tables from './tables.ts';
export {
  readVenueSettings,
  updateVenueSettings,
  VenueSettingsUpdateSchema,
} from './venue-settings.ts';
