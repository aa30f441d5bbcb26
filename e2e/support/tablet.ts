import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { installServiceWorker } from './pwa.ts';

/**
 * Tablets for browser tests: pair a page with the demo venue and sign a staff member in,
 * through the real screens. Pairing codes come from the server itself: the demo venue's code
 * printed at start pairs one helper device (over HTTP, not a browser), whose manager session
 * then creates a fresh single-use code for every tablet a test pairs.
 */

/** The demo seed's staff (sync-server/src/demo/demo-menu.ts), by PIN. */
export const DEMO_STAFF = {
  '1000': { name: 'Olivia Owner', role: 'owner' },
  '2000': { name: 'Max Manager', role: 'manager' },
  '3000': { name: 'Wendy Waiter', role: 'waiter' },
  '3100': { name: 'Walt Waiter', role: 'waiter' },
  '4000': { name: 'Cass Cashier', role: 'cashier' },
  '5000': { name: 'Kit Kitchen', role: 'kitchen' },
} as const;
export type DemoPin = keyof typeof DEMO_STAFF;

const baseUrl = () => {
  const url = process.env.SERVIO_E2E_BASE_URL;
  if (!url) throw new Error('SERVIO_E2E_BASE_URL is not set: run through playwright.config.ts');
  return url;
};

export interface ServerCredentials {
  deviceToken?: string;
  sessionToken?: string;
}

function headers(credentials: ServerCredentials): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(credentials.deviceToken ? { authorization: `Bearer ${credentials.deviceToken}` } : {}),
    ...(credentials.sessionToken ? { 'x-staff-session': credentials.sessionToken } : {}),
  };
}

async function answer<T>(response: Response, path: string): Promise<T> {
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok || !body.result) {
    throw new Error(`${path} answered ${response.status}: ${body.error?.message ?? 'no result'}`);
  }
  return body.result.data;
}

/** A tRPC mutation over plain HTTP (tRPC v11 wire format, no transformer). */
export async function trpcMutation<T>(
  procedure: string,
  input: unknown,
  credentials: ServerCredentials = {},
): Promise<T> {
  const response = await fetch(`${baseUrl()}/trpc/${procedure}`, {
    method: 'POST',
    headers: headers(credentials),
    body: JSON.stringify(input ?? null),
  });
  return answer<T>(response, procedure);
}

/** A tRPC query over plain HTTP. */
export async function trpcQuery<T>(
  procedure: string,
  input: unknown,
  credentials: ServerCredentials = {},
): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${baseUrl()}/trpc/${procedure}${query}`, {
    headers: headers(credentials),
  });
  return answer<T>(response, procedure);
}

/** The pairing code the server printed at start (it seeds the demo venue just after listening). */
async function printedPairingCode(): Promise<string> {
  const log = process.env.SERVIO_E2E_SERVER_LOG;
  if (!log) throw new Error('SERVIO_E2E_SERVER_LOG is not set: run through playwright.config.ts');
  let code: string | undefined;
  await expect
    .poll(
      () => {
        code = existsSync(log)
          ? /pairing code ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(readFileSync(log, 'utf8'))?.[1]
          : undefined;
        return code;
      },
      { message: `the server's start-up lines in ${log} name a pairing code`, timeout: 30_000 },
    )
    .toBeTruthy();
  return code!;
}

export interface HelperDevice {
  venueId: string;
  deviceToken: string;
  /** A manager's server session on the helper device. */
  sessionToken: string;
  staff: { id: string; name: string; role: string }[];
}

let helper: HelperDevice | undefined;

/**
 * The helper device: paired once per run with the printed code, with the demo manager signed
 * in. Kept in a file beside the run's data folder, because the printed code works only once
 * and a later worker process must reuse the device rather than pair again.
 */
