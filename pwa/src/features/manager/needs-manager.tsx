import { ShieldX } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { Button } from '../../ui/button.tsx';
import { LinkButton } from '../../ui/link-button.tsx';

/**
 * Shown to a signed-in waiter, cashier or kitchen member who opens a manager address. The server
 * refuses them anyway; this says so plainly and offers the two ways forward.
 */
export function NeedsManager({
  name,
  role,
  onSwitchUser,
}: {
  name: string;
  role: string;
  onSwitchUser: () => void;
}) {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-start justify-center gap-5 p-6">
      <ShieldX aria-hidden className="size-14 text-danger" />
      <h1 className="text-2xl font-bold sm:text-3xl">
        <FormattedMessage id="manager.needsManager.title" defaultMessage="This needs a manager" />
      </h1>
      <p className="text-lg">
        <FormattedMessage
          id="manager.needsManager.signedInAs"
          defaultMessage="Reports and the back office are for managers and owners. You are signed in as <bold>{name}</bold> ({role})."
          values={{
            name,
            role,
            bold: (chunks) => <span className="font-semibold">{chunks}</span>,
          }}
        />
      </p>
      <p className="text-base text-ink-muted">
        <FormattedMessage
          id="manager.needsManager.whatToDo"
          defaultMessage="Ask a manager to sign in on this device with their PIN, or go back to the floor."
        />
      </p>
      <div className="flex flex-wrap gap-3">
        <Button size="lg" onPress={onSwitchUser}>
          <FormattedMessage
            id="manager.needsManager.signInAsManager"
            defaultMessage="Sign in as a manager"
          />
        </Button>
        <LinkButton to="/" size="lg" variant="secondary">
          <FormattedMessage
            id="manager.needsManager.backToFloor"
            defaultMessage="Back to the floor"
          />
        </LinkButton>
      </div>
    </div>
  );
}
