import { describe, expect, it } from 'vitest';
import { formatCardNumber, formatExpiry, luhnValid, readCard } from './card-input.ts';

const now = new Date(2026, 10, 20);

describe('the local card form’s checks', () => {
  it('formats numbers as people read them from the card', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('4242-4242 42')).toBe('4242 4242 42');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatExpiry('1228')).toBe('12 / 28');
    expect(formatExpiry('4')).toBe('04');
    expect(formatExpiry('12')).toBe('12');
  });

  it('accepts Stripe’s test cards and refuses a mistyped digit', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4000002500003155')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
  });

  it('reads a valid card into what Stripe’s confirm call takes', () => {
    expect(readCard({ number: '4242 4242 4242 4242', expiry: '12 / 28', cvc: '123' }, now)).toEqual(
      {
        ok: true,
        card: { number: '4242424242424242', expMonth: 12, expYear: 2028, cvc: '123' },
      },
    );
  });

  it('names what is wrong with each field', () => {
    expect(readCard({ number: '', expiry: '', cvc: '' }, now)).toEqual({
      ok: false,
      errors: {
        number: 'Enter the card number.',
        expiry: 'Enter the expiry date.',
        cvc: 'Enter the security code.',
      },
    });
    expect(readCard({ number: '4242 4242 4242 4241', expiry: '13 / 28', cvc: '12' }, now)).toEqual({
      ok: false,
      errors: {
        number: 'This card number is not valid.',
        expiry: 'Enter the expiry date as MM / YY.',
        cvc: 'The security code has 3 digits.',
      },
    });
    expect(readCard({ number: '4242424242424242', expiry: '10 / 26', cvc: '123' }, now)).toEqual({
      ok: false,
      errors: { expiry: 'This card has expired.' },
    });
    expect(
      readCard({ number: '3782 822463 10005', expiry: '11 / 26', cvc: '123' }, now),
    ).toMatchObject({ ok: false, errors: { cvc: 'The security code has 4 digits.' } });
  });
});
