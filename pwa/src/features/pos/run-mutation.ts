import type { MutationArgs, MutationName, StaffId } from '@servio/shared';
import { mutate } from '../../data/mutate.ts';
import { feedback } from './toast.tsx';
import { intl } from '../../i18n/intl.ts';

export interface RunOptions {
  approvedBy?: StaffId;
  /** Said when the change is made ("Sent to kitchen"); nothing when omitted. */
  done?: string;
  /** The headline when a rule refuses it ("Not sent"); the rule's message follows. */
  refused: string;
}

/**
 * Make a change through the shared mutation catalog and tell the person what happened, at once:
 * the change is applied locally (and queued for the server) before this resolves, so the toast
 * and the updated screen arrive together. Resolves whether the change was made.
 */
export async function runMutation<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  options: RunOptions,
): Promise<boolean> {
  try {
    const result = await mutate(
      name,
      args,
      options.approvedBy ? { approvedBy: options.approvedBy } : {},
    );
    if (result.ok) {
      if (options.done) feedback.ok(options.done);
      return true;
    }
    feedback.error(options.refused, result.message);
    return false;
  } catch (error) {
    // Storage itself failed (quota, database closed by an upgrade in another tab).
    feedback.error(
      options.refused,
      intl.formatMessage(
        {
          id: 'pos.runMutation.thisTabletCouldNot',
          defaultMessage: 'This tablet could not save the change: {value}',
        },
        { value: error instanceof Error ? error.message : String(error) },
      ),
    );
    return false;
  }
}
