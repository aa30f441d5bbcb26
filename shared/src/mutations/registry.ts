import { kitchenBump, kitchenRecall } from './kitchen.ts';
import {
  orderClose,
  orderMerge,
  orderMoveTable,
  orderOpen,
  orderSetCovers,
  orderVoid,
} from './order-lifecycle.ts';
import {
  orderAddLine,
  orderApplyDiscount,
  orderSend,
  orderUpdateLine,
  orderVoidLine,
} from './order-lines.ts';
import { orderSetCustomerName } from './order-set-customer-name.ts';
import { paymentRecord } from './payments.ts';

/**
 * THE list of mutations (S1). Everything else that names mutations is derived from it: the
 * protocol's schema union and `MUTATION_ARGS` (`../mutations.ts`), the mutator table
 * (`../mutators/apply.ts`), the permission actions, the server's prefetch and the tablet's
 * notices. A new mutation is one module with its `defineMutation(...)` and one line here.
 */
export const MUTATION_DEFINITIONS = [
  orderOpen,
  orderAddLine,
  orderUpdateLine,
  orderVoidLine,
  orderSend,
  orderApplyDiscount,
  orderMoveTable,
  orderMerge,
  orderSetCovers,
  paymentRecord,
  orderClose,
  orderVoid,
  kitchenBump,
  kitchenRecall,
  orderSetCustomerName,
] as const;

export type MutationDefinitions = typeof MUTATION_DEFINITIONS;
export type AnyMutationDefinition = MutationDefinitions[number];
/** Every permission action some mutation's rule asks for. */
export type MutationAction = AnyMutationDefinition['actions'][number];
