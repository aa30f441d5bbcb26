import { PokeMessageSchema, type PokeMessage } from '@servio/shared';
import { type Db, type Queryable, inVenue } from '../db/index.ts';
import { readClock } from './clock.ts';

/** One NOTIFY channel for every venue; the payload says which venue changed. */
export const POKE_CHANNEL = 'servio_sync_poke';

/**
 * S9: tells every server process that `venueId` changed up to `clock`. Call it inside the writing
 * transaction, after the clock advanced: Postgres delivers the notification on commit (and never on
 * rollback), so a tablet is only poked about changes it can pull.
 */
export async function notifyVenueChanged(
  tx: Queryable,
  venueId: string,
  clock: number,
): Promise<void> {
  const message: PokeMessage = PokeMessageSchema.parse({ venueId, clock });
  await tx.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, JSON.stringify(message)]);
}

type Listener = (clock: number) => void;

/**
 * One LISTEN per database handle (so one per server process), fanned out in process to the
 * subscribers of each venue.
 */
class PokeHub {
  private readonly venues = new Map<string, Set<Listener>>();
  private listening: Promise<unknown> | undefined;

  constructor(private readonly db: Db) {}

  /** Resolves once notifications are flowing; the returned function unsubscribes. */
  async subscribe(venueId: string, listener: Listener): Promise<() => void> {
    let set = this.venues.get(venueId);
    if (!set) this.venues.set(venueId, (set = new Set()));
    set.add(listener);
    const unsubscribe = () => {
      set.delete(listener);
      if (set.size === 0 && this.venues.get(venueId) === set) this.venues.delete(venueId);
    };
    try {
      this.listening ??= this.db.listen(POKE_CHANNEL, (payload) => this.deliver(payload));
      await this.listening;
    } catch (error) {
      // Let the next subscriber try again (the database may be back by then).
      this.listening = undefined;
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  private deliver(payload: string): void {
    let message: PokeMessage;
    try {
      message = PokeMessageSchema.parse(JSON.parse(payload));
    } catch {
      return; // not ours
    }
    for (const listener of this.venues.get(message.venueId) ?? []) listener(message.clock);
  }
}

const hubs = new WeakMap<Db, PokeHub>();

function hubOf(db: Db): PokeHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new PokeHub(db)));
  return hub;
}

/** The server is shutting down: its poke streams end so that tablets reconnect elsewhere. */
export class PokeStreamsClosed extends Error {
  override name = 'PokeStreamsClosed';
}

/**
 * The open poke streams of one server. An SSE stream never goes idle, so a server closing would
 * wait for its tablets forever; `endAll()` (from the server's close hook) ends every stream with
 * `PokeStreamsClosed` and refuses new ones.
 */
export class PokeStreams {
  private readonly open = new Set<() => void>();
  closed = false;

  track(end: () => void): () => void {
    this.open.add(end);
    return () => this.open.delete(end);
  }

  endAll(): void {
    this.closed = true;
    for (const end of [...this.open]) end();
  }
}

const streamsByOwner = new WeakMap<object, PokeStreams>();

/** The poke streams of a server, keyed by something the server owns once (its deps). */
export function pokeStreamsOf(owner: object): PokeStreams {
  let streams = streamsByOwner.get(owner);
  if (!streams) streamsByOwner.set(owner, (streams = new PokeStreams()));
  return streams;
}

/**
 * The pokes of one venue as an async iterable, for the `sync.poke` subscription. The first value is
 * the venue's clock when the subscription starts, so a tablet that reconnects learns straight away
 * whether it missed anything; after that, one value per change. Pokes that arrive faster than the
 * tablet reads them are coalesced into the newest clock (a poke only says "pull"). Ends when
 * `signal` aborts (the tablet went away) and throws `PokeStreamsClosed` when the server closes.
 */
export async function* venuePokes(
  db: Db,
  venueId: string,
  options: { signal?: AbortSignal | undefined; streams: PokeStreams },
): AsyncGenerator<PokeMessage> {
  const { signal, streams } = options;
  if (streams.closed) throw new PokeStreamsClosed('The server is shutting down.');
  let newest = 0;
  let sent = -1;
  let wake: (() => void) | undefined;
  const unsubscribe = await hubOf(db).subscribe(venueId, (clock) => {
    newest = Math.max(newest, clock);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  const untrack = streams.track(onAbort);
  try {
    // Read after subscribing: a change committed in between is in this value or in a poke.
    newest = Math.max(newest, await inVenue(db, venueId, (tx) => readClock(tx, venueId)));
    while (!signal?.aborted) {
      if (streams.closed) throw new PokeStreamsClosed('The server is shutting down.');
      if (newest > sent) {
        sent = newest;
        yield { venueId: venueId as PokeMessage['venueId'], clock: sent };
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    untrack();
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
