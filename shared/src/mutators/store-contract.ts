import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { OrderLineRow, OrderRow, PaymentRow } from '../domain/index.ts';
import type { LineId, ModifierOptionId, OrderId, PaymentId, TaxRateId } from '../ids.ts';
import type { MutatorStore } from './store.ts';
import {
  comparable,
  contractVenue,
  otherVenueOf,
  reversed,
  seeded,
  type ContractVenue,
  type SeedRows,
} from './store-contract-venue.ts';

export type { SeedRows } from './store-contract-venue.ts';

/**
 * The `MutatorStore` contract (`store.ts`) as one suite that every implementation runs, in the
 * manner of tldraw's `registerStorageContractTests`: the memory store here, the Dexie store in
 * the tablet's tests (fake-indexeddb), PgStore in the server's tests (PGlite and Postgres).
 * Test support only: imported by test files, never by production code.
 *
 * Where the implementations differ by design, the harness says so instead of the suite
 * looking away:
 * - `versions`: the memory store and PgStore stamp every row a transaction writes with one
 *   new clock value (S5); the tablet's Dexie store keeps the version the rules pass (the row's
 *   previous one), because only the server stamps versions.
 * - `severalVenues`: PgStore reads one venue out of a database holding many, so its harness
 *   stores a second venue (same ids, other contents) that must stay invisible. The memory and
 *   Dexie stores hold one venue's rows only.
 * - `getStaff` gives at least a `StaffRow`: PgStore leaves the PIN hash out, the tablet's and
 *   the memory store return the one they hold.
 * - PgStore keeps writes in memory until `flush()`; its harness flushes at the end of each
 *   transaction, as a push does, so a later transaction reads them from the database.
 */

