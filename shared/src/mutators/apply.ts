import type { Mutation, MutationName, Mutator } from '../mutations.ts';
import { parseMutation } from '../mutations.ts';
import { MUTATION_DEFINITIONS } from '../mutations/registry.ts';
import type { StaffRow } from '../domain/index.ts';
import { reject } from '../rejections.ts';
import type { MutatorContext } from './context.ts';
import { isLive } from './helpers.ts';
import type { MutatorStore } from './store.ts';

/**
 * Whether `staff` may act in a mutation made at `clientTime` (S11): active now, or deactivated
 * only after the mutation was made, so a tablet that was offline while a manager deactivated a
 * waiter still syncs the orders and the cash that waiter took before. A deactivation with no
 * recorded instant counts as always.
 */
export function wasActiveAt(staff: StaffRow | undefined, clientTime: string): staff is StaffRow {
  if (!isLive(staff)) return false;
  if (staff.active) return true;
  return staff.deactivatedAt !== null && Date.parse(clientTime) < Date.parse(staff.deactivatedAt);
}

/** One rule per mutation, taken from its definition (`mutations/registry.ts`). */
export const MUTATORS = Object.fromEntries(
  MUTATION_DEFINITIONS.map((definition) => [definition.name, definition.apply]),
) as { readonly [N in MutationName]: Mutator<N> };

/**
 * THE business rules, run identically on the tablet (optimistically, S1) and on the
 * server (authoritatively, S2/S12). Checks the mutation's shape, who is acting and
 * whether they may, then writes the resulting rows through `store`.
 *
 * Throws `MutationRejected` (with a reason from `REJECTION_REASONS`) when a business
 * rule is broken. The caller must run this inside a transaction (server: a savepoint
 * per mutation; tablet: the Dexie transaction) and roll back every write of the
 * mutation on any throw: a rejection may come after some rows were written. Anything
 * thrown that is not a `MutationRejected` is a transient failure (S4).
 */
export async function applyMutation(
  store: MutatorStore,
  raw: unknown,
  ctx: MutatorContext,
): Promise<Mutation> {
  const mutation = parseMutation(raw);
  const actor = await store.getStaff(mutation.staffId);
  if (!wasActiveAt(actor, mutation.clientTime)) {
    reject('unknown_staff', `Staff ${mutation.staffId} is not an active member of this venue.`);
  }
  let approver = null;
  if (mutation.approvedBy) {
    approver = await store.getStaff(mutation.approvedBy);
    if (!wasActiveAt(approver, mutation.clientTime)) {
      reject('invalid_approval', `Approver ${mutation.approvedBy} is not an active member.`);
    }
  }
  const mutator = MUTATORS[mutation.name] as Mutator<MutationName>;
  await mutator({ store, ctx, actor, approver, mutation });
  return mutation;
}
