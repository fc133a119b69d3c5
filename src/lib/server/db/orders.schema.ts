import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { variant } from '../../../../pim/catalog/catalog.schema.ts';
import { user } from './auth.schema.ts';
import { location, store } from './store.schema.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * A shopper's cart on one screen, behind an http-only cookie that holds a random token
 * (only its SHA-256 is stored). The kiosk's idle reset deletes it. When an associate builds
 * the cart with a customer, it carries the associate.
 */
export const cart = sqliteTable(
	'cart',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		storeId: integer('store_id').references(() => store.id, { onDelete: 'cascade' }),
		associateId: integer('associate_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: text('created_at').notNull().default(now),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [index('cart_updated').on(t.updatedAt)]
);

export const cartLine = sqliteTable(
	'cart_line',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cartId: integer('cart_id')
			.notNull()
			.references(() => cart.id, { onDelete: 'cascade' }),
		variantId: integer('variant_id')
			.notNull()
			.references(() => variant.id, { onDelete: 'cascade' }),
		quantity: integer('quantity').notNull(),
		addedAt: text('added_at').notNull().default(now)
	},
	(t) => [index('cart_line_cart').on(t.cartId), check('cart_line_quantity', sql`${t.quantity} > 0`)]
);

export const ORDER_STATUSES = ['placed', 'paid', 'allocated', 'shipped', 'delivered', 'ready', 'collected', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * An endless-aisle order: what the shelf lacked, for home delivery or collection in a store.
 * Customer details live only here and are erased after the retention period (`erasedAt`),
 * keeping the order's figures.
 */
export const customerOrder = sqliteTable(
	'customer_order',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** What the shopper and the associate read out: short, unambiguous characters. */
		code: text('code').notNull().unique(),
		/** SHA-256 of the secret in the phone status link. */
		statusTokenHash: text('status_token_hash').notNull().unique(),
		/** The client's key for this submission: a repeat returns the same order. */
		idempotencyKey: text('idempotency_key').notNull().unique(),
		storeId: integer('store_id')
			.notNull()
			.references(() => store.id, { onDelete: 'restrict' }),
		channel: text('channel', { enum: ['kiosk', 'associate', 'api'] }).notNull(),
		associateId: integer('associate_id').references(() => user.id, { onDelete: 'set null' }),
		status: text('status', { enum: ORDER_STATUSES }).notNull().default('placed'),
		fulfilment: text('fulfilment', { enum: ['delivery', 'collect'] }).notNull(),
		currency: text('currency').notNull(),
		/** Minor units. */
		subtotal: integer('subtotal').notNull(),
		shippingFee: integer('shipping_fee').notNull(),
		tax: integer('tax').notNull(),
		total: integer('total').notNull(),
		customerName: text('customer_name'),
		customerEmail: text('customer_email'),
		customerPhone: text('customer_phone'),
		/** Delivery address: line1, line2, city, region, postalCode, country. */
		address: text('address', { mode: 'json' }).$type<Record<string, string> | null>(),
		locale: text('locale').notNull(),
		posReference: text('pos_reference'),
		/** An unpaid order is cancelled, and its stock released, after this time. */
		expiresAt: text('expires_at').notNull(),
		erasedAt: text('erased_at'),
		createdAt: text('created_at').notNull().default(now),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		index('order_store_status').on(t.storeId, t.status, t.createdAt),
		index('order_status_expires').on(t.status, t.expiresAt),
		index('order_email').on(t.customerEmail),
		index('order_phone').on(t.customerPhone)
	]
);

/** One shipment per source location, with its fee and estimated date. */
export const shipment = sqliteTable(
	'shipment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => customerOrder.id, { onDelete: 'cascade' }),
		locationId: integer('location_id')
			.notNull()
			.references(() => location.id, { onDelete: 'restrict' }),
		fee: integer('fee').notNull(),
		estimatedDate: text('estimated_date').notNull(),
		carrier: text('carrier'),
		trackingNumber: text('tracking_number'),
		shippedAt: text('shipped_at')
	},
	(t) => [index('shipment_order').on(t.orderId)]
);

export const orderLine = sqliteTable(
	'order_line',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => customerOrder.id, { onDelete: 'cascade' }),
		shipmentId: integer('shipment_id').references(() => shipment.id, { onDelete: 'set null' }),
		variantId: integer('variant_id').references(() => variant.id, { onDelete: 'set null' }),
		/** Where the units are reserved (and later taken from). */
		locationId: integer('location_id')
			.notNull()
			.references(() => location.id, { onDelete: 'restrict' }),
		sku: text('sku').notNull(),
		name: text('name').notNull(),
		quantity: integer('quantity').notNull(),
		unitPrice: integer('unit_price').notNull(),
		returnedQuantity: integer('returned_quantity').notNull().default(0)
	},
	(t) => [index('order_line_order').on(t.orderId), check('order_line_quantity', sql`${t.quantity} > 0 AND ${t.returnedQuantity} <= ${t.quantity}`)]
);

/** Every change of an order: who, when, why. */
export const orderEvent = sqliteTable(
	'order_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => customerOrder.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		actor: text('actor').notNull(),
		reason: text('reason'),
		data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('order_event_order').on(t.orderId)]
);

/** A return of some of an order's lines in a store, with the refund recorded. */
export const orderReturn = sqliteTable(
	'order_return',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id')
			.notNull()
			.references(() => customerOrder.id, { onDelete: 'cascade' }),
		storeId: integer('store_id')
			.notNull()
			.references(() => store.id, { onDelete: 'restrict' }),
		reason: text('reason').notNull(),
		refund: integer('refund').notNull(),
		refundReference: text('refund_reference'),
		lines: text('lines', { mode: 'json' }).$type<{ lineId: number; quantity: number; restocked: boolean }[]>().notNull(),
		actor: text('actor').notNull(),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('order_return_order').on(t.orderId)]
);

/** Messages sent to customers (confirmation, shipping, ready, cancelled), and whether they went. */
export const outgoingMessage = sqliteTable(
	'outgoing_message',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orderId: integer('order_id').references(() => customerOrder.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		recipient: text('recipient'),
		subject: text('subject').notNull(),
		status: text('status', { enum: ['pending', 'sent', 'written', 'failed'] }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		error: text('error'),
		createdAt: text('created_at').notNull().default(now),
		sentAt: text('sent_at')
	},
	(t) => [index('outgoing_message_status').on(t.status)]
);

/**
 * A cart carried from a kiosk to the shopper's phone by QR code: a short-lived, single-use
 * token (only its SHA-256 stored) with a copy of the lines and the store they were chosen in.
 */
export const cartHandoff = sqliteTable(
	'cart_handoff',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		storeId: integer('store_id').references(() => store.id, { onDelete: 'cascade' }),
		lines: text('lines', { mode: 'json' }).$type<{ variantId: number; quantity: number }[]>().notNull(),
		expiresAt: text('expires_at').notNull(),
		usedAt: text('used_at'),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('cart_handoff_expires').on(t.expiresAt)]
);
