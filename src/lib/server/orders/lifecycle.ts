import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { ConflictError, enqueueProducts, NotFoundError, ValidationError } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from '../db/index.ts';
import { customerOrder, orderLine, shipment, type OrderStatus } from '../db/orders.schema.ts';
import { inventory } from '../db/store.schema.ts';
import { queueMessage, recordEvent, type MessageKind, type OrderRow } from './events.ts';

/** How each change reads in a refusal: "Order SEA1-ABC234 is shipped; it cannot be cancelled." */
const VERBS: Partial<Record<OrderStatus, string>> = {
	paid: 'marked paid',
	allocated: 'allocated',
	shipped: 'shipped',
	delivered: 'marked delivered',
	ready: 'marked ready for collection',
	collected: 'marked collected',
	cancelled: 'cancelled'
};

/** Reads an order for a change, refusing unless it is in one of the given states (and, if given, fulfilment). */
export function orderFor(db: AppDb, orderId: number, from: OrderStatus[], to: string, fulfilment?: 'delivery' | 'collect'): OrderRow {
	const o = db.select().from(customerOrder).where(eq(customerOrder.id, orderId)).get();
	if (!o) throw new NotFoundError(`No order ${orderId}`);
	if (fulfilment && o.fulfilment !== fulfilment)
		throw new ConflictError(`Order ${o.code} is for ${o.fulfilment === 'delivery' ? 'home delivery' : 'collection'}; it cannot be ${to}`);
	if (!from.includes(o.status)) throw new ConflictError(`Order ${o.code} is ${o.status}; it cannot be ${to}`);
	return o;
}

/** Moves an order to a new status, only if nobody moved it meanwhile, and records the event and message. */
function moveTo(
	db: AppDb,
	o: OrderRow,
	to: OrderStatus,
	actor: string,
	extra: { reason?: string | null; data?: Record<string, unknown> | null; message?: MessageKind; set?: Partial<OrderRow> } = {}
) {
	const r = db
		.update(customerOrder)
		.set({ ...extra.set, status: to, updatedAt: new Date().toISOString() })
		.where(and(eq(customerOrder.id, o.id), eq(customerOrder.status, o.status)))
		.run();
	if (r.changes === 0) throw new ConflictError(`Order ${o.code} changed meanwhile; reload it`);
	recordEvent(db, o.id, to, actor, extra.reason ?? null, extra.data ?? null);
	if (extra.message) queueMessage(db, o, extra.message);
}

function required(value: string | undefined, path: string, message: string, max = 200): string {
	const v = (value ?? '').trim();
	if (!v) throw new ValidationError(message, [{ path, message }]);
	if (v.length > max) throw new ValidationError(message, [{ path, message: `At most ${max} characters` }]);
	return v;
}

function productsOf(db: AppDb, variantIds: (number | null)[]): number[] {
	const ids = variantIds.filter((x): x is number => x != null);
	return ids.length ? db.selectDistinct({ id: variant.productId }).from(variant).where(inArray(variant.id, ids)).all().map((r) => r.id) : [];
}

/**
 * Turns the reservation of a shipment's lines into a decrement (on hand and reserved both
 * go down, in one conditional update) and marks the shipment gone.
 */
function takeStock(db: AppDb, shipmentId: number, fields: { carrier?: string | null; trackingNumber?: string | null }) {
	const lines = db.select().from(orderLine).where(eq(orderLine.shipmentId, shipmentId)).all();
	for (const l of lines) {
		if (l.variantId == null) continue;
		const r = db
			.update(inventory)
			.set({ onHand: sql`${inventory.onHand} - ${l.quantity}`, reserved: sql`${inventory.reserved} - ${l.quantity}`, updatedAt: new Date().toISOString() })
			.where(and(eq(inventory.locationId, l.locationId), eq(inventory.variantId, l.variantId), sql`${inventory.reserved} >= ${l.quantity}`, sql`${inventory.onHand} >= ${l.quantity}`))
			.run();
		if (r.changes === 0) throw new ConflictError(`The stock reserved for ${l.sku} is missing at its location; count it before shipping`);
	}
	db.update(shipment)
		.set({ ...fields, shippedAt: new Date().toISOString() })
		.where(eq(shipment.id, shipmentId))
		.run();
	enqueueProducts(db, productsOf(db, lines.map((l) => l.variantId)));
}

/** Gives back what is still reserved for the order's unshipped shipments. */
function releaseStock(db: AppDb, orderId: number) {
	const lines = db
		.select({ variantId: orderLine.variantId, locationId: orderLine.locationId, quantity: orderLine.quantity })
		.from(orderLine)
		.leftJoin(shipment, eq(shipment.id, orderLine.shipmentId))
		.where(and(eq(orderLine.orderId, orderId), isNull(shipment.shippedAt)))
		.all();
	for (const l of lines) {
		if (l.variantId == null) continue;
		db.update(inventory)
			.set({ reserved: sql`max(0, ${inventory.reserved} - ${l.quantity})`, updatedAt: new Date().toISOString() })
			.where(and(eq(inventory.locationId, l.locationId), eq(inventory.variantId, l.variantId)))
			.run();
	}
	enqueueProducts(db, productsOf(db, lines.map((l) => l.variantId)));
}

