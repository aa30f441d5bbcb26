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
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../i18n/intl.ts';

const roleNames: Record<StaffRole, string> = {
  waiter: intl.formatMessage({ id: 'session.staffSignIn.waiter', defaultMessage: 'Waiter' }),
  cashier: intl.formatMessage({ id: 'session.staffSignIn.cashier', defaultMessage: 'Cashier' }),
  kitchen: intl.formatMessage({ id: 'session.staffSignIn.kitchen', defaultMessage: 'Kitchen' }),
  manager: intl.formatMessage({ id: 'session.staffSignIn.manager', defaultMessage: 'Manager' }),
  owner: intl.formatMessage({ id: 'session.staffSignIn.owner', defaultMessage: 'Owner' }),
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
  const intl = useIntl();
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
      setFailure(
        intl.formatMessage(
          { id: 'session.staffSignIn.signInFailed', defaultMessage: 'Sign-in failed: {value}' },
          { value: error instanceof Error ? error.message : String(error) },
        ),
      );
    } finally {
      setChecking(false);
    }
  }

  const offline = connection.reachability === 'offline';
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-5 p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {chosen ? (
            <FormattedMessage
              id="session.staffSignIn.hello"
              defaultMessage="Hello, {name}"
              values={{ name: chosen.name }}
            />
          ) : (
            <FormattedMessage
              id="session.staffSignIn.whoIsWorking"
              defaultMessage="Who is working?"
            />
          )}
        </h1>
        <p className="text-base text-ink-muted">
          {chosen ? (
            <FormattedMessage
              id="session.staffSignIn.typeYourPin"
              defaultMessage="Type your PIN."
            />
          ) : (
            <FormattedMessage
              id="session.staffSignIn.tapYourNameTo"
              defaultMessage="Tap your name to sign in on {value} at {value2}."
              values={{
                value: session.device?.deviceName ?? 'this tablet',
                value2: session.device?.venue.name ?? 'the venue',
              }}
            />
          )}
        </p>
      </div>

      {offline ? (
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'session.staffSignIn.offline',
            defaultMessage: 'Offline',
          })}
        >
          <span className="inline-flex items-center gap-2">
            <WifiOff aria-hidden className="size-5" />
            <FormattedMessage
              id="session.staffSignIn.yourPinIsChecked"
              defaultMessage="Your PIN is checked on this tablet; orders sync when the connection is back."
            />
          </span>
        </Notice>
      ) : null}

      {chosen ? (
        <div className="flex flex-col items-center gap-4 rounded-card bg-surface p-5 shadow-card">
          <PinPad
            label={intl.formatMessage(
              { id: 'session.staffSignIn.pinFor', defaultMessage: 'PIN for {name}' },
              { name: chosen.name },
            )}
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
            <Notice
              tone="danger"
              title={intl.formatMessage({
                id: 'session.staffSignIn.notSignedIn',
                defaultMessage: 'Not signed in',
              })}
              className="w-full max-w-xs"
            >
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
              {checking ? (
                <FormattedMessage id="session.staffSignIn.checking" defaultMessage="Checking…" />
              ) : (
                <FormattedMessage id="session.staffSignIn.signIn" defaultMessage="Sign in" />
              )}
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
              <FormattedMessage
                id="session.staffSignIn.someoneElse"
                defaultMessage="Someone else"
              />
            </Button>
          </div>
        </div>
      ) : people === undefined ? (
        <p role="status" className="text-lg text-ink-muted">
          <FormattedMessage id="session.staffSignIn.loadingStaff" defaultMessage="Loading staff…" />
        </p>
      ) : people.length === 0 ? (
        <Notice
          tone="warn"
          title={intl.formatMessage({
            id: 'session.staffSignIn.noStaffOnThis',
            defaultMessage: 'No staff on this tablet yet',
          })}
        >
          <FormattedMessage
            id="session.staffSignIn.theStaffListArrives"
            defaultMessage="The staff list arrives with the first sync. Connect to the venue's network."
          />
        </Notice>
      ) : (
        <ul
          aria-label={intl.formatMessage({
            id: 'session.staffSignIn.staff',
            defaultMessage: 'Staff',
          })}
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4"
        >
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
