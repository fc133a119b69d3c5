import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { product, variant, type LocalizedText } from '../catalog/catalog.schema.ts';

/** A stored file: an image (kept in several sizes and formats) or a glTF binary 3D model. */
export const media = sqliteTable(
	'media',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: ['image', 'model3d'] }).notNull(),
		/** SHA-256 of the original upload, hex. */
		checksum: text('checksum').notNull(),
		/** Path under the media directory, without size suffix or extension. */
		file: text('file').notNull(),
		mime: text('mime').notNull(),
		bytes: integer('bytes').notNull(),
		width: integer('width'),
		height: integer('height'),
		createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
	},
	(t) => [uniqueIndex('media_checksum').on(t.kind, t.checksum)]
);

/** Media attached to a product, or to one of its variants (e.g. the images of one colour). */
export const productMedia = sqliteTable(
	'product_media',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		variantId: integer('variant_id').references(() => variant.id, { onDelete: 'cascade' }),
		mediaId: integer('media_id')
			.notNull()
			.references(() => media.id, { onDelete: 'restrict' }),
		role: text('role', { enum: ['image', 'model3d'] }).notNull(),
		position: integer('position').notNull().default(0),
		alt: text('alt', { mode: 'json' }).$type<LocalizedText>().notNull()
	},
	(t) => [index('product_media_product').on(t.productId), index('product_media_role').on(t.role, t.productId)]
);