/** Records payment at the counter with the POS receipt reference: placed → paid. */
export function markPaid(db: AppDb, orderId: number, input: { posReference: string }, actor: string) {
	const ref = required(input.posReference, 'posReference', 'Enter the receipt reference from the till', 64);
	inTransaction(db, () => {
		const o = orderFor(db, orderId, ['placed'], VERBS.paid!);
		moveTo(db, o, 'paid', actor, { data: { posReference: ref }, set: { posReference: ref } });
	});
}

/** The source locations have picked the items: paid → allocated. */
export function allocate(db: AppDb, orderId: number, actor: string) {
	inTransaction(db, () => moveTo(db, orderFor(db, orderId, ['paid'], VERBS.allocated!), 'allocated', actor));
}

/**
 * Ships one shipment with its carrier and tracking number; its reservation becomes a
 * decrement. A delivery order is shipped once all its shipments are; a collection order's
 * shipments travel to the store and it stays allocated until marked ready.
 */
export function ship(db: AppDb, orderId: number, input: { shipmentId: number; carrier: string; trackingNumber: string }, actor: string) {
	const carrier = required(input.carrier, 'carrier', 'Enter the carrier', 60);
	const trackingNumber = required(input.trackingNumber, 'trackingNumber', 'Enter the tracking number', 80);
	inTransaction(db, () => {
		const o = orderFor(db, orderId, ['allocated'], VERBS.shipped!);
		const sh = db.select().from(shipment).where(and(eq(shipment.id, input.shipmentId), eq(shipment.orderId, o.id))).get();
		if (!sh) throw new NotFoundError(`Order ${o.code} has no shipment ${input.shipmentId}`);
		if (sh.shippedAt) throw new ConflictError(`This shipment of order ${o.code} has already been shipped`);
		takeStock(db, sh.id, { carrier, trackingNumber });
		const data = { shipmentId: sh.id, carrier, trackingNumber };
		const left = db.select({ id: shipment.id }).from(shipment).where(and(eq(shipment.orderId, o.id), isNull(shipment.shippedAt))).all().length;
		if (left === 0 && o.fulfilment === 'delivery') moveTo(db, o, 'shipped', actor, { data, message: 'shipped' });
		else {
			recordEvent(db, o.id, 'shipment', actor, null, data);
			if (o.fulfilment === 'delivery') queueMessage(db, o, 'shipped');
			db.update(customerOrder).set({ updatedAt: new Date().toISOString() }).where(eq(customerOrder.id, o.id)).run();
		}
	});
}

/** The carrier delivered: shipped → delivered. */
export function markDelivered(db: AppDb, orderId: number, actor: string) {
	inTransaction(db, () => moveTo(db, orderFor(db, orderId, ['shipped'], VERBS.delivered!, 'delivery'), 'delivered', actor));
}

/**
 * A collection order's items are at the counter: allocated → ready. Shipments not yet
 * recorded as sent are taken from their locations now.
 */
export function markReady(db: AppDb, orderId: number, actor: string) {
	inTransaction(db, () => {
		const o = orderFor(db, orderId, ['allocated'], VERBS.ready!, 'collect');
		for (const sh of db.select({ id: shipment.id }).from(shipment).where(and(eq(shipment.orderId, o.id), isNull(shipment.shippedAt))).all()) takeStock(db, sh.id, {});
		moveTo(db, o, 'ready', actor, { message: 'ready' });
	});
}

/** The customer picked up the order: ready → collected. */
export function markCollected(db: AppDb, orderId: number, actor: string) {
	inTransaction(db, () => moveTo(db, orderFor(db, orderId, ['ready'], VERBS.collected!, 'collect'), 'collected', actor));
}

/** Cancels an order not yet (wholly) shipped, releasing what is still reserved, and tells the customer. */
export function cancel(db: AppDb, orderId: number, reason: string, actor: string) {
	const why = required(reason, 'reason', 'Say why the order is cancelled', 500);
	inTransaction(db, () => {
		const o = orderFor(db, orderId, ['placed', 'paid', 'allocated'], VERBS.cancelled!);
		releaseStock(db, o.id);
		moveTo(db, o, 'cancelled', actor, { reason: why, message: 'cancelled' });
	});
}

/** Cancels unpaid orders whose time is up (reason 'expired'), releasing their stock; returns how many. */
export function expireUnpaid(db: AppDb, now = new Date()): number {
	const due = db
		.select({ id: customerOrder.id })
		.from(customerOrder)
		.where(and(eq(customerOrder.status, 'placed'), lt(customerOrder.expiresAt, now.toISOString())))
		.all();
	let n = 0;
	for (const { id } of due) {
		try {
			cancel(db, id, 'expired', 'system');
			n++;
		} catch (e) {
			// Paid at the counter a moment ago: nothing to expire.
			if (!(e instanceof ConflictError)) throw e;
		}
	}
	return n;
}
