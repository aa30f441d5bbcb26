import { createIntl, createIntlCache, type IntlShape, type MessageDescriptor } from 'react-intl';
import en from './en.json';

/**
 * The language of the tablet app's words. English is the only catalogue today; it is bundled
 * (small, and every screen needs it before its first paint).
 */
export const APP_LOCALE = 'en';

/**
 * The locale numbers, money, percentages and times are written in. `undefined` is the device's
 * own locale, as the app has always formatted them ("14:05" on a German tablet, "2:05 PM" on
 * an American one) — one place to change when the words get a second language.
 */
export const FORMAT_LOCALE: string | undefined = undefined;

const cache = createIntlCache();

/**
 * The one formatter of the app's words, shared by `<RawIntlProvider>` (React) and code outside
 * React (notices written by the sync loop, errors thrown by the session), so both render a
 * message the same way.
 */
export const intl: IntlShape = createIntl(
  { locale: APP_LOCALE, defaultLocale: APP_LOCALE, messages: en },
  cache,
);

/** A message with its values, as the mutation registry describes a change. */
export interface DescribedMessage extends MessageDescriptor {
  id: string;
  defaultMessage: string;
  values?: Readonly<Record<string, string | number>>;
}

/** Formats a message built elsewhere (a descriptor carried as data, not written inline). */
export function formatDescribed(message: DescribedMessage): string {
  return intl.formatMessage(message, message.values);
}
