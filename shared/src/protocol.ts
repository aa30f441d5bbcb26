import { z } from 'zod';
import { ClientIdSchema, VenueIdSchema } from './ids.ts';
import { RawMutationSchema } from './mutations.ts';
import { VersionSchema } from './domain/common.ts';
import {
  MenuItemModifierGroupRowSchema,
  ROW_SCHEMAS,
  SYNCED_TABLES,
  type RowOf,
  type SyncedTable,
} from './domain/index.ts';
import { RejectionReasonSchema } from './rejections.ts';

export {
  REJECTION_MESSAGES,
  REJECTION_REASONS,
  RejectionReasonSchema,
  MutationRejected,
  isMutationRejected,
  type RejectionReason,
} from './rejections.ts';

/**
 * The sync protocol (S1–S10), in one module. Bump the version whenever a message, a
 * mutation's arguments or a rejection reason changes shape; an older client is told
 * `version_mismatch` and offered the new app (S10), never crashed.
 * `protocol-snapshot.test.ts` holds each version's JSON Schema and fails when the shape
 * changes without a bump.
 *
 * History (newest last; say what changed and what an older client still may do):
 * - 1: the first protocol: push, pull and poke, the catalogue of 14 mutations.
 * - 2: `order.setCustomerName`, and `customerName` on order rows. Additive: a version 1
 *   tablet never sends the new mutation and ignores the new field, so it still syncs.
 * - 3: every free-text argument (a line's note; a void, discount or order-void reason; the
 *   customer's name) is `freeText` (`text.ts`): no control characters (a note may hold tab and
 *   line breaks), well-formed Unicode, its JSON Schema saying so. Only stricter: what a version 1
 *   or 2 tablet sends that breaks it (a NUL, a lone surrogate) was refused by Postgres or stored
 *   mangled before, and is now rejected `invalid_args` naming the field; everything else
 *   still syncs, so those tablets stay compatible.
 */
export const PROTOCOL_VERSION = 3;

/** A push holds at most this many mutations; a tablet back from hours offline sends batches. */
export const MAX_PUSH_MUTATIONS = 1000;

const count = z.int().min(0);

/** The venue's change clock value a client has seen everything up to (S5). 0 = nothing. */
export const CursorSchema = VersionSchema;

/** S2: outbox mutations in id order. `pendingCount` is the client's whole outbox size. */
export const PushRequestSchema = z
  .object({
    protocolVersion: z.int().min(1),
    clientId: ClientIdSchema,
    mutations: z.array(RawMutationSchema).max(MAX_PUSH_MUTATIONS),
    pendingCount: count,
  })
  .refine((push) => push.mutations.every((m) => m.clientId === push.clientId), {
    message: 'Every mutation must belong to the pushing client',
    path: ['mutations'],
  })
  .refine(
    (push) => push.mutations.every((m, i, all) => i === 0 || m.id === (all[i - 1]?.id ?? 0) + 1),
    {
      message: 'Mutation ids must increase by one',
      path: ['mutations'],
    },
  );
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const VersionMismatchSchema = z.object({
  status: z.literal('version_mismatch'),
  serverProtocolVersion: z.int().min(1),
  message: z.string(),
});

/** S7: a revoked device is refused; its unsynced outbox stays on the tablet for export. */
export const DeviceRevokedSchema = z.object({
  status: z.literal('device_revoked'),
  message: z.string(),
});

/**
 * S2/S3/S4. `ok`: every mutation was applied, skipped as a duplicate (id ≤ last) or
 * rejected (counter advanced, reason on the next pull). `gap`: the first mutation's id
 * was more than last + 1; nothing was applied and the client resends from
 * `expectedMutationId`.
 */
export const PushResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    lastMutationId: count,
    applied: count,
    skipped: count,
    rejected: count,
  }),
  z.object({ status: z.literal('gap'), lastMutationId: count, expectedMutationId: z.int().min(1) }),
  VersionMismatchSchema,
  DeviceRevokedSchema,
]);
export type PushResult = z.infer<typeof PushResultSchema>;

export const PullRequestSchema = z.object({
  protocolVersion: z.int().min(1),
  clientId: ClientIdSchema,
  cursor: CursorSchema,
  pendingCount: count,
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

/** A deleted row: its key and the clock value of the delete. */
const idTombstone = z.object({ id: z.uuid(), version: VersionSchema });
const linkTombstone = MenuItemModifierGroupRowSchema.pick({ itemId: true, groupId: true }).extend({
  version: VersionSchema,
});

function changesOf<T extends SyncedTable>(table: T) {
  return z.object({
    upserts: z.array(ROW_SCHEMAS[table]),
    tombstones: z.array(table === 'menuItemModifierGroups' ? linkTombstone : idTombstone),
  });
}

/** Changes of one table: rows written since the cursor, and rows deleted since it. */
export interface TableChanges<T extends SyncedTable> {
  upserts: RowOf<T>[];
  tombstones: T extends 'menuItemModifierGroups'
    ? z.infer<typeof linkTombstone>[]
    : z.infer<typeof idTombstone>[];
}

/** Per table, only the tables that changed. */
export const PullRowsSchema = z.object(
  Object.fromEntries(SYNCED_TABLES.map((table) => [table, changesOf(table).optional()])) as {
    [T in SyncedTable]: z.ZodOptional<ReturnType<typeof changesOf<T>>>;
  },
);
export type PullRows = { [T in SyncedTable]?: TableChanges<T> };

export const MutationRejectionSchema = z.object({
  mutationId: z.int().min(1),
  name: z.string(),
  reason: RejectionReasonSchema,
  message: z.string(),
});
export type MutationRejection = z.infer<typeof MutationRejectionSchema>;

/**
 * S5/S6: every row of the venue newer than the cursor, the new cursor, the client's
 * `lastMutationId` (outbox entries ≤ it are confirmed and dropped), and the client's
 * rejections not yet reported.
 */
export const PullResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    cursor: CursorSchema,
    lastMutationId: count,
    rows: PullRowsSchema,
    rejections: z.array(MutationRejectionSchema),
  }),
  VersionMismatchSchema,
  DeviceRevokedSchema,
]);
export type PullResult = z.infer<typeof PullResultSchema>;

/** S9: "something changed up to `clock`"; a tablet whose cursor is older pulls. */
export const PokeMessageSchema = z.object({ venueId: VenueIdSchema, clock: VersionSchema });
export type PokeMessage = z.infer<typeof PokeMessageSchema>;

/**
 * The oldest client protocol this server still syncs with. A version that only adds (a new
 * mutation an older client never sends, a row field an older client ignores) keeps older
 * clients working; raise this when a change is not additive.
 */
export const OLDEST_COMPATIBLE_PROTOCOL_VERSION = 1;

/**
 * S10: whether a client speaking `clientVersion` can sync with this server: any version from
 * the oldest compatible one up to ours. A client newer than the server may send mutations the
 * server does not know (they would be refused for good), so it waits for the server instead.
 */
export function isCompatibleProtocol(clientVersion: number): boolean {
  return clientVersion >= OLDEST_COMPATIBLE_PROTOCOL_VERSION && clientVersion <= PROTOCOL_VERSION;
}
