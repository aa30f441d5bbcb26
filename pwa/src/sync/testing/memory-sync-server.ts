import {
  isMutationRejected,
  SYNCED_TABLES,
  type DeviceId,
  type MutationRejection,
  type PokeMessage,
  type PullRequest,
  type PullResult,
  type PushRequest,
  type PushResult,
  type RowOf,
  type StaffId,
  type SyncedTable,
  type VenueRow,
} from '@servio/shared';
import { createFixture, type Fixture } from '@servio/shared/mutators/fixtures';
import { TRPCClientError } from '@trpc/client';
import { uuidv7 } from 'uuidv7';
import { ServioDb } from '../../data/db.ts';
import { writeMeta, type DeviceIdentity } from '../../data/meta.ts';
import type { SyncApi } from '../sync-api.ts';

/**
 * The sync server's protocol in memory, for the tablet's tests: the shared rules over the
 * shared `MemoryStore` (the same `applyMutation` the real server runs), per-client
 * `lastMutationId` with duplicates skipped (S2/S3), rejections recorded at the push's clock
 * value and returned by the pull whose window holds it (S4), and pulls by cursor (S5). The
 * real server's own behaviour is proven by its suites in sync-server/test; this stands in for
 * it where the tablet's logic is under test.
 */
export class MemorySyncServer {
  readonly fx: Fixture = createFixture();
  readonly venue: VenueRow;
  private readonly clients = new Map<string, { deviceId: string; lastMutationId: number }>();
  private readonly rejections: (MutationRejection & { clientId: string; version: number })[] = [];
  private readonly pokeListeners = new Set<(poke: PokeMessage) => void>();
  /** Pushes the server applied, for counting (a lost response still counts here). */
  pushes = 0;

  constructor() {
    const at = '2025-03-10T09:00:00.000Z';
    this.venue = {
      id: this.fx.venueId,
      name: 'Test Bistro',
      slug: 'test-bistro',
      currency: 'EUR',
      timezone: this.fx.ctx.venue.timezone,
      businessDayCutoff: this.fx.ctx.venue.businessDayCutoff,
      taxMode: this.fx.ctx.venue.taxMode,
      serviceChargeBps: 0,
      tipPresetsBps: [1000, 1500],
      subscriptionStatus: null,
      version: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.fx.store.seed('venues', [this.venue]);
  }

  get clock(): number {
    return this.fx.store.clock;
  }

  rows<T extends SyncedTable>(table: T): RowOf<T>[] {
    return this.fx.store.rows(table);
  }

  async push(request: PushRequest, deviceId: string): Promise<PushResult> {
    this.pushes += 1;
    const client = this.clients.get(request.clientId) ?? { deviceId, lastMutationId: 0 };
    this.clients.set(request.clientId, client);
    const fresh = request.mutations.filter((mutation) => mutation.id > client.lastMutationId);
    const skipped = request.mutations.length - fresh.length;
    if (fresh.length > 0 && fresh[0]!.id !== client.lastMutationId + 1) {
      return {
        status: 'gap',
        lastMutationId: client.lastMutationId,
        expectedMutationId: client.lastMutationId + 1,
      };
    }
    let applied = 0;
    let rejected = 0;
    for (const mutation of fresh) {
      try {
        await this.fx.store.apply(mutation, {
          ...this.fx.ctx,
          deviceId: client.deviceId as DeviceId,
        });
        applied += 1;
      } catch (error) {
        if (!isMutationRejected(error)) throw error;
        rejected += 1;
        // S4: the counter advances; the reason is kept at a new clock value for the next pull.
        this.fx.store.clock += 1;
        this.rejections.push({
          clientId: request.clientId,
          mutationId: mutation.id,
          name: mutation.name,
          reason: error.reason,
          message: error.message,
          version: this.fx.store.clock,
        });
      }
      client.lastMutationId = mutation.id;
    }
    if (fresh.length > 0) this.poke();
    return { status: 'ok', lastMutationId: client.lastMutationId, applied, skipped, rejected };
  }

  async pull(request: PullRequest, deviceId: string): Promise<PullResult> {
    const client = this.clients.get(request.clientId) ?? { deviceId, lastMutationId: 0 };
    this.clients.set(request.clientId, client);
    const clock = this.clock;
    const cursor = request.cursor > clock ? 0 : request.cursor;
    const rows: Record<string, { upserts: unknown[]; tombstones: unknown[] }> = {};
    for (const table of SYNCED_TABLES) {
      const upserts = this.fx.store
        .rows(table)
        .filter((row) => row.version > cursor && row.version <= clock);
      if (upserts.length > 0) rows[table] = { upserts, tombstones: [] };
    }
    return {
      status: 'ok',
      cursor: clock,
      lastMutationId: client.lastMutationId,
      rows: rows as never,
      rejections: this.rejections
        .filter((r) => r.clientId === request.clientId && r.version > cursor && r.version <= clock)
        .map(({ mutationId, name, reason, message }) => ({ mutationId, name, reason, message })),
    };
  }

  private poke(): void {
    for (const listener of this.pokeListeners) {
      listener({ venueId: this.fx.venueId, clock: this.clock });
    }
  }

  /**
   * A tablet's connection to this server. `faults` lets a test cut the network: `beforePush`
   * throwing means the request never arrived; `afterPush` throwing means the server applied
   * the push but the answer was lost.
   */
  connect(deviceId: string, faults: ConnectionFaults = {}): SyncApi {
    return {
      push: async (request) => {
        faults.beforePush?.();
        const result = await this.push(structuredClone(request), deviceId);
        faults.afterPush?.();
        return structuredClone(result);
      },
      pull: async (request) => {
        faults.beforePull?.();
        return structuredClone(await this.pull(request, deviceId));
      },
      subscribePokes: ({ onPoke, onOpen }) => {
        this.pokeListeners.add(onPoke);
        onOpen();
        return () => this.pokeListeners.delete(onPoke);
      },
    };
  }
}

/** What the tRPC client throws when a request gets no answer (network cut, server gone). */
export function networkError(): Error {
  return TRPCClientError.from(new TypeError('Failed to fetch'));
}

export interface ConnectionFaults {
  beforePush?: () => void;
  afterPush?: () => void;
  beforePull?: () => void;
}

let databases = 0;

/**
 * A paired tablet's database (fake-indexeddb) for this server's venue, with `staffId` signed
 * in. Nothing synced yet: the first pull brings the venue, staff and menu.
 */
export async function pairedTablet(
  server: MemorySyncServer,
  options: { letter?: string; staffId?: StaffId } = {},
): Promise<{ db: ServioDb; device: DeviceIdentity }> {
  databases += 1;
  const db = new ServioDb(`test-${databases}-${uuidv7()}`);
  const device: DeviceIdentity = {
    deviceId: uuidv7() as DeviceId,
    deviceToken: `dev_${uuidv7()}`,
    letter: options.letter ?? 'A',
    deviceName: `Tablet ${options.letter ?? 'A'}`,
    venue: { id: server.venue.id, name: server.venue.name, currency: 'EUR', timezone: 'UTC' },
    pairedAt: '2025-03-10T08:00:00.000Z',
  };
  await writeMeta(db, 'device', device);
  await writeMeta(db, 'session', {
    staffId: options.staffId ?? server.fx.staff.waiter,
    sessionToken: null,
    signedInAt: '2025-03-10T08:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  return { db, device };
}
