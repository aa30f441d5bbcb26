import type { DeviceId } from '../ids.ts';
import type { StaffRow, VenueRow } from '../domain/index.ts';
import type { MutationName, MutationOf } from '../mutations.ts';
import type { MutatorStore } from './store.ts';

/** The venue settings the rules depend on. */
export type VenueSettings = Pick<
  VenueRow,
  'id' | 'currency' | 'timezone' | 'businessDayCutoff' | 'taxMode' | 'serviceChargeBps'
>;

/** What the caller of `applyMutation` supplies besides the store and the mutation. */
export interface MutatorContext {
  venue: VenueSettings;
  /** The device that sent the mutation (server: from its token; tablet: itself). */
  deviceId: DeviceId | null;
  /**
   * Now, as an ISO instant, for `createdAt`/`updatedAt` (server: its clock; tablet: its
   * own). Times of events at the venue (opened, sent, ready, paid) come from the
   * mutation's `clientTime` instead, so they are the same on both sides (S11).
   */
  now: string;
}

/** Storage and venue context: all that recomputing an order needs (webhooks use it too). */
export interface StoreScope {
  store: MutatorStore;
  ctx: MutatorContext;
}

/** Everything a rule needs besides the mutation itself: storage, context, who is acting. */
export interface RuleScope extends StoreScope {
  actor: StaffRow;
  /** The active staff member who approved this on the spot (`approvedBy`), if any. */
  approver: StaffRow | null;
}

/** What each mutator receives. */
export interface MutatorRun<N extends MutationName> extends RuleScope {
  mutation: MutationOf<N>;
}
