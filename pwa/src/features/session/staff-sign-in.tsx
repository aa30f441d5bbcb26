import type { StaffId, StaffRole } from '@servio/shared';
import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowLeft, UserRound, WifiOff } from 'lucide-react';
import { useState } from 'react';
import { PinPad } from '../../ui/pin-pad.tsx';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { Notice } from '../../ui/notice.tsx';
import { db } from '../../data/db.ts';
import { useConnectivity } from '../../lib/connectivity.ts';
import type { Session } from '../../session/use-session.ts';

const roleNames: Record<StaffRole, string> = {
  waiter: 'Waiter',
  cashier: 'Cashier',
  kitchen: 'Kitchen',
  manager: 'Manager',
  owner: 'Owner',
};

interface Person {
  id: StaffId;
  name: string;
  role: StaffRole;
}

/**
 * Staff sign-in and the quick switch between staff: tap your name, type your PIN. Works
 * offline against the PINs this tablet has synced; online the server checks it too.
 */
export function StaffSignIn({ session }: { session: Session }) {
  const connection = useConnectivity();
  const people = useLiveQuery(
    async () =>
      (await db.staff.toArray())
        .filter((row) => row.deletedAt === null && row.active)
        .map((row): Person => ({ id: row.id, name: row.name, role: row.role }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
  const [chosen, setChosen] = useState<Person | null>(null);
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    if (!chosen || checking || pin.length < 4) return;
    setChecking(true);
    setFailure(null);
    try {
      const result = await session.signIn(pin, chosen.id);
      if (!result.ok) {
        setFailure(result.message);
        setPin('');
      }
    } catch (error) {
      setFailure(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setChecking(false);
    }
  }

  const offline = connection.reachability === 'offline';
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-5 p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {chosen ? `Hello, ${chosen.name}` : 'Who is working?'}
        </h1>
        <p className="text-base text-ink-muted">
          {chosen
            ? 'Type your PIN.'
            : `Tap your name to sign in on ${session.device?.deviceName ?? 'this tablet'} at ${session.device?.venue.name ?? 'the venue'}.`}
        </p>
      </div>

      {offline ? (
        <Notice tone="warn" title="Offline">
          <span className="inline-flex items-center gap-2">
            <WifiOff aria-hidden className="size-5" />
            Your PIN is checked on this tablet; orders sync when the connection is back.
          </span>
        </Notice>
      ) : null}

      {chosen ? (
        <div className="flex flex-col items-center gap-4 rounded-card bg-surface p-5 shadow-card">
          <PinPad
            label={`PIN for ${chosen.name}`}
            value={pin}
            onChange={(next) => {
              setPin(next);
              setFailure(null);
            }}
            onSubmit={() => void submit()}
            isInvalid={failure !== null}
            isDisabled={checking}
          />
          {failure ? (
            <Notice tone="danger" title="Not signed in" className="w-full max-w-xs">
              {failure}
            </Notice>
          ) : null}
          <div className="flex w-full max-w-xs flex-col gap-2">
            <Button
              size="lg"
              isPending={checking}
              isDisabled={pin.length < 4}
              onPress={() => void submit()}
            >
              {checking ? 'Checking…' : 'Sign in'}
            </Button>
            <Button
              variant="quiet"
              onPress={() => {
                setChosen(null);
                setPin('');
                setFailure(null);
              }}
            >
              <ArrowLeft aria-hidden className="size-5" />
              Someone else
            </Button>
          </div>
        </div>
      ) : people === undefined ? (
        <p role="status" className="text-lg text-ink-muted">
          Loading staff…
        </p>
      ) : people.length === 0 ? (
        <Notice tone="warn" title="No staff on this tablet yet">
          The staff list arrives with the first sync. Connect to the venue&apos;s network.
        </Notice>
      ) : (
        <ul aria-label="Staff" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {people.map((person) => (
            <li key={person.id}>
              <Button
                variant="secondary"
                size="lg"
                onPress={() => setChosen(person)}
                className={cx('h-full min-h-24 w-full flex-col items-start! gap-1 p-4 text-left')}
              >
                <span className="inline-flex items-center gap-2 text-lg font-bold">
                  <UserRound aria-hidden className="size-5" />
                  {person.name}
                </span>
                <span className="text-sm font-normal text-ink-muted">{roleNames[person.role]}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
