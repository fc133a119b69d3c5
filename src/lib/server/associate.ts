import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod, labelIn, loadDefinition, normalizeGtin, readLocalized, ValidationError } from '$pim';
import { product, variant } from '$pim/catalog/catalog.schema.ts';
import { currencyDigits } from '../components/associate/refund.ts';
import type { SessionUser } from './auth.ts';
import type { AppDb } from './db/index.ts';
import { ORDER_STATUSES, type OrderStatus } from './db/orders.schema.ts';
import { inventory, location, store } from './db/store.schema.ts';
import type { OrderView } from './orders/types.ts';

/** The store a console page works for. */
export interface ConsoleStore {
	id: number;
	code: string;
	name: string;
	currency: string;
}

/** Every store, for the admin's store picker. */
export function listStores(db: AppDb): ConsoleStore[] {
	return db.select({ id: store.id, code: store.code, name: store.name, currency: store.currency }).from(store).orderBy(asc(store.code)).all();
}

/**
 * The store the console shows: an associate always works for their home store; an admin
 * picks one (`?store=CODE`), or sees every store when they have not.
 */
export function consoleStoreOf(db: AppDb, user: SessionUser, requested: string | null): ConsoleStore | null {
	const where = user.role === 'associate' ? (user.homeStoreId == null ? null : eq(store.id, user.homeStoreId)) : requested ? eq(store.code, requested) : null;
	if (!where) return null;
	return db.select({ id: store.id, code: store.code, name: store.name, currency: store.currency }).from(store).where(where).get() ?? null;
}

/** Whether a member of staff may change an order (not just read it): their store's, or any for admins. */
export function mayRunOrder(user: SessionUser, order: Pick<OrderView, 'storeCode'>): boolean {
	return user.role === 'admin' || order.storeCode === user.homeStoreCode;
}

// ---------------------------------------------------------------- the order queue

/** Channels an order can come through. */
export const CHANNELS = ['kiosk', 'associate', 'api'] as const;

