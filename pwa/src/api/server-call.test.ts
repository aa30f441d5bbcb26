import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { PairDeviceInputSchema, PairingCodeSchema } from './pair-device.ts';
import { classify, describeFailure } from './server-call.ts';

/** An error body exactly as tRPC v11 sends it (see `curl -X POST /trpc/auth.pair`). */
function serverError(message: string, code: string, httpStatus: number) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code, httpStatus, path: 'auth.pair' } },
  });
}

describe('server calls', () => {
  it('a request that never got an answer is "unreachable"', () => {
    const failure = classify(TRPCClientError.from(new TypeError('Failed to fetch')), 'auth.pair');
    expect(failure).toEqual({ kind: 'unreachable' });
  });

  it('a server without the procedure says so, instead of a raw 404', () => {
    const failure = classify(
      serverError('No procedure found on path "pay.tableBill"', 'NOT_FOUND', 404),
      'pay.tableBill',
    );
    expect(failure).toEqual({ kind: 'not-available', path: 'pay.tableBill' });
    expect(describeFailure(failure)).toContain('pay.tableBill is missing');
  });

  it('a refusal carries the server’s own words to the person', () => {
    const failure = classify(
      serverError(
        'That pairing code has expired. Ask a manager for a new one.',
        'BAD_REQUEST',
        400,
      ),
      'auth.pair',
    );
    expect(failure).toEqual({
      kind: 'refused',
      code: 'BAD_REQUEST',
      message: 'That pairing code has expired. Ask a manager for a new one.',
    });
    expect(describeFailure(failure)).toBe(
      'That pairing code has expired. Ask a manager for a new one.',
    );
  });

  it('a server failure keeps its status', () => {
    const failure = classify(serverError('boom', 'INTERNAL_SERVER_ERROR', 500), 'auth.pair');
    expect(failure).toEqual({ kind: 'server-error', status: 500, message: 'boom' });
  });
});

describe('pairing input', () => {
  it('accepts a code typed loosely and sends it in the shown form', () => {
    expect(PairingCodeSchema.parse(' k7pq 4qxm ')).toBe('K7PQ-4QXM');
    expect(PairingCodeSchema.parse('K7PQ-4QXM')).toBe('K7PQ-4QXM');
  });

  it('refuses codes that cannot be a pairing code before asking the server', () => {
    expect(PairingCodeSchema.safeParse('K7PQ-4QX').success).toBe(false);
    expect(PairingCodeSchema.safeParse('K7PQ-4QXM-9').success).toBe(false);
    expect(PairDeviceInputSchema.safeParse({ code: 'K7PQ4QXM', deviceName: '   ' }).success).toBe(
      false,
    );
  });
});
