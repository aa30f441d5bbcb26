import { RefreshCw } from 'lucide-react';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/** Another tab upgraded the database: this one must reload to keep working (nothing is lost). */
export function ReloadNeeded({ message }: { message: string }) {
  const intl = useIntl();
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col justify-center gap-4 p-6">
      <Notice
        tone="warn"
        title={intl.formatMessage({
          id: 'session.reloadNeeded.reloadToContinue',
          defaultMessage: 'Reload to continue',
        })}
        action={
          <Button size="lg" onPress={() => window.location.reload()}>
            <RefreshCw aria-hidden className="size-5" />
            <FormattedMessage id="session.reloadNeeded.reloadNow" defaultMessage="Reload now" />
          </Button>
        }
      >
        {message}
      </Notice>
    </div>
  );
}
