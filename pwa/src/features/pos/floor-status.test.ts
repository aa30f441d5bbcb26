import { describe, expect, it } from 'vitest';
import { floorStatusOfOrder, floorStatusOfTable, isOnFloor } from './floor-status.ts';

describe('floor status', () => {
  it('follows the order state machine, part-paid meaning a guest is waiting to pay', () => {
    expect(floorStatusOfOrder('open')).toBe('open');
    expect(floorStatusOfOrder('sent')).toBe('sent');
    expect(floorStatusOfOrder('part_paid')).toBe('waiting');
    expect(floorStatusOfOrder('paid')).toBe('paid');
    expect(floorStatusOfOrder('closed')).toBe('free');
    expect(floorStatusOfOrder('void')).toBe('free');
  });

  it('a table with no orders, or only finished ones, is free', () => {
    expect(floorStatusOfTable([])).toBe('free');
    expect(floorStatusOfTable([{ status: 'closed' }, { status: 'void' }])).toBe('free');
  });

  it('a table with several orders shows the most urgent one', () => {
    expect(floorStatusOfTable([{ status: 'paid' }, { status: 'open' }])).toBe('open');
    expect(floorStatusOfTable([{ status: 'sent' }, { status: 'part_paid' }])).toBe('waiting');
    expect(floorStatusOfTable([{ status: 'open' }, { status: 'sent' }])).toBe('sent');
  });

  it('closed, void and tombstoned orders leave the floor', () => {
    expect(isOnFloor({ status: 'paid', deletedAt: null })).toBe(true);
    expect(isOnFloor({ status: 'closed', deletedAt: null })).toBe(false);
    expect(isOnFloor({ status: 'open', deletedAt: '2024-01-01T00:00:00Z' })).toBe(false);
  });
});
