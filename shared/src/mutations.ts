import { z } from 'zod';
import { MutationRejected } from './rejections.ts';
import { OTHER_ACTIONS, type Action } from './permissions.ts';
import type { MutationDefinition, MutationRefs, RuleRun } from './mutations/define.ts';
import { MutationEnvelopeSchema } from './mutations/envelope.ts';
import {
  MUTATION_DEFINITIONS,
  type AnyMutationDefinition,
  type MutationDefinitions,
} from './mutations/registry.ts';

export { MutationEnvelopeSchema, type MutationEnvelope } from './mutations/envelope.ts';
export {
  defineMutation,
  type DescriptionLookup,
  type MutationDefinition,
  type MutationDescription,
  type MutationRefs,
  type RuleRun,
} from './mutations/define.ts';
export { MUTATION_DEFINITIONS, type MutationAction } from './mutations/registry.ts';

/**
 * The mutation catalog (S1): every change a tablet can make, by name, with its
 * arguments. Arguments never carry prices, totals or statuses — the shared rules in
 * `mutators/` derive those from the rows they read (S12). Ids of new records are
 * generated on the tablet and travel in the arguments, so applying the same mutation
 * on the tablet and on the server writes identical rows.
 *
 * Each mutation is defined once, in `mutations/` (`defineMutation`), and listed in
 * `mutations/registry.ts`; everything in this module is derived from that list.
 */

export type MutationName = AnyMutationDefinition['name'];

/** The definition of the mutation called `N`. */
export type DefinitionOf<N extends MutationName> = Extract<AnyMutationDefinition, { name: N }>;

export const MUTATION_BY_NAME = Object.fromEntries(
  MUTATION_DEFINITIONS.map((definition) => [definition.name, definition]),
) as { readonly [N in MutationName]: DefinitionOf<N> };

export const MUTATION_ARGS = Object.fromEntries(
  MUTATION_DEFINITIONS.map((definition) => [definition.name, definition.args]),
) as { readonly [N in MutationName]: DefinitionOf<N>['args'] };

export const MUTATION_NAMES = MUTATION_DEFINITIONS.map((definition) => definition.name) as [
  MutationName,
  ...MutationName[],
];
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;

/** Every permission action: the ones mutations declare, then the procedures' and screens'. */
export const ACTIONS: readonly Action[] = [
  ...new Set<Action>([
    ...MUTATION_DEFINITIONS.flatMap((definition) => definition.actions),
    ...OTHER_ACTIONS,
  ]),
];

/**
 * A mutation whose name and arguments are not checked yet. Push requests carry these,
 * so one malformed mutation is rejected on its own (S4) instead of failing the batch.
 */
export const RawMutationSchema = MutationEnvelopeSchema.extend({
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type RawMutation = z.infer<typeof RawMutationSchema>;

function member<D extends MutationDefinition>(definition: D) {
  return MutationEnvelopeSchema.extend({
    name: z.literal(definition.name as D['name']),
    args: definition.args as D['args'],
  });
}
type MemberSchema<D> = D extends MutationDefinition ? ReturnType<typeof member<D>> : never;
// A mapped type keeps a tuple a tuple only over a type parameter.
type MembersOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: MemberSchema<T[K]> };
type Members = MembersOf<MutationDefinitions>;

export const MutationSchema = z.discriminatedUnion(
  'name',
  MUTATION_DEFINITIONS.map(member) as unknown as Members,
);
export type Mutation = z.infer<typeof MutationSchema>;
export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATION_ARGS, name);
}

/** The rule of mutation `N`, as the mutator table holds it. */
export type Mutator<N extends MutationName> = (run: RuleRun<MutationArgs<N>>) => Promise<void>;

/** What a mutation's arguments name, or nothing when they do not parse (it will be refused). */
export function referencesOf(mutation: { name: string; args: unknown }): MutationRefs {
  if (!isMutationName(mutation.name)) return {};
  const definition = MUTATION_BY_NAME[mutation.name] as MutationDefinition;
  const parsed = definition.args.safeParse(mutation.args);
  return parsed.success ? definition.refs(parsed.data) : {};
}

/**
 * Check a raw mutation's name and arguments. Throws `MutationRejected` with
 * `unknown_mutation` or `invalid_args` (naming the offending fields) otherwise.
 */
export function parseMutation(raw: unknown): Mutation {
  const envelope = RawMutationSchema.safeParse(raw);
  if (!envelope.success) {
    throw new MutationRejected('invalid_args', z.prettifyError(envelope.error));
  }
  if (!isMutationName(envelope.data.name)) {
    throw new MutationRejected('unknown_mutation', `Unknown mutation "${envelope.data.name}".`);
  }
  const parsed = MutationSchema.safeParse(envelope.data);
  if (!parsed.success) {
    throw new MutationRejected(
      'invalid_args',
      `${envelope.data.name}: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
