import { sql } from 'drizzle-orm';
import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

/** Localized text: locale code → string. */
export type LocalizedText = Record<string, string>;

/**
 * Product values in Akeneo's raw-values layout:
 * attribute code → channel code (or '*') → locale code (or '*') → data.
 */
export type RawValues = Record<string, Record<string, Record<string, unknown>>>;

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const locale = sqliteTable('locale', {
	code: text('code').primaryKey(),
	label: text('label').notNull(),
	fallback: integer('fallback', { mode: 'boolean' }).notNull().default(false),
	position: integer('position').notNull().default(0)
});

export const channel = sqliteTable('channel', {
	code: text('code').primaryKey(),
	label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
	locales: text('locales', { mode: 'json' }).$type<string[]>().notNull(),
	currencies: text('currencies', { mode: 'json' }).$type<string[]>().notNull()
});

export const attribute = sqliteTable('attribute', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	type: text('type', {
		enum: [
			'text',
			'richtext',
			'number',
			'boolean',
			'select',
			'multiselect',
			'price',
			'measurement',
			'date',
			'image',
			'model3d'
		]
	}).notNull(),
	label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
	localizable: integer('localizable', { mode: 'boolean' }).notNull().default(false),
	perChannel: integer('per_channel', { mode: 'boolean' }).notNull().default(false),
	unit: text('unit'),
	position: integer('position').notNull().default(0),
	updatedAt: text('updated_at').notNull().default(now)
});

export const attributeOption = sqliteTable(
	'attribute_option',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		attributeId: integer('attribute_id')
			.notNull()
			.references(() => attribute.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
		hex: text('hex'),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('attribute_option_code').on(t.attributeId, t.code)]
);

export const family = sqliteTable('family', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
	updatedAt: text('updated_at').notNull().default(now)
});

/** An attribute of a family, the variant level it lives on (0 = product) and whether it is that level's axis. */
export const familyAttribute = sqliteTable(
	'family_attribute',
	{
		familyId: integer('family_id')
			.notNull()
			.references(() => family.id, { onDelete: 'cascade' }),
		attributeId: integer('attribute_id')
			.notNull()
			.references(() => attribute.id, { onDelete: 'restrict' }),
		level: integer('level').notNull().default(0),
		axis: integer('axis', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.familyId, t.attributeId] })]
);

/** Which attributes a family requires on which channel: the basis of completeness. */
export const familyRequirement = sqliteTable(
	'family_requirement',
	{
		familyId: integer('family_id')
			.notNull()
			.references(() => family.id, { onDelete: 'cascade' }),
		attributeId: integer('attribute_id')
			.notNull()
			.references(() => attribute.id, { onDelete: 'restrict' }),
		channel: text('channel')
			.notNull()
			.references(() => channel.code, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.familyId, t.attributeId, t.channel] })]
);

export const category = sqliteTable(
	'category',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => category.id, { onDelete: 'restrict' }),
		label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('category_parent').on(t.parentId)]
);

export const product = sqliteTable(
	'product',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		code: text('code').notNull().unique(),
		familyId: integer('family_id')
			.notNull()
			.references(() => family.id, { onDelete: 'restrict' }),
		status: text('status', { enum: ['draft', 'published', 'archived'] })
			.notNull()
			.default('draft'),
		values: text('values', { mode: 'json' }).$type<RawValues>().notNull(),
		revision: integer('revision').notNull().default(1),
		createdAt: text('created_at').notNull().default(now),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		// The PIM's product list filters and sorts on these at 100,000 products.
		index('product_family_status').on(t.familyId, t.status, t.updatedAt),
		index('product_status_updated').on(t.status, t.updatedAt),
		index('product_updated').on(t.updatedAt)
		// Sorting by name uses an expression index drizzle-kit cannot write: drizzle/0004_product_name_index.sql.
	]
);

export const productCategory = sqliteTable(
	'product_category',
	{
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		categoryId: integer('category_id')
			.notNull()
			.references(() => category.id, { onDelete: 'restrict' })
	},
	(t) => [
		primaryKey({ columns: [t.productId, t.categoryId] }),
		index('product_category_category_product').on(t.categoryId, t.productId)
	]
);

/**
 * A variant node of a product: level 1 (e.g. a colour) or level 2 (e.g. a size under it).
 * Leaves are sellable and carry SKU, GTIN and prices; a simple product has one sellable variant.
 */
export const variant = sqliteTable(
	'variant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		productId: integer('product_id')
			.notNull()
			.references(() => product.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id').references((): AnySQLiteColumn => variant.id, { onDelete: 'cascade' }),
		level: integer('level').notNull(),
		code: text('code').notNull().unique(),
		sellable: integer('sellable', { mode: 'boolean' }).notNull(),
		/** GTIN normalized to 14 digits, so EAN-13, UPC-A and UPC-E scans find the same variant. */
		gtin: text('gtin').unique(),
		axes: text('axes', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		values: text('values', { mode: 'json' }).$type<RawValues>().notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('variant_product').on(t.productId), index('variant_parent').on(t.parentId)]
);

/** Price of a sellable variant in one currency, in minor units, with an optional dated sale price. */
export const price = sqliteTable(
	'price',
	{
		variantId: integer('variant_id')
			.notNull()
			.references(() => variant.id, { onDelete: 'cascade' }),
		currency: text('currency').notNull(),
		amount: integer('amount').notNull(),
		saleAmount: integer('sale_amount'),
		saleStart: text('sale_start'),
		saleEnd: text('sale_end')
	},
	(t) => [primaryKey({ columns: [t.variantId, t.currency] })]
);
