import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDb } from '../db/index.ts';
import { user } from '../db/auth.schema.ts';
import { customerOrder, orderEvent, orderLine, shipment, type OrderStatus } from '../db/orders.schema.ts';
import { location, store } from '../db/store.schema.ts';
import type { OrderView } from './types.ts';

/** Orders per page of the associate's queue. */
export const ORDERS_PER_PAGE = 50;

/** SHA-256 hex: only hashes of status tokens are stored. */
export function sha256(s: string): string {
	return createHash('sha256').update(s).digest('hex');
}

type OrderRow = typeof customerOrder.$inferSelect;

/** Full views of some orders, in their given order, in a few queries. */
export function viewsOf(db: AppDb, rows: OrderRow[]): OrderView[] {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const stores = new Map(
		db.select({ id: store.id, code: store.code, name: store.name }).from(store).where(inArray(store.id, [...new Set(rows.map((r) => r.storeId))])).all().map((s) => [s.id, s])
	);
	const associateIds = [...new Set(rows.map((r) => r.associateId).filter((x): x is number => x != null))];
	const associates = new Map(associateIds.length ? db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, associateIds)).all().map((u) => [u.id, u.name]) : []);
	const lines = db
		.select({ row: orderLine, location: location.name })
		.from(orderLine)
		.innerJoin(location, eq(location.id, orderLine.locationId))
		.where(inArray(orderLine.orderId, ids))
		.orderBy(asc(orderLine.id))
		.all();
	const shipments = db
		.select({ row: shipment, location: location.name })
		.from(shipment)
		.innerJoin(location, eq(location.id, shipment.locationId))
		.where(inArray(shipment.orderId, ids))
		.orderBy(asc(shipment.id))
		.all();
	const events = db.select().from(orderEvent).where(inArray(orderEvent.orderId, ids)).orderBy(asc(orderEvent.createdAt), asc(orderEvent.id)).all();
	return rows.map((o) => {
		const s = stores.get(o.storeId);
		return {
			id: o.id,
			code: o.code,
			status: o.status,
			fulfilment: o.fulfilment,
			channel: o.channel,
			storeCode: s?.code ?? '',
			storeName: s?.name ?? '',
			currency: o.currency,
			subtotal: o.subtotal,
			shippingFee: o.shippingFee,
			tax: o.tax,
			total: o.total,
			customer: { name: o.customerName, email: o.customerEmail, phone: o.customerPhone, address: o.address ?? null, erased: o.erasedAt != null },
			lines: lines
				.filter((l) => l.row.orderId === o.id)
				.map(({ row: l, location }) => ({ id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, returnedQuantity: l.returnedQuantity, location, shipmentId: l.shipmentId })),
			shipments: shipments
				.filter((x) => x.row.orderId === o.id)
				.map(({ row: x, location }) => ({ id: x.id, location, fee: x.fee, estimatedDate: x.estimatedDate, carrier: x.carrier, trackingNumber: x.trackingNumber, shippedAt: x.shippedAt })),
			events: events.filter((e) => e.orderId === o.id).map((e) => ({ type: e.type, actor: e.actor, reason: e.reason, createdAt: e.createdAt, data: e.data ?? null })),
			posReference: o.posReference,
			associate: o.associateId != null ? (associates.get(o.associateId) ?? null) : null,
			expiresAt: o.expiresAt,
			createdAt: o.createdAt
		};
	});
}

/** One order by id or by its code (as read out at the counter, any case); null when there is none. */
export function getOrder(db: AppDb, idOrCode: number | string): OrderView | null {
	const where = typeof idOrCode === 'number' ? eq(customerOrder.id, idOrCode) : eq(customerOrder.code, idOrCode.trim().toUpperCase());
	const row = db.select().from(customerOrder).where(where).get();
	return row ? viewsOf(db, [row])[0] : null;
}

/** The order a phone status link points to; null for an unknown token. */
export function orderByStatusToken(db: AppDb, token: string): OrderView | null {
	if (!token || token.length > 200) return null;
	const row = db.select().from(customerOrder).where(eq(customerOrder.statusTokenHash, sha256(token))).get();
	return row ? viewsOf(db, [row])[0] : null;
}

/**
 * A page of orders, newest first, filtered by store, status, channel, creation date
 * (from/to as YYYY-MM-DD, both inclusive) and a search on code, name, e-mail or phone.
 */
export function listOrders(
	db: AppDb,
	f: { storeId?: number; status?: OrderStatus; channel?: string; from?: string; to?: string; q?: string; page?: number }
): { total: number; rows: OrderView[] } {
	const conds: (SQL | undefined)[] = [
		f.storeId != null ? eq(customerOrder.storeId, f.storeId) : undefined,
		f.status ? eq(customerOrder.status, f.status) : undefined,
		f.channel ? eq(customerOrder.channel, f.channel as OrderRow['channel']) : undefined,
		f.from ? gte(customerOrder.createdAt, f.from) : undefined,
		f.to ? lt(customerOrder.createdAt, nextDay(f.to)) : undefined
	];
	const q = f.q?.trim();
	if (q) {
		const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		const esc = (col: SQLiteColumn) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;
		conds.push(or(esc(customerOrder.code), esc(customerOrder.customerName), esc(customerOrder.customerEmail), esc(customerOrder.customerPhone)));
	}
	const where = and(...conds);
	const total = db.select({ n: sql<number>`count(*)` }).from(customerOrder).where(where).get()?.n ?? 0;
	const page = Math.max(1, Math.floor(f.page ?? 1));
	const rows = db
		.select()
		.from(customerOrder)
		.where(where)
		.orderBy(desc(customerOrder.createdAt), desc(customerOrder.id))
		.limit(ORDERS_PER_PAGE)
		.offset((page - 1) * ORDERS_PER_PAGE)
		.all();
	return { total, rows: viewsOf(db, rows) };
}

function nextDay(day: string): string {
	const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return day;
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

