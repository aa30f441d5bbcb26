import { KeyRound, Link2, UtensilsCrossed, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from '../../ui/class-names.ts';
import { FormattedMessage } from 'react-intl';
import { intl } from '../../i18n/intl.ts';

export type SetupStep = 'pair' | 'sign-in' | 'work';

const steps: ReadonlyArray<{ id: SetupStep; title: string; text: string; icon: LucideIcon }> = [
  {
    id: 'pair',
    title: intl.formatMessage({
      id: 'session.setupTablet.pairWithYourVenue',
      defaultMessage: 'Pair with your venue',
    }),
    text: intl.formatMessage({
      id: 'session.setupTablet.oncePerDeviceWith',
      defaultMessage: 'Once per device, with a code from a manager.',
    }),
    icon: Link2,
  },
  {
    id: 'sign-in',
    title: intl.formatMessage({
      id: 'session.setupTablet.staffSignIn',
      defaultMessage: 'Staff sign in',
    }),
    text: intl.formatMessage({
      id: 'session.setupTablet.eachShiftWithA',
      defaultMessage: 'Each shift, with a personal PIN. Switching staff takes a tap.',
    }),
    icon: KeyRound,
  },
  {
    id: 'work',
    title: intl.formatMessage({
      id: 'session.setupTablet.takeOrders',
      defaultMessage: 'Take orders',
    }),
    text: intl.formatMessage({
      id: 'session.setupTablet.tablesKitchenAndPayments',
      defaultMessage: 'Tables, kitchen and payments keep working when the Wi-Fi drops.',
    }),
    icon: UtensilsCrossed,
  },
];

/**
 * The first-run frame: where the tablet is in its set-up (pair → sign in → work) beside the
 * panel for the current step.
 */
export function SetupTablet({
  current,
  panelLabel,
  children,
}: {
  current: SetupStep;
  panelLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto grid w-full max-w-6xl flex-1 gap-6 p-4 sm:p-6 lg:grid-cols-[1fr_minmax(0,32rem)] lg:items-center lg:gap-10 lg:p-10">
      <section aria-labelledby="setup-title" className="flex flex-col gap-5">
        <h1 id="setup-title" className="text-2xl font-bold sm:text-3xl">
          <FormattedMessage
            id="session.setupTablet.setUpThisTablet"
            defaultMessage="Set up this tablet"
          />
        </h1>
        <ol className="flex flex-col gap-3">
          {steps.map((step, index) => (
            <li
              key={step.id}
              aria-current={step.id === current ? 'step' : undefined}
              className={cx(
                'flex items-start gap-4 rounded-card border-2 p-4',
                step.id === current ? 'border-brand bg-surface' : 'border-transparent',
              )}
            >
              <span
                className={cx(
                  'flex size-touch shrink-0 items-center justify-center rounded-full',
                  step.id === current ? 'bg-brand text-white' : 'bg-sunken text-ink-muted',
                )}
              >
                <step.icon aria-hidden className="size-6" />
              </span>
              <div className="flex flex-col">
                <span className="text-lg font-semibold">
                  {index + 1}
                  <FormattedMessage
                    id="session.setupTablet.text"
                    defaultMessage=". {title}"
                    values={{ title: step.title }}
                  />
                </span>
                <span className="text-base text-ink-muted">{step.text}</span>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-label={panelLabel} className="rounded-card bg-surface p-5 shadow-card sm:p-8">
        {children}
      </section>
    </div>
  );
}
