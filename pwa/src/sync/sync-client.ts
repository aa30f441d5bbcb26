import {
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
  type ClientId,
  type PokeMessage,
  type PullResult,
  type PushResult,
} from '@servio/shared';
import { liveQuery } from 'dexie';
import { classify, describeFailure, type ServerCallFailure } from '../api/server-call.ts';
import type { ServioDb } from '../data/db.ts';
import {
  deleteMeta,
  INITIAL_SYNC_REPORT,
  readMeta,
  writeMeta,
  type SyncBlock,
  type SyncReport,
} from '../data/meta.ts';
import { ensureClientId } from '../data/mutate.ts';
import { describeStorageError } from '../data/storage-errors.ts';
import { applyPull, type PullApplied } from './apply-pull.ts';
import { SYNC_REQUEST_TIMEOUT_MS, type SyncApi } from './sync-api.ts';
import { intl } from '../i18n/intl.ts';

export interface SyncClientOptions {
  db: ServioDb;
  api: SyncApi;
  now?: () => Date;
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Before each cycle: make sure the transport carries this device's token. */
  prepare?: (device: { deviceToken: string }) => void;
  /** After a failure: ask the connectivity monitor to look again (the bar must not lie). */
  onFailure?: () => void;
  /** After a successful cycle (e.g. finish a sign-in that was checked offline). */
  onSuccess?: () => void;
  /** Pull at least this often even without pokes (S9's slow timer). */
  slowTimerMs?: number;
  retryFirstMs?: number;
  retryMaxMs?: number;
}

/** What one cycle did, for tests and the details panel. */
export interface CycleOutcome {
  pushed: number;
  confirmed: number;
  rejections: number;
  pending: number;
}

/** The server will not sync this device until something changes; retrying will not help. */
export class SyncBlocked extends Error {
  override name = 'SyncBlocked';
  constructor(readonly block: SyncBlock) {
    super(block.message);
  }
}

/** A sync request failed without a block: retrying later may help. */
export class SyncRequestFailed extends Error {
  override name = 'SyncRequestFailed';
  constructor(
    readonly failure: ServerCallFailure,
    options?: ErrorOptions,
  ) {
    super(describeFailure(failure), options);
  }
}

/** At most this many push/pull rounds per cycle (a long offline outbox goes in batches). */
const MAX_ROUNDS = 50;

/**
 * The tablet's sync client (S2–S9). One cycle pushes the outbox in id order (in batches),
 * then pulls everything since the cursor and rebases what is still pending (S6); it repeats
 * while local changes arrive during the cycle. `start()` runs cycles when something may have
 * changed: on start, a poke (S9), a reconnect of the poke stream, new outbox entries, focus,
 * a request, and a slow timer; failures retry with exponential backoff and jitter.
 *
 * Only one tab per browser database runs `start()` (S8, see `leader.ts`).
 */
