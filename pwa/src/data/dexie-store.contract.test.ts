import { SYNCED_TABLES } from '@servio/shared';
import { registerMutatorStoreContractTests } from '@servio/shared/mutators/store-contract';
import { uuidv7 } from 'uuidv7';
import { ServioDb } from './db.ts';
import { DexieStore, mutatorTables } from './dexie-store.ts';

// The tablet's store over fake-indexeddb, each transaction as the tablet runs a mutation (S1).
registerMutatorStoreContractTests('DexieStore', {
  versions: 'kept',
  severalVenues: false,
  async open(venue) {
    const db = new ServioDb(`contract-${uuidv7()}`);
    for (const table of SYNCED_TABLES) await db.table(table).bulkPut(venue[table]);
    return {
      // The callback returns the body's promise instead of being async itself: the stricter
      // form, in which an await of a promise Dexie did not make inside the store loses the
      // transaction (see DexieStore.put).
      transaction: (body) =>
        db.transaction('rw', mutatorTables(db), () => body(new DexieStore(db))),
      async close() {
        db.close();
        await db.delete();
      },
    };
  },
});
