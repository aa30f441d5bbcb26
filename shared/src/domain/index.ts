export * from './common.ts';
export * from './venue.ts';
export * from './menu.ts';
export * from './order.ts';
export * from './payment.ts';
export * from './tables.ts';
