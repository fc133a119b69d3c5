import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerOrder, orderEvent } from '../db/orders.schema.ts';
import { inventory } from '../db/store.schema.ts';
import { markPaid, orderByStatusToken, placeOrder } from '../orders/index.ts';
import { DELIVERY, stock, stockAt } from '../orders/test-fixture.ts';
import { BASE, call, expectDocumentedRequest, SECRET, startTestApp, stopTestApp, tokenWith } from './test-kit.ts';
import { ops } from './test-routes.ts';
import type { ApiOrder } from './orders.ts';

vi.mock('$lib/server/app', async () => ({ app: (await import('./test-kit.ts')).testApp }));

let app: ReturnType<typeof startTestApp>;
let token: string;
let chairId: number;

beforeAll(() => {
	app = startTestApp();
	token = tokenWith('orders:write');
	chairId = app.sku.get('CHR-1')!;
});
afterAll(() => stopTestApp());
beforeEach(() => {
	app.db.delete(customerOrder).run();
	app.db.delete(inventory).run();
	stock(app.db, 'WH', chairId, 12); // 10 promisable: the warehouse holds 2 back
});

const ORDER = {
	store: 'SEA1',
	fulfilment: 'delivery',
	customer: { name: 'Grace Hopper', email: 'grace@example.com' },
	address: { line1: '2 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
	lines: [{ sku: 'CHR-1', quantity: 2 }]
};

const place = (body: unknown, key: string | null = 'order-1', t = token) => call(ops.postOrder, { token: t, body, headers: key ? { 'idempotency-key': key } : {} });

describe('POST /api/v1/orders', () => {
	it('places an order as channel api, reserving stock, and answers 201 with its Location', async () => {
		expectDocumentedRequest(ops.postOrder, ORDER);
		const res = await place(ORDER);
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		const order = res.body as ApiOrder;
		expect(res.headers.get('location')).toBe(`${BASE}/api/v1/orders/${order.code}`);
		expect(order).toMatchObject({
			code: expect.stringMatching(/^SEA1-[A-HJ-NP-Z2-9]{6}$/),
			status: 'placed',
			channel: 'api',
			store: 'SEA1',
			fulfilment: 'delivery',
			currency: 'USD',
			subtotal: 25800,
			customer: { name: 'Grace Hopper', email: 'grace@example.com', phone: null, erased: false },
			address: { line1: '2 Pike St', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
			lines: [{ sku: 'CHR-1', name: expect.stringContaining('Oak dining chair'), quantity: 2, unitPrice: 12900, returnedQuantity: 0, shipment: expect.any(Number) }],
			shipments: [expect.objectContaining({ location: 'Warehouse' })],
			events: [{ type: 'placed', reason: null, at: expect.any(String) }]
		});
		expect(stockAt(app.db, 'WH', chairId)).toEqual({ onHand: 12, reserved: 2 });
		// The customer's status link works, and the order's history names the token that placed it.
		const statusToken = order.statusUrl.replace(`${BASE}/m/o/`, '');
		expect(orderByStatusToken(app.db, statusToken)?.code).toBe(order.code);
		expect(app.db.select({ actor: orderEvent.actor }).from(orderEvent).all()).toEqual([{ actor: expect.stringMatching(/^API token test orders:write \(aisle_.{6}…\)$/) }]);
	});

	it('places one order for one Idempotency-Key, however often it is sent, and refuses the key for another order', async () => {
		const first = await place(ORDER, 'retry-me');
		const again = await place(ORDER, 'retry-me');
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect((again.body as ApiOrder).code).toBe((first.body as ApiOrder).code);
		expect(stockAt(app.db, 'WH', chairId).reserved).toBe(2);
		const other = await place({ ...ORDER, lines: [{ sku: 'CHR-1', quantity: 3 }] }, 'retry-me');
		expect(other.status).toBe(422);
		expect((other.body as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
		// Keys belong to the token: another client's key of the same text is its own.
		const theirs = await place(ORDER, 'retry-me', tokenWith('orders:write'));
		expect(theirs.status).toBe(201);
		expect((theirs.body as ApiOrder).code).not.toBe((first.body as ApiOrder).code);
		expect(stockAt(app.db, 'WH', chairId).reserved).toBe(4);
	});

	it('needs an Idempotency-Key', async () => {
		const res = await place(ORDER, null);
		expect(res.status).toBe(400);
		expect((res.body as { error: { details: unknown } }).error.details).toEqual([{ path: 'Idempotency-Key', message: 'Required' }]);
		expect((await place(ORDER, 'x'.repeat(101))).status).toBe(400);
		expect(app.db.select().from(customerOrder).all()).toEqual([]);
	});

	it('answers 409 naming the line that cannot be sourced, and reserves nothing', async () => {
		stock(app.db, 'WH', app.sku.get('TSH-1-RED-M')!, 3); // 1 promisable
		const res = await place({ ...ORDER, lines: [{ sku: 'CHR-1', quantity: 1 }, { sku: 'TSH-1-RED-M', quantity: 2 }] });
		expect(res.status).toBe(409);
		expect(res.body).toEqual({ error: { code: 'conflict', message: expect.stringContaining('can no longer be ordered'), details: [{ path: 'lines.1', message: 'Only 1 can be ordered' }] } });
		expect(stockAt(app.db, 'WH', chairId).reserved).toBe(0);
	});

	it('answers 422 naming every field that breaks a rule, and places nothing', async () => {
		const res = await place({ ...ORDER, store: 'NOPE', locale: 'fr', lines: [{ sku: 'CHR-1', quantity: 1 }, { sku: 'GHOST', quantity: 1 }] });
		expect(res.status).toBe(422);
		expect((res.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(['store', 'locale', 'lines.1.sku']);
		const contact = await place({ ...ORDER, customer: { name: '', email: 'not-mail' }, address: { ...ORDER.address, postalCode: 'ABC' } });
		expect(contact.status).toBe(422);
		expect((contact.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort()).toEqual(['address.postalCode', 'customer.email', 'customer.name']);
		const noAddress = await place({ ...ORDER, address: null });
		expect((noAddress.body as { error: { details: unknown } }).error.details).toEqual([{ path: 'address', message: 'Enter the delivery address' }]);
		const shape = await place({ ...ORDER, lines: [{ sku: 'CHR-1', quantity: 0 }], extra: true });
		expect(shape.status).toBe(422);
		expect((shape.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort()).toEqual(['(body)', 'lines.0.quantity']);
		expect(app.db.select().from(customerOrder).all()).toEqual([]);
		expect((await call(ops.postOrder, { token, rawBody: 'nope', headers: { 'idempotency-key': 'k' } })).status).toBe(400);
		expect((await call(ops.postOrder, { token, rawBody: 'store=SEA1', headers: { 'idempotency-key': 'k', 'content-type': 'text/plain' } })).status).toBe(415);
	});

	it('places an order for collection without an address', async () => {
		const body = { store: 'SEA1', fulfilment: 'collect', customer: { name: 'Ada', phone: '+1 206 555 0100' }, lines: [{ sku: 'CHR-1', quantity: 1 }] };
		expectDocumentedRequest(ops.postOrder, body);
		const res = await place(body, 'collect-1');
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ fulfilment: 'collect', address: null, shippingFee: 0, customer: { phone: '+12065550100' } });
	});
});

describe('GET /api/v1/orders/{code}', () => {
	it('answers the order with its current status and an ETag, and 304 while unchanged', async () => {
		const placed = (await place(ORDER)).body as ApiOrder;
		const res = await call(ops.getOrder, { token, params: { code: placed.code } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(placed);
		const etag = res.headers.get('etag')!;
		expect((await call(ops.getOrder, { token, params: { code: placed.code }, headers: { 'if-none-match': etag } })).status).toBe(304);
		const id = app.db.select({ id: customerOrder.id }).from(customerOrder).all()[0].id;
		markPaid(app.db, id, { posReference: 'POS-1' }, 'Associate <a@example.com>');
		const paid = await call(ops.getOrder, { token, params: { code: placed.code.toLowerCase() }, headers: { 'if-none-match': etag } });
		expect(paid.status).toBe(200);
		expect(paid.body).toMatchObject({ status: 'paid', events: [{ type: 'placed' }, { type: 'paid' }] });
	});

	it('keeps orders of the kiosk and the counter to themselves (404), as unknown codes', async () => {
		const kiosk = placeOrder(app.db, { idempotencyKey: 'kiosk-1', storeId: app.storeId, channel: 'kiosk', locale: 'en', lines: [{ variantId: chairId, quantity: 1 }], checkout: DELIVERY, actor: 'kiosk', secret: SECRET });
		const res = await call(ops.getOrder, { token, params: { code: kiosk.order.code } });
		expect(res.status).toBe(404);
		expect((await call(ops.getOrder, { token, params: { code: 'SEA1-NOPE22' } })).status).toBe(404);
	});
});
