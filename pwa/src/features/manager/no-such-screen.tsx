import { FormattedMessage } from 'react-intl';
import { LinkButton } from '../../ui/link-button.tsx';

/** An address under /manager that names no screen (an old bookmark, a typo). */
export function NoSuchScreen() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">
        <FormattedMessage
          id="manager.noSuchScreen.title"
          defaultMessage="No manager screen at this address"
        />
      </h1>
      <LinkButton to="/manager" variant="secondary">
        <FormattedMessage
          id="manager.noSuchScreen.backToReports"
          defaultMessage="Back to the reports"
        />
      </LinkButton>
    </div>
  );
}