export async function helperDevice(): Promise<HelperDevice> {
  if (helper) return helper;
  const file = path.join(path.dirname(process.env.SERVIO_E2E_SERVER_LOG ?? '.'), 'e2e-helper.json');
  if (existsSync(file)) {
    helper = JSON.parse(readFileSync(file, 'utf8')) as HelperDevice;
    return helper;
  }
  const paired = await trpcMutation<{ deviceToken: string; venue: { id: string } }>('auth.pair', {
    code: await printedPairingCode(),
    deviceName: 'Browser tests',
  });
  const staff = await trpcQuery<HelperDevice['staff']>('auth.staff', undefined, {
    deviceToken: paired.deviceToken,
  });
  const manager = staff.find((person) => person.name === DEMO_STAFF['2000'].name);
  if (!manager) throw new Error('The demo venue has no manager to create pairing codes');
  const signedIn = await trpcMutation<{ sessionToken: string }>(
    'auth.signIn',
    { staffId: manager.id, pin: '2000' },
    { deviceToken: paired.deviceToken },
  );
  helper = {
    venueId: paired.venue.id,
    deviceToken: paired.deviceToken,
    sessionToken: signedIn.sessionToken,
    staff,
  };
  writeFileSync(file, JSON.stringify(helper));
  return helper;
}

/** A fresh single-use pairing code for the demo venue. */
export async function newPairingCode(deviceName = 'Test tablet'): Promise<string> {
  const device = await helperDevice();
  const created = await trpcMutation<{ code: string }>(
    'devices.createPairingCode',
    { deviceName },
    { deviceToken: device.deviceToken, sessionToken: device.sessionToken },
  );
  return created.code;
}

export interface PairOptions {
  /** The staff member to sign in (demo PINs); default Wendy Waiter, 3000. */
  pin?: DemoPin;
  deviceName?: string;
  /** Install the service worker first, so the page can reload offline (default true). */
  serviceWorker?: boolean;
}

/**
 * Pair the page's browser (its IndexedDB) with the demo venue through the pairing screen, wait
 * for the first sync, and sign a staff member in with their PIN. Resolves when the staff
 * sign-in has given way to the tablet's screens.
 */
export async function pairTablet(page: Page, options: PairOptions = {}): Promise<void> {
  const deviceName = options.deviceName ?? `Tablet ${Math.random().toString(36).slice(2, 7)}`;
  const code = await newPairingCode(deviceName);
  if (options.serviceWorker ?? true) await installServiceWorker(page, '/');
  else await page.goto('/');
  await page.getByLabel('Pairing code').fill(code);
  await page.getByLabel('Device name').fill(deviceName);
  await page.getByRole('button', { name: 'Pair this device' }).click();
  await signIn(page, options.pin ?? '3000');
}

/** On the staff sign-in screen: tap the person, type the PIN, and wait to be let in. */
export async function signIn(page: Page, pin: DemoPin): Promise<void> {
  const person = DEMO_STAFF[pin];
  // The staff list arrives with the first sync after pairing.
  await page
    .getByRole('list', { name: 'Staff' })
    .getByRole('button', { name: new RegExp(`^${person.name}`) })
    .click({ timeout: 30_000 });
  await page.getByLabel(`PIN for ${person.name}`).fill(pin);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Hello, |^Who is working\?$/ })).toHaveCount(0, {
    timeout: 15_000,
  });
}

/** The status bar's sync summary ("All synced", "3 changes waiting", "Syncing…"). */
export function syncSummary(page: Page) {
  return page
    .getByRole('banner')
    .getByRole('status')
    .filter({
      hasText: /synced|waiting|Syncing|Sync stopped/,
    });
}

/** Wait until the status bar says every change is synced. */
export async function expectAllSynced(page: Page, timeout = 20_000): Promise<void> {
  await expect(syncSummary(page)).toContainText('All synced', { timeout });
}

/** What the server holds for the demo venue, read like a fresh tablet would (a cursor-0 pull). */
export async function serverRows(): Promise<{
  orders: { id: string; number: string; status: string; totalMinor: number; paidMinor: number }[];
  orderLines: { id: string; orderId: string; quantity: number; status: string }[];
  payments: { id: string; orderId: string; amountMinor: number; method: string }[];
}> {
  const device = await helperDevice();
  const pulled = await trpcQuery<{
    status: string;
    rows: Record<string, { upserts: unknown[] } | undefined>;
  }>(
    'sync.pull',
    {
      protocolVersion: 1,
      clientId: crypto.randomUUID(),
      cursor: 0,
      pendingCount: 0,
    },
    { deviceToken: device.deviceToken },
  );
  if (pulled.status !== 'ok') throw new Error(`sync.pull answered ${pulled.status}`);
  const rows = (table: string) => (pulled.rows[table]?.upserts ?? []) as never[];
  return { orders: rows('orders'), orderLines: rows('orderLines'), payments: rows('payments') };
}
