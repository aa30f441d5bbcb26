import { PROTOCOL_VERSION, type RawMutation } from '@servio/shared';
import { z } from 'zod';
import { trpc } from '../api/trpc.ts';
import { db as appDb, type ServioDb } from '../data/db.ts';
import { readMeta } from '../data/meta.ts';
import { intl } from '../i18n/intl.ts';

/**
 * S7: the unsynced outbox as a file, for a tablet that cannot sync (revoked, broken, server
 * gone) — a manager uploads it on another device and the server applies it through the same
 * exactly-once path as a push (`sync.importOutbox`). Exporting deletes nothing: the tablet
 * keeps its outbox until the server confirms it.
 */
export interface OutboxFile {
  protocolVersion: number;
  clientId: string;
  deviceId: string;
  mutations: RawMutation[];
  /** For people reading the file; the server ignores these. */
  exportedAt: string;
  venue: { id: string; name: string };
  deviceName: string;
  letter: string;
}

export async function buildOutboxFile(
  db: ServioDb = appDb,
  now: () => Date = () => new Date(),
): Promise<OutboxFile | null> {
  return db.transaction('r', [db.outbox, db.meta], async () => {
    const [device, clientId, entries] = await Promise.all([
      readMeta(db, 'device'),
      readMeta(db, 'clientId'),
      db.outbox.orderBy('id').toArray(),
    ]);
    if (!device || !clientId || entries.length === 0) return null;
    return {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      deviceId: device.deviceId,
      mutations: entries.map((entry) => entry.mutation),
      exportedAt: now().toISOString(),
      venue: { id: device.venue.id, name: device.venue.name },
      deviceName: device.deviceName,
      letter: device.letter,
    };
  });
}

export function outboxFileName(file: OutboxFile): string {
  const stamp = file.exportedAt.replace(/[:.]/g, '-').slice(0, 19);
  return `servio-unsynced-${file.letter}-${stamp}.json`;
}

/** Download the outbox file in the browser. Resolves how many changes it holds (0 = none). */
export async function downloadOutboxFile(db: ServioDb = appDb): Promise<number> {
  const file = await buildOutboxFile(db);
  if (!file) return 0;
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = outboxFileName(file);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.mutations.length;
}

const ImportFileSchema = z.object({
  clientId: z.string(),
  mutations: z.array(z.unknown()).min(1),
});

export type ImportSummary = Awaited<ReturnType<typeof trpc.sync.importOutbox.mutate>>;

/**
 * A manager uploads a tablet's exported file. Throws with a clear message when the file is
 * not an outbox export; the server's refusals come back as `TRPCClientError`.
 */
export async function importOutboxFile(text: string): Promise<ImportSummary> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      intl.formatMessage({
        id: 'sync.import.notJson',
        defaultMessage: 'That file is not a Servio export: it is not JSON.',
      }),
    );
  }
  if (!ImportFileSchema.safeParse(json).success) {
    throw new Error(
      intl.formatMessage({
        id: 'sync.import.notAnExport',
        defaultMessage: 'That file is not a Servio export of unsynced changes.',
      }),
    );
  }
  return trpc.sync.importOutbox.mutate(json as Parameters<typeof trpc.sync.importOutbox.mutate>[0]);
}
