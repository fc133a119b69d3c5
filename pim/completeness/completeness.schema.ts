import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { product } from '../catalog/catalog.schema.ts';

/** Completeness of a product per channel and locale, stored so lists can filter on it at scale. */
export const completeness = sqliteTable(
	'completeness',
	{
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		channel: text('channel').notNull(),
		locale: text('locale').notNull(),
		required: integer('required').notNull(),
		/** Percentage 0–100, rounded down, so 100 means nothing is missing. */
		ratio: integer('ratio').notNull(),
		missing: text('missing', { mode: 'json' }).$type<string[]>().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.productId, t.channel, t.locale] }),
		index('completeness_filter_product').on(t.channel, t.locale, t.ratio, t.productId)
	]
);
