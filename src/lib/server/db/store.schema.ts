import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text
} from 'drizzle-orm/sqlite-core';
import { variant } from '../../../../pim/catalog/catalog.schema.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A shop of the retailer, where kiosks stand. */
export const store = sqliteTable('store', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	street: text('street').notNull(),
	city: text('city').notNull(),
	region: text('region'),
	postalCode: text('postal_code').notNull(),
	country: text('country').notNull(),
	latitude: real('latitude').notNull(),
	longitude: real('longitude').notNull(),
	currency: text('currency').notNull(),
	/** Sales tax in basis points (825 = 8.25 %). */
	taxRateBp: integer('tax_rate_bp').notNull(),
	/** Whether prices are shown with tax included (EU) or tax added at the counter (US). */
	taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull().default(false),
	timezone: text('timezone').notNull(),
	openingHours: text('opening_hours', { mode: 'json' }).$type<Record<string, string>>(),
	createdAt: text('created_at').notNull().default(now)
});

/** A place that holds stock: a store's shelves or a warehouse. */
export const location = sqliteTable('location', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	kind: text('kind', { enum: ['store', 'warehouse'] }).notNull(),
	storeId: integer('store_id').references(() => store.id, { onDelete: 'restrict' }),
	name: text('name').notNull(),
	latitude: real('latitude').notNull(),
	longitude: real('longitude').notNull(),
	/** Whether this location ships orders to customers. */
	ships: integer('ships', { mode: 'boolean' }).notNull().default(false),
	/** Units per variant held back from what other locations may promise. */
	safetyStock: integer('safety_stock').notNull().default(0)
});

/** Stock of one variant at one location; availability is on hand minus reserved. */
export const inventory = sqliteTable(
	'inventory',
	{
		locationId: integer('location_id')
			.notNull()
			.references(() => location.id, { onDelete: 'cascade' }),
		variantId: integer('variant_id')
			.notNull()
			.references(() => variant.id, { onDelete: 'cascade' }),
		onHand: integer('on_hand').notNull().default(0),
		reserved: integer('reserved').notNull().default(0),
		aisle: text('aisle'),
		bay: text('bay'),
		/** Sequence of the last stock update from a till or ERP; an update with a lower one is stale and ignored. */
		sourceSeq: integer('source_seq'),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		primaryKey({ columns: [t.locationId, t.variantId] }),
		index('inventory_variant').on(t.variantId),
		check('inventory_non_negative', sql`${t.onHand} >= 0 AND ${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`)
	]
);
