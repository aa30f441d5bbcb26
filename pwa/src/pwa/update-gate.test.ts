import { describe, expect, it, vi } from 'vitest';
import { createUpdateGate } from './update-gate.tsx';

describe('update gate', () => {
  it('holds updates while any screen holds it, and opens when the last one lets go', () => {
    const gate = createUpdateGate();
    const releaseOrder = gate.block('An order is open');
    const releasePayment = gate.block('A payment is being taken');
    expect(gate.getBlockers()).toEqual(['An order is open', 'A payment is being taken']);
    releaseOrder();
    expect(gate.getBlockers()).toEqual(['A payment is being taken']);
    releasePayment();
    expect(gate.getBlockers()).toEqual([]);
  });

  it('two holds with the same reason are separate, and releasing twice is harmless', () => {
    const gate = createUpdateGate();
    const first = gate.block('An order is open');
    gate.block('An order is open');
    first();
    first();
    expect(gate.getBlockers()).toEqual(['An order is open']);
  });

  it('keeps the same blockers array between changes (safe for useSyncExternalStore)', () => {
    const gate = createUpdateGate();
    const listener = vi.fn();
    gate.subscribe(listener);
    const before = gate.getBlockers();
    expect(gate.getBlockers()).toBe(before);
    gate.block('An order is open');
    expect(gate.getBlockers()).not.toBe(before);
    expect(listener).toHaveBeenCalledOnce();
  });
});
