import { CircleCheck, KeyRound, Link2, UtensilsCrossed, type LucideIcon } from 'lucide-react';
import { useState } from 'react';
import type { PairedDevice } from '../../api/pair-device.ts';
import { cx } from '../../components/ui/class-names.ts';
import { PairingForm } from './pairing-form.tsx';

type Step = 'pair' | 'sign-in' | 'work';

const steps: ReadonlyArray<{ id: Step; title: string; text: string; icon: LucideIcon }> = [
  {
    id: 'pair',
    title: 'Pair with your venue',
    text: 'Once per device, with a code from a manager.',
    icon: Link2,
  },
  {
    id: 'sign-in',
    title: 'Staff sign in',
    text: 'Each shift, with a personal PIN. Switching staff takes a tap.',
    icon: KeyRound,
  },
  {
    id: 'work',
    title: 'Take orders',
    text: 'Tables, kitchen and payments keep working when the Wi-Fi drops.',
    icon: UtensilsCrossed,
  },
];

/**
 * The tablet's start screen. A new device is paired first; the staff PIN sign-in and the floor
 * plan follow once the device holds its token (they come with the sync client, which stores it).
 */
export function PosEntry() {
  const [paired, setPaired] = useState<PairedDevice | null>(null);
  const current: Step = paired ? 'sign-in' : 'pair';

  return (
    <div className="mx-auto grid w-full max-w-6xl flex-1 gap-6 p-4 sm:p-6 lg:grid-cols-[1fr_minmax(0,32rem)] lg:items-center lg:gap-10 lg:p-10">
      <section aria-labelledby="setup-title" className="flex flex-col gap-5">
        <h1 id="setup-title" className="text-2xl font-bold sm:text-3xl">
          Set up this tablet
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
                  {index + 1}. {step.title}
                </span>
                <span className="text-base text-ink-muted">{step.text}</span>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section
        aria-label={paired ? 'Device paired' : 'Pair this device'}
        className="rounded-card bg-surface p-5 shadow-card sm:p-8"
      >
        {paired ? <PairedSummary device={paired} /> : <PairingForm onPaired={setPaired} />}
      </section>
    </div>
  );
}

function PairedSummary({ device }: { device: PairedDevice }) {
  return (
    <div role="status" className="flex flex-col items-start gap-3">
      <CircleCheck aria-hidden className="size-10 text-ok" />
      <h2 className="text-xl font-bold">Paired with {device.venue.name}</h2>
      <p className="text-base text-ink-muted">
        The server accepted this device. Staff sign-in opens here once the device has loaded the
        venue&apos;s staff and menu.
      </p>
    </div>
  );
}
