import { describe, expect, it } from 'vitest';
import { OrderIdSchema, newId, sequentialIdSource, setIdSource, type OrderId } from './ids.ts';

describe('ids', () => {
  it('newId produces UUIDv7 strings that the id schemas accept and that sort by creation', () => {
    const first = newId<OrderId>();
    const second = newId<OrderId>();
    expect(OrderIdSchema.parse(first)).toBe(first);
    expect(first.charAt(14)).toBe('7');
    expect(first < second).toBe(true);
  });

  it('an injected id source makes ids deterministic, and restoring it brings UUIDv7 back', () => {
    const restore = setIdSource(sequentialIdSource(1));
    expect(newId()).toBe('00000001-0000-7000-8000-000000000001');
    expect(newId()).toBe('00000001-0000-7000-8000-000000000002');
    restore();
    expect(newId()).not.toMatch(/^00000001-/);
  });

  it('sequential ids are valid UUIDs for every id schema', () => {
    const next = sequentialIdSource(0xabc);
    for (let i = 0; i < 5; i += 1) expect(OrderIdSchema.safeParse(next()).success).toBe(true);
  });

  it('id schemas refuse what is not a UUID', () => {
    expect(OrderIdSchema.safeParse('order-1').success).toBe(false);
    expect(OrderIdSchema.safeParse(42).success).toBe(false);
  });
});
