/** The app's whole schema: the PIM's tables and the store side's. */
export * from '../../../../pim/schema.ts';
export * from './store.schema.ts';
export * from './kiosk.schema.ts';
export * from './meta.schema.ts';
export * from './auth.schema.ts';
export * from './tuning.schema.ts';
export * from './orders.schema.ts';
export * from './analytics.schema.ts';
