import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Changes waiting to reach the search index, written in the same transaction as the change.
 * Workers claim rows with a lease; processed rows are kept a while so a rebuild can replay them.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		topic: text('topic', { enum: ['product'] }).notNull(),
		entityId: integer('entity_id').notNull(),
		createdAt: integer('created_at').notNull(),
		availableAt: integer('available_at').notNull(),
		leaseOwner: text('lease_owner'),
		leaseUntil: integer('lease_until'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		processedAt: integer('processed_at')
	},
	(t) => [
		index('outbox_pending').on(t.processedAt, t.availableAt),
		index('outbox_entity').on(t.topic, t.entityId)
	]
);

/**
 * The text a degraded search needs, kept per product by the PIM on every save; an FTS5
 * table (trigram tokenizer, see the custom migration) indexes it through triggers.
 */
export const productSearchText = sqliteTable('product_search_text', {
	productId: integer('product_id').primaryKey(),
	names: text('names').notNull(),
	brand: text('brand').notNull(),
	skus: text('skus').notNull(),
	gtins: text('gtins').notNull(),
	categories: text('categories').notNull(),
	/** Category ids with ancestors, as ",1,4,9," so a LIKE finds one. */
	categoryIds: text('category_ids').notNull(),
	/** Channels the product is visible on, as ",kiosk,web,". */
	channels: text('channels').notNull(),
	updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
});
