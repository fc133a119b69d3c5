import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ConflictError, ValidationError } from '$pim';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { AppDb } from '../db/index.ts';
import { customerOrder, orderReturn, outgoingMessage } from '../db/orders.schema.ts';
import { allocate, cancel, expireUnpaid, markCollected, markDelivered, markPaid, markReady, ship } from './lifecycle.ts';
import { placeOrder } from './place.ts';
import { eraseCustomerData, eraseExpiredCustomerData, findCustomerOrders } from './privacy.ts';
import { getOrder, listOrders } from './queries.ts';
import { recordReturn } from './returns.ts';
import { DELIVERY, seedOrdersCatalog, setOrderSettings, stock, stockAt } from './test-fixture.ts';

let db: AppDb;
let cleanup: () => void;
let storeId: number;
let sku: Map<string, number>;
let shirt: number;
let chairId: number;
let n = 0;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	({ storeId, sku } = seedOrdersCatalog(db));
	shirt = sku.get('TSH-1-RED-M')!;
	chairId = sku.get('CHR-1')!;
	stock(db, 'WH', shirt, 10);
	stock(db, 'PDX1', chairId, 5);
});
afterEach(() => cleanup());

const place = (fulfilment: 'delivery' | 'collect' = 'delivery', lines: [number, number][] = [[shirt, 2], [chairId, 1]]) =>
	placeOrder(db, {
		idempotencyKey: `k${++n}`,
		storeId,
		channel: 'kiosk',
		locale: 'en',
		lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })),
		checkout: { ...DELIVERY, fulfilment },
		actor: 'kiosk',
		secret: 's'
	}).order;

const refusal = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof ConflictError ? e.message : e;
	}
	return 'allowed';
};

describe('order lifecycle', () => {
	it('goes placed → paid → allocated → shipped → delivered, turning reservations into decrements', () => {
		const o = place();
		markPaid(db, o.id, { posReference: 'POS-1' }, 'Ann');
		allocate(db, o.id, 'Ann');
		const [wh, pdx] = getOrder(db, o.id)!.shipments;
		ship(db, o.id, { shipmentId: wh.id, carrier: 'UPS', trackingNumber: '1Z1' }, 'Ann');
		expect(getOrder(db, o.id)!.status).toBe('allocated'); // one shipment still to go
		expect(stockAt(db, 'WH', shirt)).toEqual({ onHand: 8, reserved: 0 });
		expect(stockAt(db, 'PDX1', chairId)).toEqual({ onHand: 5, reserved: 1 });
		ship(db, o.id, { shipmentId: pdx.id, carrier: 'USPS', trackingNumber: '94001' }, 'Ann');
		markDelivered(db, o.id, 'Ann');
		const done = getOrder(db, o.id)!;
		expect(done.status).toBe('delivered');
		expect(done.posReference).toBe('POS-1');
		expect(done.events.map((e) => [e.type, e.actor])).toEqual([['placed', 'kiosk'], ['paid', 'Ann'], ['allocated', 'Ann'], ['shipment', 'Ann'], ['shipped', 'Ann'], ['delivered', 'Ann']]);
		expect(done.shipments.map((s) => s.trackingNumber)).toEqual(['1Z1', '94001']);
		expect(stockAt(db, 'PDX1', chairId)).toEqual({ onHand: 4, reserved: 0 });
		expect(db.select({ kind: outgoingMessage.kind }).from(outgoingMessage).all().map((m) => m.kind)).toEqual(['confirmation', 'shipped', 'shipped']);
	});

	it('refuses changes out of order, with a clear message', () => {
		const o = place();
		expect(refusal(() => allocate(db, o.id, 'Ann'))).toMatch(/is placed; it cannot be allocated/);
		expect(refusal(() => markDelivered(db, o.id, 'Ann'))).toMatch(/cannot be marked delivered/);
		expect(refusal(() => markReady(db, o.id, 'Ann'))).toMatch(/is for home delivery/);
		markPaid(db, o.id, { posReference: 'R1' }, 'Ann');
		expect(refusal(() => markPaid(db, o.id, { posReference: 'R2' }, 'Ann'))).toMatch(/is paid; it cannot be marked paid/);
		expect(() => markPaid(db, o.id, { posReference: ' ' }, 'Ann')).toThrow(ValidationError);
		expect(refusal(() => ship(db, o.id, { shipmentId: o.shipments[0].id, carrier: 'UPS', trackingNumber: '1' }, 'Ann'))).toMatch(/is paid; it cannot be shipped/);
		cancel(db, o.id, 'Customer changed their mind', 'Ann');
		expect(refusal(() => cancel(db, o.id, 'again', 'Ann'))).toMatch(/is cancelled; it cannot be cancelled/);
	});

	it('runs a collection order to ready and collected, telling the customer it is ready', () => {
		const o = place('collect', [[shirt, 1]]);
		expect(o.shippingFee).toBe(0);
		markPaid(db, o.id, { posReference: 'R' }, 'Ann');
		allocate(db, o.id, 'Ann');
		expect(refusal(() => markCollected(db, o.id, 'Ann'))).toMatch(/is allocated/);
		markReady(db, o.id, 'Ann');
		expect(stockAt(db, 'WH', shirt)).toEqual({ onHand: 9, reserved: 0 });
		markCollected(db, o.id, 'Ann');
		expect(getOrder(db, o.id)!.status).toBe('collected');
		expect(db.select({ kind: outgoingMessage.kind }).from(outgoingMessage).all().map((m) => m.kind)).toEqual(['confirmation', 'ready']);
	});

	it('releases the reservation on cancel, with the reason on the event and a message', () => {
		const o = place();
		markPaid(db, o.id, { posReference: 'R' }, 'Ann');
		cancel(db, o.id, 'Out of stock at the warehouse', 'Ann');
		expect(stockAt(db, 'WH', shirt)).toEqual({ onHand: 10, reserved: 0 });
		expect(stockAt(db, 'PDX1', chairId)).toEqual({ onHand: 5, reserved: 0 });
		expect(getOrder(db, o.id)!.events.at(-1)).toMatchObject({ type: 'cancelled', reason: 'Out of stock at the warehouse', actor: 'Ann' });
		expect(db.select({ kind: outgoingMessage.kind }).from(outgoingMessage).all().map((m) => m.kind)).toContain('cancelled');
	});

	it('expires unpaid orders after the set time and leaves paid ones alone', () => {
		setOrderSettings(db, { expiryMinutes: 10 });
		const unpaid = place('delivery', [[shirt, 2]]);
		const paid = place('delivery', [[shirt, 3]]);
		markPaid(db, paid.id, { posReference: 'R' }, 'Ann');
		expect(expireUnpaid(db, new Date(Date.now() + 5 * 60_000))).toBe(0);
		expect(expireUnpaid(db, new Date(Date.now() + 11 * 60_000))).toBe(1);
		expect(getOrder(db, unpaid.id)!.events.at(-1)).toMatchObject({ type: 'cancelled', reason: 'expired', actor: 'system' });
		expect(getOrder(db, paid.id)!.status).toBe('paid');
		expect(stockAt(db, 'WH', shirt)).toEqual({ onHand: 10, reserved: 3 });
	});

	it('lists the queue by status and finds orders by code', () => {
		const a = place();
		place();
		markPaid(db, a.id, { posReference: 'R' }, 'Ann');
		expect(listOrders(db, { storeId, status: 'paid' }).rows.map((r) => r.id)).toEqual([a.id]);
		expect(listOrders(db, { storeId }).total).toBe(2);
		expect(listOrders(db, { q: a.code.slice(-4) }).rows.map((r) => r.code)).toContain(a.code);
		expect(getOrder(db, a.code.toLowerCase())?.id).toBe(a.id);
	});
});

