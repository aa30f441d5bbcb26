/** The tablet's sync client, for screens: status, rejection notices, sync now. */
export { acknowledgeNotice, useOpenNotices, useOrderNotices } from './notices.ts';
export { retrySync, startDeviceSync, syncNow } from './device-sync.ts';
export { useDeviceSync, useSyncStatus, type SyncStatus } from './use-sync-status.ts';
export type { RejectionNotice } from '../data/db.ts';
