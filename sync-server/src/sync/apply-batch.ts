import {
  applyMutation,
  isMutationRejected,
  type MutatorContext,
  type RawMutation,
} from '@servio/shared';
import type { Rejection } from './rejection-log.ts';
import type { VenueWrite } from './venue-write.ts';

/** Where the push logs what the client should never have been able to send. */
export interface SyncLogger {
  warn(details: object, message: string): void;
}

export interface BatchScope {
  ctx: MutatorContext;
  logger?: SyncLogger | undefined;
}

export interface BatchOutcome {
  applied: number;
  rejections: Rejection[];
  /** Rows of orders, lines and payments written. */
  written: number;
}

/**
 * Postgres refused the data itself (class 22 "data exception": a NUL in a note, a number out of
 * range; class 23 "integrity constraint violation"). Retrying the same mutation would fail the same
 * way, so it is rejected instead of failing the push, which would wedge the client forever.
 */
export function isDataError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

function rejectionOf(mutation: RawMutation, error: unknown): Rejection | undefined {
  if (!isMutationRejected(error)) return undefined;
  return {
    mutationId: mutation.id,
    name: mutation.name,
    reason: error.reason,
    message: error.message,
  };
}

/**
 * Runs the shared rules over a batch of new mutations, in order, and writes the result.
 *
 * Fast path: every mutation applied in memory (a rejected one rolled back there), then all rows
 * written in a few bulk statements. Only if Postgres refuses that data (a data error) does the batch
 * run again one mutation at a time, each written under its own savepoint, so the one mutation at
 * fault is rejected and the rest kept. Any other error propagates: the caller's transaction rolls
 * back and nothing advances (S4, transient).
 */
export async function applyBatch(
  write: VenueWrite,
  scope: BatchScope,
  mutations: readonly RawMutation[],
): Promise<BatchOutcome> {
  const { tx } = write;
  const store = write.newStore();
  await store.prefetch(mutations);
  let applied = 0;
  const rejections: Rejection[] = [];
  for (const mutation of mutations) {
    store.begin();
    try {
      await applyMutation(store, mutation, scope.ctx);
      store.commit();
      applied += 1;
    } catch (error) {
      store.rollback();
      const rejection = rejectionOf(mutation, error);
      if (!rejection) throw error;
      rejections.push(rejection);
    }
  }
  await tx.query('SAVEPOINT sync_batch');
  try {
    const written = await store.flush();
    await tx.query('RELEASE SAVEPOINT sync_batch');
    return { applied, rejections, written };
  } catch (error) {
    if (!isDataError(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT sync_batch');
    return applyOneByOne(write, scope, mutations);
  }
}

async function applyOneByOne(
  write: VenueWrite,
  scope: BatchScope,
  mutations: readonly RawMutation[],
): Promise<BatchOutcome> {
  const { tx } = write;
  const store = write.newStore();
  await store.prefetch(mutations);
  const outcome: BatchOutcome = { applied: 0, rejections: [], written: 0 };
  for (const mutation of mutations) {
    store.begin();
    try {
      await applyMutation(store, mutation, scope.ctx);
    } catch (error) {
      store.rollback();
      const rejection = rejectionOf(mutation, error);
      if (!rejection) throw error;
      outcome.rejections.push(rejection);
      continue;
    }
    await tx.query('SAVEPOINT sync_mutation');
    try {
      outcome.written += await store.flush();
      await tx.query('RELEASE SAVEPOINT sync_mutation');
      store.commit();
      outcome.applied += 1;
    } catch (error) {
      if (!isDataError(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT sync_mutation');
      store.rollback();
      scope.logger?.warn(
        {
          venueId: write.venueId,
          clientId: mutation.clientId,
          mutationId: mutation.id,
          mutation: mutation.name,
          sqlState: error.code,
          err: error.message,
        },
        'sync: Postgres refused the data of a mutation; rejected it',
      );
      outcome.rejections.push({
        mutationId: mutation.id,
        name: mutation.name,
        reason: 'invalid_args',
        message: `The server could not store this change: ${error.message} (SQLSTATE ${error.code}).`,
      });
    }
  }
  return outcome;
}