export class SyncClient {
  private readonly db: ServioDb;
  private readonly api: SyncApi;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly schedule: (callback: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;
  private readonly options: SyncClientOptions;

  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  private started = false;
  private knownCursor = 0;
  private stopFns: (() => void)[] = [];

  constructor(options: SyncClientOptions) {
    this.options = options;
    this.db = options.db;
    this.api = options.api;
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
    this.cancel =
      options.clearTimeout ??
      ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** One full cycle now. Throws on failure (the caller decides about retrying). */
  async syncOnce(): Promise<CycleOutcome> {
    const device = await readMeta(this.db, 'device');
    if (!device) return { pushed: 0, confirmed: 0, rejections: 0, pending: 0 };
    const block = await readMeta(this.db, 'syncBlock');
    if (block) throw new SyncBlocked(block);
    this.options.prepare?.(device);
    const clientId = await ensureClientId(this.db);
    const outcome: CycleOutcome = { pushed: 0, confirmed: 0, rejections: 0, pending: 0 };

    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      let serverLast: number;
      try {
        serverLast = await this.push(clientId, outcome);
      } catch (error) {
        // A change the server fails on every time (a 500, a 400, too large) must not hold back
        // everyone else's changes: pull anyway, then fail the cycle so it retries with backoff
        // and the error shows. Blocks stop everything; no answer at all means the pull would
        // not get one either.
        if (!(error instanceof SyncRequestFailed) || error.failure.kind === 'unreachable') {
          throw error;
        }
        try {
          const pulled = await this.pull(clientId);
          outcome.confirmed += pulled.confirmed;
          outcome.rejections += pulled.rejections;
        } catch (pullError) {
          if (pullError instanceof SyncBlocked) throw pullError;
        }
        throw error;
      }
      const pulled = await this.pull(clientId);
      outcome.confirmed += pulled.confirmed;
      outcome.rejections += pulled.rejections;
      // Changes made while this round ran, or a long outbox's next batch: go again.
      const waiting = await this.db.outbox.where('id').above(serverLast).count();
      outcome.pending = await this.db.outbox.count();
      if (waiting === 0) break;
    }
    return outcome;
  }

  /** Push the outbox in batches; resolves the server's last applied mutation id (S2). */
  private async push(clientId: ClientId, outcome: CycleOutcome): Promise<number> {
    let serverLast = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const batch = await this.db.outbox
        .where('id')
        .above(serverLast)
        .limit(MAX_PUSH_MUTATIONS)
        .toArray();
      if (batch.length === 0) return serverLast;
      const pendingCount = await this.db.outbox.count();
      const result: PushResult = await this.call('sync.push', (signal) =>
        this.api.push(
          {
            protocolVersion: PROTOCOL_VERSION,
            clientId,
            mutations: batch.map((entry) => entry.mutation),
            pendingCount,
          },
          signal,
        ),
      );
      switch (result.status) {
        case 'ok':
          outcome.pushed += batch.length;
          serverLast = result.lastMutationId;
          await this.report({ lastMutationId: result.lastMutationId });
          // The server applied the whole batch: the next one starts after it.
          if (serverLast < (batch.at(-1)?.id ?? 0)) return serverLast;
          break;
        case 'gap':
          await this.block({
            kind: 'gap',
            message: intl.formatMessage(
              {
                id: 'sync.blocked.gap',
                defaultMessage:
                  "The server has changes of this tablet only up to #{serverLast}, but the tablet's oldest unsynced change is #{oldest}. The server may have been restored from a backup. Export the unsynced changes and ask a manager.",
              },
              { serverLast: String(result.lastMutationId), oldest: String(batch[0]?.id ?? '?') },
            ),
            at: this.now().toISOString(),
          });
          break;
        case 'version_mismatch':
        case 'device_revoked':
          await this.block({
            kind: result.status,
            message: result.message,
            at: this.now().toISOString(),
          });
      }
    }
    return serverLast;
  }

  private async pull(clientId: ClientId, attempt = 1): Promise<PullApplied> {
    const cursor = (await readMeta(this.db, 'cursor')) ?? 0;
    const pendingCount = await this.db.outbox.count();
    const result: PullResult = await this.call('sync.pull', (signal) =>
      this.api.pull({ protocolVersion: PROTOCOL_VERSION, clientId, cursor, pendingCount }, signal),
    );
    if (result.status !== 'ok') {
      return this.block({
        kind: result.status,
        message: result.message,
        at: this.now().toISOString(),
      });
    }
    const applied = await applyPull(this.db, result, this.now, { cursor, clientId });
    if (applied.stale) {
      // Another cycle (a tab handing over the sync lock) moved the cursor meanwhile.
      if (attempt >= 3) {
        throw new Error(
          intl.formatMessage({
            id: 'sync.pull.keptChanging',
            defaultMessage: 'The local data kept changing during sync; retrying.',
          }),
        );
      }
      return this.pull(clientId, attempt + 1);
    }
    this.knownCursor = result.cursor;
    return applied;
  }