const blankToUndefined = (v: unknown) => (v === '' || v == null ? undefined : v);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The queue's filters as they arrive in the URL; anything invalid is dropped rather than refused. */
export const orderQueueQuerySchema = z.object({
	status: z.preprocess(blankToUndefined, z.enum(ORDER_STATUSES).optional()).catch(undefined),
	channel: z.preprocess(blankToUndefined, z.enum(CHANNELS).optional()).catch(undefined),
	from: z.preprocess(blankToUndefined, isoDate.optional()).catch(undefined),
	to: z.preprocess(blankToUndefined, isoDate.optional()).catch(undefined),
	q: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()).catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type OrderQueueQuery = z.output<typeof orderQueueQuerySchema>;

/** Reads the queue's filters from URL search parameters. */
export function orderQueueFrom(sp: URLSearchParams): OrderQueueQuery {
	const get = (k: string) => sp.get(k) ?? undefined;
	return orderQueueQuerySchema.parse({ status: get('status'), channel: get('channel'), from: get('from'), to: get('to'), q: get('q'), page: get('page') });
}

// ---------------------------------------------------------------- order actions

/** The actions the detail page offers. */
export type OrderAction = 'markPaid' | 'allocate' | 'ship' | 'markDelivered' | 'markReady' | 'markCollected' | 'cancel' | 'erase' | 'return';

const NEXT: Record<OrderStatus, OrderAction[]> = {
	placed: ['markPaid', 'cancel'],
	paid: ['allocate', 'cancel'],
	allocated: ['cancel'],
	shipped: ['markDelivered', 'return'],
	delivered: ['return'],
	ready: ['markCollected', 'return'],
	collected: ['return'],
	cancelled: []
};

/** Orders whose customer details may be erased at once on request: nothing left to deliver. */
const FINISHED: OrderStatus[] = ['delivered', 'collected', 'cancelled'];

/**
 * What can be done to an order from its status, as the orders module allows it: an
 * allocated order's shipments are sent one by one (to the customer, or to the store for a
 * collection, which then becomes ready); a return while some unit is not yet returned;
 * erasure once the order is finished.
 */
export function actionsFor(order: Pick<OrderView, 'status' | 'fulfilment' | 'customer' | 'lines' | 'shipments'>): OrderAction[] {
	const out = [...NEXT[order.status]];
	if (order.status === 'allocated') {
		if (order.fulfilment === 'collect') out.unshift('markReady');
		if (order.shipments.some((s) => !s.shippedAt)) out.unshift('ship');
	}
	if (out.includes('return') && !order.lines.some((l) => l.returnedQuantity < l.quantity)) out.splice(out.indexOf('return'), 1);
	if (!order.customer.erased && FINISHED.includes(order.status)) out.push('erase');
	return out;
}

/** Carriers the store hands parcels to. */
export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL', 'Royal Mail', 'DPD', 'La Poste', 'China Post', 'Russian Post'] as const;

const required = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

/** Mark paid: the receipt reference of the POS sale. */
export const markPaidFormSchema = z.object({ posReference: required(60) });

/** Ship one shipment: who carries it and its tracking number. */
export const shipFormSchema = z.object({
	shipmentId: z.coerce.number().int().positive(),
	carrier: z.enum(CARRIERS, { error: 'Choose a carrier' }),
	trackingNumber: required(40).regex(/^[A-Za-z0-9 -]+$/, 'Letters, digits, spaces and - only')
});

/** Cancel: why, kept in the order's events and told to the customer. */
export const cancelFormSchema = z.object({ reason: required(500).min(3, 'Say why in a few words') });

/** What the return form asks for, read from its fields; refund in major units as typed. */
export interface ReturnInput {
	lines: { lineId: number; quantity: number; restock: boolean }[];
	reason: string;
	refund: number;
	refundReference?: string;
}

/**
 * Reads the return form (`qty-<lineId>` per line, `reason`, `restock`, `refund` in major
 * units, `refundReference`) against the order: quantities up to what is not yet returned,
 * at least one unit, a refund no larger than what was paid. Issue paths: `lines.<lineId>`,
 * `lines`, `reason`, `refund`, `refundReference`.
 */
export function parseReturnForm(order: Pick<OrderView, 'currency' | 'total' | 'lines'>, form: Record<string, string>): ReturnInput {
	const issues: { path: string; message: string }[] = [];
	const restock = form.restock === 'on' || form.restock === 'yes';
	const lines: ReturnInput['lines'] = [];
	for (const l of order.lines) {
		const raw = (form[`qty-${l.id}`] ?? '').trim();
		if (raw === '' || raw === '0') continue;
		const n = Number(raw);
		const left = l.quantity - l.returnedQuantity;
		if (!Number.isInteger(n) || n < 0) issues.push({ path: `lines.${l.id}`, message: 'Enter a whole number' });
		else if (n > left) issues.push({ path: `lines.${l.id}`, message: `At most ${left}` });
		else lines.push({ lineId: l.id, quantity: n, restock });
	}
	if (lines.length === 0 && issues.length === 0) issues.push({ path: 'lines', message: 'Choose at least one unit to return' });
	const reason = cancelFormSchema.shape.reason.safeParse(form.reason ?? '');
	if (!reason.success) issues.push({ path: 'reason', message: issuesFromZod(reason.error)[0].message });
	const digits = currencyDigits(order.currency);
	const typed = (form.refund ?? '').trim().replace(',', '.');
	const refund = Math.round(Number(typed) * 10 ** digits);
	if (typed === '' || !/^\d+(\.\d+)?$/.test(typed) || !Number.isFinite(refund)) issues.push({ path: 'refund', message: 'Enter an amount, e.g. 12.50' });
	else if (refund > order.total) issues.push({ path: 'refund', message: 'More than the order’s total' });
	const refundReference = (form.refundReference ?? '').trim();
	if (refundReference.length > 60) issues.push({ path: 'refundReference', message: 'At most 60 characters' });
	if (issues.length) throw new ValidationError('Invalid return', issues);
	return { lines, reason: reason.data!, refund, refundReference: refundReference || undefined };
}

// ---------------------------------------------------------------- customer look-up

/** An e-mail (has an @) or a phone number (digits, spaces, +, -, parentheses). */
export const customerLookupSchema = z
	.string()
	.trim()
	.min(1, 'Enter an e-mail address or a phone number')
	.max(120, 'At most 120 characters')
	.transform((v, ctx) => {
		if (v.includes('@')) {
			if (!z.email().safeParse(v).success) ctx.addIssue({ code: 'custom', message: 'Not an e-mail address' });
			return { email: v.toLowerCase() };
		}
		if (!/^\+?[\d\s().-]{5,}$/.test(v)) ctx.addIssue({ code: 'custom', message: 'Not an e-mail address or a phone number' });
		return { phone: v };
	});

// ---------------------------------------------------------------- stock look-up

/** Stock of one variant at one location. */
export interface StockCell {
	locationCode: string;
	locationName: string;
	kind: 'store' | 'warehouse';
	storeCode: string | null;
	/** The console's store. */
	here: boolean;
	ships: boolean;
	onHand: number;
	reserved: number;
	/** On hand − reserved. */
	available: number;
	safetyStock: number;
	aisle: string | null;
	bay: string | null;
}

/** A sellable variant with its stock at every location. */
export interface StockVariant {
	sku: string;
	gtin: string | null;
	/** Axis labels, e.g. "Blue · M"; empty for a simple product. */
	options: string;
	locations: StockCell[];
}

/** A product found by the stock look-up. */
export interface StockProduct {
	code: string;
	name: string;
	status: string;
	variants: StockVariant[];
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Ids of products matching a name, SKU or GTIN: exact codes first, then the FTS index. */
function findProductIds(db: AppDb, q: string, limit: number): number[] {
	const ids: number[] = [];
	const add = (rows: { id: number }[]) => {
		for (const r of rows) if (!ids.includes(r.id) && ids.length < limit) ids.push(r.id);
	};
	const gtin = normalizeGtin(q);
	const upper = q.toUpperCase();
	add(
		db
			.select({ id: variant.productId })
			.from(variant)
			.where(or(eq(variant.code, upper), gtin ? eq(variant.gtin, gtin) : undefined))
			.all()
	);
	add(db.select({ id: product.id }).from(product).where(eq(product.code, upper)).all());
	const tokens = q.split(/\s+/).filter(Boolean).slice(0, 8);
	const long = tokens.filter((t) => [...t].length >= 3);
	const short = tokens.filter((t) => [...t].length < 3);
	const where = short.map((s) => sql`(t.names LIKE ${likePattern(s)} ESCAPE '\\' OR t.skus LIKE ${likePattern(s)} ESCAPE '\\')`);
	const match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
	if (!match && where.length === 0) return ids;
	const join = match ? sql`JOIN product_fts f ON f.rowid = t.product_id AND product_fts MATCH ${match}` : sql``;
	const cond = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
	const order = match ? sql`ORDER BY bm25(product_fts, 10.0, 3.0, 5.0, 5.0, 1.0)` : sql`ORDER BY t.product_id`;
	add(db.all<{ id: number }>(sql`SELECT t.product_id AS id FROM product_search_text t ${join} ${cond} ${order} LIMIT ${limit}`));
	return ids;
}

/**
 * Finds products by name, SKU or GTIN (any status: staff need stock of what is not on sale
 * yet too) and gives each sellable variant's stock at every location, the console's store
 * first, then stores by code, then warehouses.
 */
export function findStock(db: AppDb, q: string, opts: { storeId: number | null; locale?: string; limit?: number }): StockProduct[] {
	const ids = findProductIds(db, q.trim(), opts.limit ?? 10);
	if (ids.length === 0) return [];
	const def = loadDefinition(db);
	const locale = opts.locale ?? def.fallbackLocale;
	const products = db.select({ id: product.id, code: product.code, status: product.status, values: product.values }).from(product).where(inArray(product.id, ids)).all();
	const nodes = db
		.select({ id: variant.id, productId: variant.productId, parentId: variant.parentId, code: variant.code, sellable: variant.sellable, gtin: variant.gtin, axes: variant.axes, position: variant.position })
		.from(variant)
		.where(inArray(variant.productId, ids))
		.orderBy(asc(variant.level), asc(variant.position), asc(variant.id))
		.all();
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const leaves = nodes.filter((n) => n.sellable);
	const locations = db
		.select({ id: location.id, code: location.code, name: location.name, kind: location.kind, storeId: location.storeId, storeCode: store.code, ships: location.ships, safety: location.safetyStock })
		.from(location)
		.leftJoin(store, eq(store.id, location.storeId))
		.all()
		.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
	function rank(l: { storeId: number | null; kind: string }) {
		return opts.storeId != null && l.storeId === opts.storeId ? 0 : l.kind === 'store' ? 1 : 2;
	}
	const stock = new Map<string, { onHand: number; reserved: number; aisle: string | null; bay: string | null }>();
	if (leaves.length)
		for (const r of db
			.select({ locationId: inventory.locationId, variantId: inventory.variantId, onHand: inventory.onHand, reserved: inventory.reserved, aisle: inventory.aisle, bay: inventory.bay })
			.from(inventory)
			.where(inArray(inventory.variantId, leaves.map((l) => l.id)))
			.all())
			stock.set(`${r.locationId}:${r.variantId}`, r);
	const optionLabel = (axis: string, code: string) => {
		const o = def.attributes.get(axis)?.options.get(code);
		return o ? labelIn(o.label, locale, def.fallbackLocale) : code;
	};
	const result = new Map<number, StockProduct>();
	for (const p of products) {
		const name = readLocalized(p.values, 'name', 'kiosk', locale, def.fallbackLocale);
		result.set(p.id, { code: p.code, name: typeof name === 'string' ? name : p.code, status: p.status, variants: [] });
	}
	for (const leaf of leaves) {
		const parent = leaf.parentId == null ? undefined : byId.get(leaf.parentId);
		const axes = { ...(parent?.axes ?? {}), ...leaf.axes };
		result.get(leaf.productId)!.variants.push({
			sku: leaf.code,
			gtin: leaf.gtin,
			options: Object.entries(axes)
				.map(([axis, code]) => optionLabel(axis, code))
				.join(' · '),
			locations: locations.map((l) => {
				const s = stock.get(`${l.id}:${leaf.id}`);
				const onHand = s?.onHand ?? 0;
				const reserved = s?.reserved ?? 0;
				return {
					locationCode: l.code,
					locationName: l.name,
					kind: l.kind,
					storeCode: l.storeCode,
					here: opts.storeId != null && l.storeId === opts.storeId,
					ships: l.ships,
					onHand,
					reserved,
					available: onHand - reserved,
					safetyStock: l.safety,
					aisle: s?.aisle ?? null,
					bay: s?.bay ?? null
				};
			})
		});
	}
	return ids.map((id) => result.get(id)).filter((p): p is StockProduct => !!p);
}
