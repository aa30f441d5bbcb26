import { z } from 'zod';
import { ClientIdSchema, StaffIdSchema } from '../ids.ts';
import { InstantSchema } from '../domain/common.ts';

/** S1: the envelope every mutation travels in; `id` increases by one per client. */
export const MutationEnvelopeSchema = z.object({
  clientId: ClientIdSchema,
  id: z.int().min(1),
  clientTime: InstantSchema,
  staffId: StaffIdSchema,
  // A manager who entered their PIN on the spot to allow this one action.
  approvedBy: StaffIdSchema.nullable().optional(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelopeSchema>;
