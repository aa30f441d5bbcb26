import type { z } from 'zod';
import type { LineId, MenuItemId, OrderId, PaymentId, TableId } from '../ids.ts';
import type { Minor } from '../money.ts';
import type { RuleScope } from '../mutators/context.ts';
import type { MutationEnvelope } from './envelope.ts';

/**
 * The records a mutation reads or writes, named by its arguments. The server loads them in a few
 * queries before a push is applied (prefetch); the tablet files a refused change's notice under
 * the order it was about. Every field is optional: a mutation names what it has.
 */
export interface MutationRefs {
  orderIds?: readonly OrderId[];
  lineIds?: readonly LineId[];
  paymentIds?: readonly PaymentId[];
  /** Order numbers a mutation claims (opening an order): checked for duplicates. */
  orderNumbers?: readonly string[];
  tableIds?: readonly TableId[];
}

/**
 * A value in a description that only the device knows how to render: a name from its local
 * tables, or an amount in the venue's currency. The caller resolves it (and supplies the
 * fallback words when the record is not on the device).
 */
export type DescriptionLookup =
  | { lookup: 'itemName'; id: MenuItemId }
  | { lookup: 'lineName'; id: LineId }
  | { lookup: 'tableName'; id: TableId }
  | { lookup: 'money'; minor: Minor };

/**
 * What a mutation tried to do, as a message for the person who did it ("Add 2 × Cola"):
 * `id` is the translation key, `defaultMessage` the English text in ICU MessageFormat whose
 * `{placeholders}` are filled from `values`.
 */
export interface MutationDescription {
  id: string;
  defaultMessage: string;
  values?: Readonly<Record<string, string | number | DescriptionLookup>>;
}

/**
 * Marks a description as a message of the tablet's catalogue: the extractor (`pnpm --filter
 * @servio/pwa i18n:extract`) reads the `id` and `defaultMessage` written inside the call, so
 * each description must be written as a literal here, not built from parts.
 */
export function mutationMessage(description: MutationDescription): MutationDescription {
  return description;
}

/** What each rule receives: storage, context, who acts, and the mutation with parsed args. */
export interface RuleRun<Args> extends RuleScope {
  mutation: MutationEnvelope & { name: string; args: Args };
}

/**
 * Everything about one mutation, in one place. Each field is required, so a mutation without
 * a rule, a description or its references does not compile. (The functions are methods so that
 * any definition is a `MutationDefinition` for code that handles every mutation alike.)
 */
export interface MutationDefinition<
  N extends string = string,
  S extends z.ZodType = z.ZodType,
  A extends string = string,
> {
  /** The name it travels under (S1). Never renamed: outboxes and logs keep it. */
  readonly name: N;
  /** Its arguments, parsed once at the boundary; never prices, totals or statuses (S12). */
  readonly args: S;
  /**
   * Every permission action the rule may ask for. A rule that picks the action from what it
   * reads (voiding a line the kitchen has is `order.voidSentLine`) declares each of them.
   */
  readonly actions: readonly [A, ...A[]];
  /** The records it reads or writes, from its parsed arguments. */
  refs(args: z.output<S>): MutationRefs;
  /** THE rule, run on the tablet and on the server (S1, S2, S12). */
  apply(run: RuleRun<z.output<S>>): Promise<void>;
  /** The words the tablet uses for it (for a notice when the server refuses it). */
  describe(args: z.output<S>): MutationDescription;
}

/** Declares a mutation; add it to `MUTATION_DEFINITIONS` in `registry.ts` to make it live. */
export function defineMutation<const N extends string, S extends z.ZodType, const A extends string>(
  definition: MutationDefinition<N, S, A>,
): MutationDefinition<N, S, A> {
  return definition;
}
