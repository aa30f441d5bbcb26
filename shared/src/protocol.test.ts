import { describe, expect, it } from 'vitest';
import { sequentialIdSource } from './ids.ts';
import {
  OLDEST_COMPATIBLE_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  PokeMessageSchema,
  PullRequestSchema,
  PullResultSchema,
  PushRequestSchema,
  PushResultSchema,
  REJECTION_MESSAGES,
  REJECTION_REASONS,
  isCompatibleProtocol,
} from './protocol.ts';

const id = sequentialIdSource(0x9c);
const clientId = id();
const raw = (n: number) => ({
  clientId,
  id: n,
  name: 'order.send',
  args: { orderId: id() },
  clientTime: '2025-03-10T12:00:00.000Z',
  staffId: id(),
});

describe('sync protocol', () => {
  it('[S10] carries a version, and a client newer than the server is not compatible', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
    expect(isCompatibleProtocol(PROTOCOL_VERSION)).toBe(true);
    expect(isCompatibleProtocol(PROTOCOL_VERSION + 1)).toBe(false);
  });

  it('[S10] older clients stay compatible down to the oldest compatible version, and no further', () => {
    expect(OLDEST_COMPATIBLE_PROTOCOL_VERSION).toBeGreaterThanOrEqual(1);
    expect(OLDEST_COMPATIBLE_PROTOCOL_VERSION).toBeLessThanOrEqual(PROTOCOL_VERSION);
    for (let version = OLDEST_COMPATIBLE_PROTOCOL_VERSION; version <= PROTOCOL_VERSION; version++) {
      expect(isCompatibleProtocol(version), `version ${version}`).toBe(true);
    }
    expect(isCompatibleProtocol(OLDEST_COMPATIBLE_PROTOCOL_VERSION - 1)).toBe(false);
  });

  it('[S2] a push holds consecutive mutations of its own client', () => {
    const push = { protocolVersion: PROTOCOL_VERSION, clientId, pendingCount: 2 };
    expect(PushRequestSchema.safeParse({ ...push, mutations: [raw(4), raw(5)] }).success).toBe(
      true,
    );
    expect(PushRequestSchema.safeParse({ ...push, mutations: [raw(4), raw(6)] }).success).toBe(
      false,
    );
    const foreign = { ...raw(4), clientId: id() };
    expect(PushRequestSchema.safeParse({ ...push, mutations: [foreign] }).success).toBe(false);
  });

  it('[S4] a push carries raw mutations, so one bad mutation does not fail the whole batch', () => {
    const push = {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      pendingCount: 1,
      mutations: [{ ...raw(1), name: 'order.fromTheFuture', args: { anything: true } }],
    };
    expect(PushRequestSchema.safeParse(push).success).toBe(true);
  });

  it('[S2] push results: ok with counts, gap with the expected id, version mismatch, revoked', () => {
    const results = [
      { status: 'ok', lastMutationId: 7, applied: 5, skipped: 1, rejected: 1 },
      { status: 'gap', lastMutationId: 3, expectedMutationId: 4 },
      { status: 'version_mismatch', serverProtocolVersion: 2, message: 'Update the app' },
      { status: 'device_revoked', message: 'This tablet was unpaired' },
    ];
    for (const result of results) expect(PushResultSchema.parse(result)).toEqual(result);
  });

  it('[S5] a pull returns changed rows, tombstones, the cursor, lastMutationId and rejections', () => {
    expect(
      PullRequestSchema.safeParse({ protocolVersion: 1, clientId, cursor: 0, pendingCount: 0 })
        .success,
    ).toBe(true);
    const at = '2025-03-10T12:00:00.000Z';
    const venueId = id();
    const result = PullResultSchema.parse({
      status: 'ok',
      cursor: 42,
      lastMutationId: 9,
      rows: {
        tables: {
          upserts: [
            {
              venueId,
              id: id(),
              name: 'T1',
              area: 'Main',
              seats: 4,
              sortOrder: 0,
              version: 41,
              deletedAt: null,
              createdAt: at,
              updatedAt: at,
            },
          ],
          tombstones: [{ id: id(), version: 42 }],
        },
        menuItemModifierGroups: {
          upserts: [],
          tombstones: [{ itemId: id(), groupId: id(), version: 40 }],
        },
      },
      rejections: [
        { mutationId: 8, name: 'order.addLine', reason: 'unknown_item', message: 'Gone' },
      ],
    });
    expect(result.status).toBe('ok');
    if (result.status === 'ok') {
      expect(result.rows.tables?.upserts).toHaveLength(1);
      expect(result.rows.orders).toBeUndefined();
    }
  });

  it('[S4] a rejection must name a known reason, each with a human message', () => {
    for (const reason of REJECTION_REASONS)
      expect(REJECTION_MESSAGES[reason].length).toBeGreaterThan(10);
    expect(
      PullResultSchema.safeParse({
        status: 'ok',
        cursor: 1,
        lastMutationId: 1,
        rows: {},
        rejections: [{ mutationId: 1, name: 'x', reason: 'because', message: '' }],
      }).success,
    ).toBe(false);
  });

  it('[S9] a poke names the venue and its clock', () => {
    expect(PokeMessageSchema.parse({ venueId: id(), clock: 12 }).clock).toBe(12);
    expect(PokeMessageSchema.safeParse({ venueId: 'x', clock: -1 }).success).toBe(false);
  });
});
