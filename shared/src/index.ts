// @servio/shared: the domain both the server and the tablet are built on. Pure
// TypeScript, no I/O. The in-memory store for tests is at
// '@servio/shared/mutators/memory-store'.
export * from './ids.ts';
export * from './money.ts';
export * from './currency.ts';
export * from './splits.ts';
export * from './domain/index.ts';
export * from './business-day.ts';
export * from './order-number.ts';
export * from './rejections.ts';
export * from './totals.ts';
export * from './order-machine.ts';
export * from './permissions.ts';
export * from './mutations.ts';
export * from './protocol.ts';
export * from './text.ts';
export * from './mutators/index.ts';
