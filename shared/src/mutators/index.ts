export { applyMutation, MUTATORS } from './apply.ts';
export type {
  MutatorContext,
  MutatorRun,
  RuleScope,
  StoreScope,
  VenueSettings,
} from './context.ts';
export type { MutatorRows, MutatorStore, MutatorWriteTable } from './store.ts';
export { byAddedThenId, byId, byLinkOrder, compareIds } from './store-order.ts';
export { newLineRow, newOrderRow, newPaymentRow } from './new-rows.ts';
export { recalculateOrder } from './recalculate.ts';
export { resolveModifiers } from './modifiers.ts';
