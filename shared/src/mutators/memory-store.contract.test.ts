import { registerMutatorStoreContractTests } from './store-contract.ts';
import { MemoryStore } from './memory-store.ts';
import { SYNCED_TABLES } from '../domain/index.ts';

registerMutatorStoreContractTests('MemoryStore', {
  versions: 'transaction',
  severalVenues: false,
  async open(venue) {
    const store = new MemoryStore();
    for (const table of SYNCED_TABLES) store.seed(table, venue[table] as never);
    return { transaction: (body) => store.transaction(body), close: async () => {} };
  },
});
