/**
 * The sync domain (S1–S12): push, pull, the poke, the venue's change clock, and the one venue
 * write every writer of synced rows goes through. Other domains import from here only
 * (sync-server/eslint-domains.js).
 */
export { readClock } from './clock.ts';
export {
  columnFromSql,
  rowFromSql,
  rowToSql,
  selectList,
  TABLES,
  toSnake,
  viewFromSql,
} from './columns.ts';
export { ClientOwnershipError } from './clients.ts';
export { importOutbox, OutboxFileSchema, UnknownDeviceError } from './import-outbox.ts';
export { PgStore } from './pg-store.ts';
export {
  notifyVenueChanged,
  PokeStreamsClosed,
  pokeStreamsOf,
  POKE_CHANNEL,
  venuePokes,
} from './poke.ts';
export { emptyPull, emptyPush, otherProtocolVersion } from './protocol-input.ts';
export { pullChanges, type PullOutcome } from './pull.ts';
export { pushMutations, type PushOutcome } from './push.ts';
export { cutoffHHMM, loadVenue, loadVenueSettings, venueSettingsOf } from './venue-settings.ts';
export {
  venueWriteIn,
  withVenueWrite,
  type VenueWrite,
  type VenueWriteOptions,
} from './venue-write.ts';
