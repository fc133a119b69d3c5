/**
 * The PIM: the catalog model and its rules, framework-free. Everything here takes the
 * database as its first argument; `src/lib/server/pim.ts` wires it to the app.
 */
export * from './shared/errors.ts';
export { inTransaction, type PimDb } from './db.ts';
export * from './catalog/gtin.ts';
export * from './catalog/input.ts';
export * from './catalog/definition.ts';
export * from './catalog/values.ts';
export * from './catalog/structure.ts';
export * from './catalog/structure-edit.ts';
export * from './catalog/products.ts';
export * from './catalog/product-list.ts';
export * from './catalog/bulk.ts';
export * from './history/history.ts';
export * from './completeness/completeness.ts';
export * from './media/media.ts';
export * from './media/model3d.ts';
export * from './reviews/reviews.ts';
export * from './search/outbox.ts';
export * from './search/product-view.ts';
export * from './search/search-text.ts';
export * from './media/usdz.ts';
export * from './exchange/index.ts';
