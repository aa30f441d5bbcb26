import { z } from 'zod';
import { callMutation } from './server-call.ts';

/** The server procedure that exchanges a manager's pairing code for a device token. */
export const PAIR_DEVICE_PROCEDURE = 'auth.pair';

/**
 * Pairing codes are 8 letters and digits, shown as "K7PQ-4QXM" and typed by hand: accept them
 * with spaces, dashes or lower case, and send them in the shown form.
 */
export const PairingCodeSchema = z
  .string()
  .transform((code) => code.toUpperCase().replace(/[^0-9A-Z]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z]{8}$/, 'The pairing code has 8 letters and digits'))
  .transform((code) => `${code.slice(0, 4)}-${code.slice(4)}`);

export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Give this device a name, such as "Bar tablet"')
  .max(60, 'Keep the name under 60 characters');

export const PairDeviceInputSchema = z.object({
  code: PairingCodeSchema,
  deviceName: DeviceNameSchema,
});
export type PairDeviceInput = z.input<typeof PairDeviceInputSchema>;

const PairedDeviceSchema = z.object({
  deviceId: z.string().min(1),
  /** Long random secret; the server keeps only its hash. */
  deviceToken: z.string().min(16),
  /** This device's letter in human order numbers (A12, B7…). */
  letter: z.string().min(1),
  venue: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    currency: z.string().length(3),
    timezone: z.string().min(1),
  }),
});
export type PairedDevice = z.infer<typeof PairedDeviceSchema>;

/**
 * Pair this device with a venue. Throws `ServerCallError` (unreachable, refused with the
 * server's reason, or not available on an older server). Keeping the token on the device is
 * the sync client's job: it owns the device's local database.
 */
export async function pairDevice(input: PairDeviceInput): Promise<PairedDevice> {
  const valid = PairDeviceInputSchema.parse(input);
  return callMutation(PAIR_DEVICE_PROCEDURE, valid, PairedDeviceSchema);
}