export interface StoreUnderTest {
  /**
   * Runs `body` as one transaction over the store (what one push or one tablet mutation
   * gets); its writes are durable once the promise resolves.
   */
  transaction<T>(body: (store: MutatorStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface MutatorStoreHarness {
  /**
   * A store over a venue holding exactly `venue`'s rows, stored as given (versions aside: the
   * memory store stamps seeded rows with its clock). `otherVenue` is passed only when
   * `severalVenues` is set: store it too; the store must not see it.
   */
  open(venue: SeedRows, otherVenue?: SeedRows): Promise<StoreUnderTest>;
  /** `transaction`: one new version per transaction, above every earlier one; `kept`: as passed. */
  versions: 'transaction' | 'kept';
  /** Whether the store reads one venue among several (the server). */
  severalVenues: boolean;
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

export function registerMutatorStoreContractTests(
  name: string,
  harness: MutatorStoreHarness,
): void {
  /** Open a store over a fresh contract venue, run `test`, close the store whatever happens. */
  async function withStore(
    test: (subject: StoreUnderTest, v: ContractVenue) => Promise<void>,
  ): Promise<void> {
    const v = await contractVenue();
    const subject = await harness.open(
      reversed(v.rows),
      harness.severalVenues ? reversed(otherVenueOf(v)) : undefined,
    );
    try {
      await test(subject, v);
    } finally {
      await subject.close();
    }
  }

  describe(`MutatorStore contract: ${name}`, () => {
    it('every getter returns undefined, and every list nothing, for what is not there', () =>
      withStore(async (subject) => {
        await subject.transaction(async (store) => {
          const missing = () => uuidv7() as never;
          expect(await store.getOrder(missing())).toBeUndefined();
          expect(await store.findOrderByNumber('Z-404')).toBeUndefined();
          expect(await store.getLine(missing())).toBeUndefined();
          expect(await store.getPayment(missing())).toBeUndefined();
          expect(await store.getTable(missing())).toBeUndefined();
          expect(await store.getStaff(missing())).toBeUndefined();
          expect(await store.getMenuItem(missing())).toBeUndefined();
          expect(await store.getTaxRate(missing())).toBeUndefined();
          expect(await store.getLines(missing())).toEqual([]);
          expect(await store.getPayments(missing())).toEqual([]);
          expect(await store.getModifierGroupsForItem(missing())).toEqual([]);
          expect(await store.getModifierOptions([missing(), missing()])).toEqual([]);
          expect(await store.getModifierOptions([])).toEqual([]);
        });
      }));

    it('every getter returns the stored row', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const order = await store.getOrder(v.orders.main);
          expect(comparable('orders', order)).toEqual(seeded(v, 'orders', v.orders.main));
          const byNumber = await store.findOrderByNumber('A-2');
          expect(comparable('orders', byNumber)).toEqual(seeded(v, 'orders', v.orders.takeaway));
          const line = await store.getLine(v.lines.voided);
          expect(comparable('orderLines', line)).toEqual(seeded(v, 'orderLines', v.lines.voided));
          const payment = await store.getPayment(v.payments.first);
          expect(comparable('payments', payment)).toEqual(seeded(v, 'payments', v.payments.first));
          const table = await store.getTable(v.tables.t1);
          expect(comparable('tables', table)).toEqual(seeded(v, 'tables', v.tables.t1));
          const staff = await store.getStaff(v.staffId);
          expect(comparable('staff', staff)).toEqual(seeded(v, 'staff', v.staffId));
          const item = await store.getMenuItem(v.items.burger);
          expect(comparable('menuItems', item)).toEqual(seeded(v, 'menuItems', v.items.burger));
          const rate = await store.getTaxRate(v.taxRate as TaxRateId);
          expect(comparable('taxRates', rate)).toEqual(seeded(v, 'taxRates', v.taxRate));
          const [option] = await store.getModifierOptions([v.options.cheese]);
          expect(comparable('modifierOptions', option)).toEqual(
            seeded(v, 'modifierOptions', v.options.cheese),
          );
          const [group] = await store.getModifierGroupsForItem(v.items.burger);
          expect(comparable('modifierGroups', group)).toEqual(
            seeded(v, 'modifierGroups', v.groups.extras),
          );
        });
      }));

    it('tombstoned rows are returned: the rules, not the store, treat them as absent', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          expect((await store.getOrder(v.orders.gone))?.deletedAt).not.toBeNull();
          expect((await store.findOrderByNumber('A-3'))?.id).toBe(v.orders.gone);
          expect((await store.getLine(v.lines.tombstoned))?.deletedAt).not.toBeNull();
          expect((await store.getPayment(v.payments.tombstoned))?.deletedAt).not.toBeNull();
          expect((await store.getTable(v.tables.t2))?.deletedAt).not.toBeNull();
          const [egg] = await store.getModifierOptions([v.options.egg]);
          expect(egg?.deletedAt).not.toBeNull();
          expect(ids(await store.getLines(v.orders.main))).toContain(v.lines.tombstoned);
          expect(ids(await store.getPayments(v.orders.main))).toContain(v.payments.tombstoned);
        });
      }));

    it('lines come by the instant they were added (however spelled), then by id', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const [tieFirst, tieSecond] = [v.lines.tieA, v.lines.tieB].sort();
          expect(ids(await store.getLines(v.orders.main))).toEqual([
            v.lines.tombstoned,
            v.lines.earlyText,
            v.lines.lateText,
            tieFirst,
            tieSecond,
            v.lines.voided,
          ]);
          expect(ids(await store.getLines(v.orders.takeaway))).toEqual([v.lines.ofTakeaway]);
        });
      }));

    it('payments come by id, and only the order’s own', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          expect(ids(await store.getPayments(v.orders.main))).toEqual([
            v.payments.first,
            v.payments.second,
            v.payments.tombstoned,
          ]);
          expect(ids(await store.getPayments(v.orders.takeaway))).toEqual([v.payments.ofTakeaway]);
        });
      }));

    it('modifier groups come through live links only, by link sortOrder, then group id', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const [tieFirst, tieSecond] = [v.groups.extras, v.groups.sauces].sort();
          expect(ids(await store.getModifierGroupsForItem(v.items.burger))).toEqual([
            tieFirst,
            tieSecond,
            v.groups.doneness,
          ]);
          expect(await store.getModifierGroupsForItem(v.items.cola)).toEqual([]);
        });
      }));

    it('modifier options come in the order asked, missing ids left out, repeats repeated', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const missing = uuidv7() as ModifierOptionId;
          const options = await store.getModifierOptions([
            v.options.bacon,
            missing,
            v.options.rare,
            v.options.bacon,
          ]);
          expect(ids(options)).toEqual([v.options.bacon, v.options.rare, v.options.bacon]);
        });
      }));

    it('a read after a put in the same transaction sees the row, by id, by number and in its order’s lists', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const main = await store.getOrder(v.orders.main);
          const line = await store.getLine(v.lines.earlyText);
          const payment = await store.getPayment(v.payments.first);
          if (!main || !line || !payment) throw new Error('seeded');
          const order: OrderRow = { ...main, id: v.newId() as OrderId, number: 'A-9', version: 0 };
          await store.put('orders', order);
          expect((await store.getOrder(order.id))?.number).toBe('A-9');
          expect((await store.findOrderByNumber('A-9'))?.id).toBe(order.id);
          expect(await store.getLines(order.id)).toEqual([]);

          const added: OrderLineRow = {
            ...line,
            id: v.newId() as LineId,
            orderId: order.id,
            version: 0,
          };
          await store.put('orderLines', added);
          expect((await store.getLine(added.id))?.orderId).toBe(order.id);
          expect(ids(await store.getLines(order.id))).toEqual([added.id]);

          // A new line added before every other one comes first in the merged list.
          const first: OrderLineRow = {
            ...line,
            id: v.newId() as LineId,
            addedAt: '2025-03-10T08:00:00.000Z',
            version: 0,
          };
          await store.put('orderLines', first);
          expect(ids(await store.getLines(v.orders.main))[0]).toBe(first.id);

          const paid: PaymentRow = {
            ...payment,
            id: v.newId() as PaymentId,
            orderId: order.id,
            version: 0,
          };
          await store.put('payments', paid);
          expect((await store.getPayment(paid.id))?.orderId).toBe(order.id);
          expect(ids(await store.getPayments(order.id))).toEqual([paid.id]);
        });
      }));

    it('put replaces the row by key, also when it moves to another order (a merge)', () =>
      withStore(async (subject, v) => {
        await subject.transaction(async (store) => {
          const main = await store.getOrder(v.orders.main);
          const line = await store.getLine(v.lines.earlyText);
          const payment = await store.getPayment(v.payments.second);
          if (!main || !line || !payment) throw new Error('seeded');
          await store.put('orders', { ...main, note: 'window seat' });
          expect((await store.getOrder(v.orders.main))?.note).toBe('window seat');
          expect((await store.findOrderByNumber('A-1'))?.note).toBe('window seat');

          await store.put('orderLines', { ...line, quantity: 7 });
          await store.put('orderLines', { ...line, quantity: 8, orderId: v.orders.takeaway });
          expect((await store.getLine(line.id))?.quantity).toBe(8);
          expect(ids(await store.getLines(v.orders.main))).not.toContain(line.id);
          expect(ids(await store.getLines(v.orders.takeaway))).toEqual([
            line.id,
            v.lines.ofTakeaway,
          ]);

          await store.put('payments', { ...payment, orderId: v.orders.takeaway });
          expect(ids(await store.getPayments(v.orders.main))).not.toContain(payment.id);
          expect(ids(await store.getPayments(v.orders.takeaway))).toEqual(
            [v.payments.ofTakeaway, payment.id].sort(),
          );
        });
        // And so it stays for the next transaction.
        await subject.transaction(async (store) => {
          expect((await store.getOrder(v.orders.main))?.note).toBe('window seat');
          expect((await store.getLine(v.lines.earlyText))?.quantity).toBe(8);
          expect(ids(await store.getLines(v.orders.main))).not.toContain(v.lines.earlyText);
          expect(ids(await store.getLines(v.orders.takeaway))).toContain(v.lines.earlyText);
          expect(ids(await store.getPayments(v.orders.takeaway))).toContain(v.payments.second);
        });
      }));

    it('a row put in one transaction is there for the next, in its lists and by number', () =>
      withStore(async (subject, v) => {
        const order = v.newId() as OrderId;
        const line = v.newId() as LineId;
        await subject.transaction(async (store) => {
          const main = await store.getOrder(v.orders.main);
          const seededLine = await store.getLine(v.lines.voided);
          if (!main || !seededLine) throw new Error('seeded');
          await store.put('orders', { ...main, id: order, number: 'A-10', version: 0 });
          await store.put('orderLines', { ...seededLine, id: line, orderId: order, version: 0 });
        });
        await subject.transaction(async (store) => {
          expect((await store.findOrderByNumber('A-10'))?.id).toBe(order);
          expect(ids(await store.getLines(order))).toEqual([line]);
        });
      }));

    if (harness.versions === 'transaction') {
      it('[S5] every row one transaction puts carries one new version, above every earlier one', () =>
        withStore(async (subject, v) => {
          const stamps: number[] = [];
          let seededMax = 0;
          for (let round = 0; round < 2; round += 1) {
            await subject.transaction(async (store) => {
              const main = await store.getOrder(v.orders.main);
              const line = await store.getLine(v.lines.tieA);
              const payment = await store.getPayment(v.payments.first);
              if (!main || !line || !payment) throw new Error('seeded');
              if (round === 0)
                seededMax = Math.max(
                  ...[main, line, payment].map((row) => row.version),
                  ...(await store.getLines(v.orders.main)).map((row) => row.version),
                );
              await store.put('orders', { ...main, covers: 3 + round });
              await store.put('orderLines', { ...line, quantity: 2 + round });
              await store.put('payments', { ...payment, tipMinor: (10 + round) as never });
              const versions = [
                (await store.getOrder(v.orders.main))?.version,
                (await store.getLine(v.lines.tieA))?.version,
                (await store.getPayment(v.payments.first))?.version,
              ];
              expect(new Set(versions).size).toBe(1);
              stamps.push(versions[0]!);
            });
          }
          await subject.transaction(async (store) => {
            expect((await store.getOrder(v.orders.main))?.version).toBe(stamps[1]);
          });
          expect(stamps[0]).toBeGreaterThan(seededMax);
          expect(stamps[1]).toBeGreaterThan(stamps[0]!);
        }));
    } else {
      it('[S5] put keeps the version the rules pass (only the server stamps versions)', () =>
        withStore(async (subject, v) => {
          await subject.transaction(async (store) => {
            const main = await store.getOrder(v.orders.main);
            const line = await store.getLine(v.lines.tieA);
            if (!main || !line) throw new Error('seeded');
            await store.put('orders', { ...main, covers: 3, version: 41 });
            await store.put('orderLines', { ...line, quantity: 2, version: 42 });
            expect((await store.getOrder(v.orders.main))?.version).toBe(41);
            expect((await store.getLine(v.lines.tieA))?.version).toBe(42);
          });
          await subject.transaction(async (store) => {
            expect((await store.getOrder(v.orders.main))?.version).toBe(41);
          });
        }));
    }

    if (harness.severalVenues) {
      it('another venue’s rows are invisible, even under the same ids', () =>
        withStore(async (subject, v) => {
          await subject.transaction(async (store) => {
            expect((await store.getOrder(v.orders.main))?.venueId).toBe(v.venueId);
            expect(await store.findOrderByNumber('B-1')).toBeUndefined();
            expect((await store.findOrderByNumber('A-1'))?.venueId).toBe(v.venueId);
            const seen = [
              await store.getTable(v.tables.t1),
              await store.getStaff(v.staffId),
              await store.getMenuItem(v.items.burger),
              await store.getTaxRate(v.taxRate as TaxRateId),
              await store.getLine(v.lines.voided),
              await store.getPayment(v.payments.first),
              ...(await store.getModifierGroupsForItem(v.items.burger)),
              ...(await store.getModifierOptions([v.options.rare])),
            ];
            for (const row of seen) expect(row?.venueId).toBe(v.venueId);
            expect((await store.getTable(v.tables.t1))?.name).toBe('T1');
            expect(await store.getLines(v.orders.main)).toHaveLength(6);
            expect(await store.getPayments(v.orders.main)).toHaveLength(3);
            expect(ids(await store.getModifierGroupsForItem(v.items.burger))).not.toContain(
              v.groups.sides,
            );
            expect(await store.getModifierGroupsForItem(v.items.burger)).toHaveLength(3);
          });
        }));
    }
  });
}
