import { ChefHat, Link2 } from 'lucide-react';
import { LinkButton } from '../../components/ui/link-button.tsx';

/**
 * The kitchen screen. Tickets come from the same synced database as the tablets, so the screen
 * needs a paired device first; until then it says so and leads to pairing instead of showing
 * an empty board that would look like a quiet kitchen.
 */
export function KitchenDisplay() {
  return (
    <div className="flex flex-1 flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">Kitchen display</h1>
          <p className="text-base text-ink-muted">
            Tickets in order of arrival, with elapsed time and modifiers. Bump when ready.
          </p>
        </div>
      </div>

      <section
        aria-labelledby="kitchen-unpaired"
        className="flex flex-1 flex-col items-center justify-center gap-4 rounded-card border-2 border-dashed border-line-strong bg-surface p-8 text-center"
      >
        <ChefHat aria-hidden className="size-14 text-ink-muted" />
        <h2 id="kitchen-unpaired" className="text-xl font-bold">
          This screen is not paired with a venue
        </h2>
        <p className="max-w-xl text-base text-ink-muted">
          Pair it once with a code from a manager, like a tablet. Orders the tablets send to the
          kitchen then appear here as they arrive.
        </p>
        <LinkButton to="/" size="lg">
          <Link2 aria-hidden className="size-5" />
          Pair this screen
        </LinkButton>
      </section>
    </div>
  );
}
