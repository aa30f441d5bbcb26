import { FORMAT_LOCALE } from '../i18n/intl.ts';

const clockFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "14:05" (or "2:05 PM"), in the device's locale. */
export function formatClock(epochMs: number): string {
  return clockFormat.format(epochMs);
}

export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(epochMs);
}

/** Storage sizes for people: "12.4 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
