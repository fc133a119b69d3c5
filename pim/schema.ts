/** Every table the PIM owns, for drizzle's relational queries and for the app's combined schema. */
export * from './catalog/catalog.schema.ts';
export * from './media/media.schema.ts';
export * from './completeness/completeness.schema.ts';
export * from './history/history.schema.ts';
export * from './reviews/reviews.schema.ts';
export * from './search/search.schema.ts';