describe('returns', () => {
	it("restocks this store's shelf and records the refund", () => {
		const o = place('delivery', [[shirt, 2]]);
		markPaid(db, o.id, { posReference: 'R' }, 'Ann');
		allocate(db, o.id, 'Ann');
		ship(db, o.id, { shipmentId: o.shipments[0].id, carrier: 'UPS', trackingNumber: '1' }, 'Ann');
		markDelivered(db, o.id, 'Ann');
		const lineId = o.lines[0].id;
		recordReturn(db, o.id, { storeId, lines: [{ lineId, quantity: 1, restock: true }], reason: 'Too small', refund: 1900, refundReference: 'REF-9' }, 'Ann');
		expect(stockAt(db, 'SEA1', shirt)).toEqual({ onHand: 1, reserved: 0 });
		expect(db.select().from(orderReturn).all()).toEqual([expect.objectContaining({ refund: 1900, refundReference: 'REF-9', reason: 'Too small' })]);
		const after = getOrder(db, o.id)!;
		expect(after.lines[0].returnedQuantity).toBe(1);
		expect(after.total).toBe(o.total);
		expect(after.events.at(-1)).toMatchObject({ type: 'return', reason: 'Too small' });
		expect(() => recordReturn(db, o.id, { storeId, lines: [{ lineId, quantity: 2, restock: false }], reason: 'x', refund: 0 }, 'Ann')).toThrow(ValidationError);
	});

	it('refuses a return of an order not yet shipped', () => {
		const o = place();
		expect(refusal(() => recordReturn(db, o.id, { storeId, lines: [{ lineId: o.lines[0].id, quantity: 1, restock: true }], reason: 'x', refund: 0 }, 'Ann'))).toMatch(/cannot be returned/);
	});
});

describe('customer data', () => {
	const finish = () => {
		const o = place('delivery', [[shirt, 1]]);
		cancel(db, o.id, 'Changed mind', 'Ann');
		return o;
	};

	it('finds a customer’s orders by e-mail or phone', () => {
		const o = finish();
		expect(findCustomerOrders(db, { email: ' ADA@example.com ' }).map((x) => x.id)).toEqual([o.id]);
		expect(findCustomerOrders(db, { phone: '+1 206 555 0100' })).toEqual([]);
	});

	it('erases name, e-mail, phone and address on request and keeps the figures', () => {
		const open = place('delivery', [[shirt, 1]]);
		expect(refusal(() => eraseCustomerData(db, open.id, 'Ann'))).toMatch(/cannot be erased/);
		const o = finish();
		eraseCustomerData(db, o.id, 'Ann');
		const after = getOrder(db, o.id)!;
		expect(after.customer).toEqual({ name: null, email: null, phone: null, address: null, erased: true });
		expect(after).toMatchObject({ subtotal: o.subtotal, total: o.total, tax: o.tax });
		expect(after.lines).toEqual(o.lines);
		expect(after.events.at(-1)).toMatchObject({ type: 'erased', actor: 'Ann' });
		expect(db.select({ r: outgoingMessage.recipient }).from(outgoingMessage).where(eq(outgoingMessage.orderId, o.id)).all().every((m) => m.r === null)).toBe(true);
		expect(findCustomerOrders(db, { email: 'ada@example.com' }).map((x) => x.id)).toEqual([open.id]);
	});

	it('erases finished orders once the retention period has passed', () => {
		setOrderSettings(db, { retentionDays: 30 });
		const o = finish();
		expect(eraseExpiredCustomerData(db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
		expect(eraseExpiredCustomerData(db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
		expect(db.select({ e: customerOrder.erasedAt }).from(customerOrder).where(eq(customerOrder.id, o.id)).get()?.e).not.toBeNull();
	});
});
