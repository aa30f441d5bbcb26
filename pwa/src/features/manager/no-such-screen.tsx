import { LinkButton } from '../../ui/link-button.tsx';

/** An address under /manager that names no screen (an old bookmark, a typo). */
export function NoSuchScreen() {
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">No manager screen at this address</h1>
      <LinkButton to="/manager" variant="secondary">
        Back to the reports
      </LinkButton>
    </div>
  );
}
