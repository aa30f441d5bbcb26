import { Lock, UserRound } from 'lucide-react';
import { usePos } from '../pos-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { useSession } from '../../../session/use-session.ts';
import { FormattedMessage } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

const ROLE_LABEL = {
  waiter: intl.formatMessage({ id: 'pos.staffMenu.waiter', defaultMessage: 'Waiter' }),
  cashier: intl.formatMessage({ id: 'pos.staffMenu.cashier', defaultMessage: 'Cashier' }),
  kitchen: intl.formatMessage({ id: 'pos.staffMenu.kitchen', defaultMessage: 'Kitchen' }),
  manager: intl.formatMessage({ id: 'pos.staffMenu.manager', defaultMessage: 'Manager' }),
  owner: intl.formatMessage({ id: 'pos.staffMenu.owner', defaultMessage: 'Owner' }),
} as const;

/** Who is signed in, and the lock that hands the tablet to the next person (PIN sign-in). */
export function StaffMenu() {
  const { staff } = usePos();
  const session = useSession();
  return (
    <div className="flex items-center gap-2">
      <span className="flex items-center gap-2 rounded-control bg-surface px-3 py-2 text-base shadow-card">
        <UserRound aria-hidden className="size-5 text-ink-muted" />
        <span className="font-semibold">{staff.name}</span>
        <span className="text-ink-muted max-sm:hidden">{ROLE_LABEL[staff.role]}</span>
      </span>
      <Button variant="secondary" onPress={() => session.lock()}>
        <Lock aria-hidden className="size-5" />
        <FormattedMessage id="pos.staffMenu.lock" defaultMessage="Lock" />
      </Button>
    </div>
  );
}
