import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { product } from '../catalog/catalog.schema.ts';

/** A shopper's review of a product; only approved reviews are shown and counted. */
export const review = sqliteTable(
	'review',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		rating: integer('rating').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		nickname: text('nickname').notNull(),
		locale: text('locale').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'rejected'] })
			.notNull()
			.default('pending'),
		rejectReason: text('reject_reason'),
		/** Who approved or rejected it, and when. */
		moderatedBy: text('moderated_by'),
		moderatedAt: text('moderated_at'),
		/** The kiosk device it was written on, if any (rate limits and abuse tracing). */
		deviceId: integer('device_id'),
		createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [index('review_product').on(t.productId, t.status), index('review_status').on(t.status, t.createdAt)]
);
