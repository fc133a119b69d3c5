import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { product } from '../catalog/catalog.schema.ts';

/** One row per save of a product: the state that save replaced, who saved and when. */
export const productVersion = sqliteTable(
	'product_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		/** The revision this save produced. */
		revision: integer('revision').notNull(),
		/** The full product state before the save; null for the save that created the product. */
		previous: text('previous', { mode: 'json' }).$type<unknown>(),
		author: text('author').notNull(),
		comment: text('comment'),
		createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [index('product_version_product').on(t.productId, t.revision)]
);
