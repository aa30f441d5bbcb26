import { ShieldCheck } from 'lucide-react';
import type { Permission } from './manager-approval.tsx';
import { FormattedMessage } from 'react-intl';

/** Marks an action that will ask for a manager's PIN, before the person taps it. */
export function ApprovalTag({ permission }: { permission: Permission }) {
  if (permission !== 'approval') return null;
  return (
    <span className="ml-1 inline-flex items-center gap-1 rounded-full bg-warn-soft px-2 py-0.5 text-sm font-semibold text-warn-ink">
      <ShieldCheck aria-hidden className="size-4" />
      <FormattedMessage id="pos.approvalTag.manager" defaultMessage="Manager" />
    </span>
  );
}