  private async call<T>(path: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await run(AbortSignal.timeout(SYNC_REQUEST_TIMEOUT_MS));
    } catch (error) {
      const failure = classify(error, path);
      // The server does not know this device's token any more (its database was reset).
      if (failure.kind === 'refused' && failure.code === 'UNAUTHORIZED') {
        return this.block({
          kind: 'not_paired',
          message: failure.message,
          at: this.now().toISOString(),
        });
      }
      if (failure.kind === 'refused' && failure.code === 'FORBIDDEN') {
        return this.block({
          kind: 'client_taken',
          message: failure.message,
          at: this.now().toISOString(),
        });
      }
      throw new SyncRequestFailed(failure, { cause: error });
    }
  }

  private async block(block: SyncBlock): Promise<never> {
    await writeMeta(this.db, 'syncBlock', block);
    throw new SyncBlocked(block);
  }

  private async report(change: Partial<SyncReport>): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const current = (await readMeta(this.db, 'sync')) ?? INITIAL_SYNC_REPORT;
      await writeMeta(this.db, 'sync', { ...current, ...change });
    });
  }

  /** Ask for a cycle soon; requests during a cycle coalesce into one more cycle. */
  requestSync(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runCycle();
  }

  /** Run a cycle now (joining one in flight) and resolve when it is over. */
  async syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    this.requestSync();
    await this.running;
  }

  private async runCycle(): Promise<void> {
    this.clearTimer();
    let retryIn: number | null = null;
    try {
      // Inside the try: a storage failure here must still end the cycle and arm the retry.
      await this.report({ phase: 'syncing' });
      await this.syncOnce();
      this.failures = 0;
      await this.report({
        phase: 'idle',
        lastSyncedAt: this.now().toISOString(),
        error: null,
        retryAt: null,
      });
      this.options.onSuccess?.();
    } catch (error) {
      const blocked = error instanceof SyncBlocked;
      this.failures += 1;
      retryIn = blocked ? null : this.backoff();
      try {
        await this.report({
          phase: 'failing',
          error:
            describeStorageError(error) ?? (error instanceof Error ? error.message : String(error)),
          retryAt: retryIn === null ? null : new Date(this.now().getTime() + retryIn).toISOString(),
        });
      } catch {
        // The report could not be stored (storage full or closed): the retry below still runs.
      }
      try {
        if (!blocked) this.options.onFailure?.();
      } catch {
        // A failing listener must not stop the retry either.
      }
    } finally {
      this.running = null;
    }
    if (this.again) {
      this.again = false;
      // A request came in during the cycle: go again, unless this one just failed (backoff).
      if (retryIn === null) {
        this.requestSync();
        return;
      }
    }
    this.arm(retryIn ?? this.options.slowTimerMs ?? 60_000);
  }

  /** Exponential backoff with ±50 % jitter, so a room of tablets does not retry in step. */
  private backoff(): number {
    const first = this.options.retryFirstMs ?? 1_000;
    const max = this.options.retryMaxMs ?? 60_000;
    const base = Math.min(max, first * 2 ** Math.max(0, this.failures - 1));
    return Math.round(base * (0.5 + this.random()));
  }

  private arm(ms: number): void {
    this.clearTimer();
    if (this.started) this.timer = this.schedule(() => this.requestSync(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.cancel(this.timer);
    this.timer = null;
  }

  /** The connection is back (or may be): forget the backoff and sync at once. */
  reconnected(): void {
    this.failures = 0;
    this.requestSync();
  }

  /** A poke: pull when the venue's clock has passed what this tablet has (S9). */
  poked(poke: PokeMessage): void {
    if (poke.clock > this.knownCursor) this.requestSync();
  }

  /** Clear a block after the cause is gone (re-paired, app updated). */
  async unblock(): Promise<void> {
    await deleteMeta(this.db, 'syncBlock');
    if (this.started) this.reconnected();
  }

  /**
   * Run in this tab: sync now, then on pokes, poke-stream reconnects, new outbox entries and a
   * slow timer. Returns `stop`.
   */
  start(): () => void {
    if (this.started) return () => this.stop();
    this.started = true;
    void readMeta(this.db, 'cursor').then((cursor) => {
      this.knownCursor = Math.max(this.knownCursor, cursor ?? 0);
    });

    // New local changes (from this tab or another one: Dexie's live queries cross tabs).
    let newest: number | null = null;
    const outbox = liveQuery(() => this.db.outbox.orderBy('id').lastKey()).subscribe({
      next: (key) => {
        const id = typeof key === 'number' ? key : 0;
        if (newest !== null && id > newest) this.requestSync();
        newest = Math.max(newest ?? 0, id);
      },
      error: () => undefined,
    });
    this.stopFns.push(() => outbox.unsubscribe());
    this.stopFns.push(
      this.api.subscribePokes({
        onPoke: (poke) => this.poked(poke),
        // (Re)connected: pokes may have been missed meanwhile.
        onOpen: () => this.reconnected(),
        onError: () => undefined,
      }),
    );
    // A fresh start (a reload, a new app version, a new pairing) tries again whatever stopped
    // sync before; a cause that is still there blocks it again on the first cycle.
    void deleteMeta(this.db, 'syncBlock')
      .catch(() => undefined)
      .then(() => {
        if (this.started) this.requestSync();
      });
    return () => this.stop();
  }

  stop(): void {
    this.started = false;
    this.clearTimer();
    for (const stop of this.stopFns.splice(0)) stop();
  }
}
