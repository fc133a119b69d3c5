import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveProduct, ValidationError } from '$pim';
import { chair, gtin13, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import { actionsFor, consoleStoreOf, findStock, orderQueueFrom, parseReturnForm } from './associate.ts';
import type { SessionUser } from './auth.ts';
import type { AppDb } from './db/index.ts';
import { setStock } from './inventory.ts';
import * as orders from './orders/index.ts';
import { DELIVERY, seedOrdersCatalog, stock } from './orders/test-fixture.ts';
import type { OrderView } from './orders/types.ts';

let db: AppDb;
let cleanup: () => void;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	saveProduct(db, chair('CHR-1', 1), 'test');
	saveProduct(db, tshirt('TSH-1', 100), 'test');
	setStock(db, { location: 'SEA1', sku: 'CHR-1', onHand: 4, aisle: '12', bay: 'B' });
	setStock(db, { location: 'WH', sku: 'CHR-1', onHand: 30 });
	setStock(db, { location: 'PDX1', sku: 'TSH-1-BLUE-M', onHand: 7 });
});
afterEach(() => cleanup());

const seattle = (db: AppDb) => consoleStoreOf(db, { role: 'associate', homeStoreId: 1, homeStoreCode: 'SEA1' } as SessionUser, null)!;

describe('findStock', () => {
	it('finds a product by words of its name and shows every location, this store first with its aisle and bay', () => {
		const [found, ...rest] = findStock(db, 'dining chair', { storeId: seattle(db).id });
		expect(rest).toEqual([]);
		expect(found.name).toBe('Oak dining chair CHR-1');
		const cells = found.variants[0].locations;
		expect(cells.map((c) => c.locationCode)).toEqual(['SEA1', 'PDX1', 'WH']);
		expect(cells[0]).toMatchObject({ here: true, onHand: 4, available: 4, aisle: '12', bay: 'B' });
		expect(cells[2]).toMatchObject({ here: false, onHand: 30, safetyStock: 2, kind: 'warehouse' });
		expect(cells[1]).toMatchObject({ onHand: 0, reserved: 0 });
	});

	it('finds a variant by its SKU or by any printed form of its GTIN, with its option labels', () => {
		const bySku = findStock(db, 'tsh-1-blue-m', { storeId: null });
		expect(bySku.map((p) => p.code)).toEqual(['TSH-1']);
		const blueM = bySku[0].variants.find((v) => v.sku === 'TSH-1-BLUE-M')!;
		expect(blueM.options).toBe('Blue · M');
		expect(blueM.locations.find((c) => c.locationCode === 'PDX1')!.onHand).toBe(7);
		expect(findStock(db, gtin13(1), { storeId: null }).map((p) => p.code)).toEqual(['CHR-1']);
		expect(findStock(db, `0${gtin13(1)}`, { storeId: null }).map((p) => p.code)).toEqual(['CHR-1']);
	});

	it('finds nothing for words no product has', () => {
		expect(findStock(db, 'submarine', { storeId: null })).toEqual([]);
	});
});

it('gives an associate their home store whatever they ask for, and an admin the store they pick', () => {
	const assoc = { role: 'associate', homeStoreId: 2, homeStoreCode: 'PDX1' } as SessionUser;
	const admin = { role: 'admin', homeStoreId: null, homeStoreCode: null } as SessionUser;
	expect(consoleStoreOf(db, assoc, 'SEA1')?.code).toBe('PDX1');
	expect(consoleStoreOf(db, admin, 'SEA1')?.code).toBe('SEA1');
	expect(consoleStoreOf(db, admin, null)).toBeNull();
});

it('reads queue filters from the URL, dropping what is invalid', () => {
	expect(orderQueueFrom(new URLSearchParams('status=paid&channel=fax&from=2025-01-02&to=yesterday&q=%20AB12%20&page=x'))).toEqual({
		status: 'paid',
		channel: undefined,
		from: '2025-01-02',
		to: undefined,
		q: 'AB12',
		page: 1
	});
});

const order = (over: Partial<OrderView> = {}): OrderView => ({
	id: 1,
	code: 'AB12CD',
	status: 'delivered',
	fulfilment: 'delivery',
	channel: 'kiosk',
	storeCode: 'SEA1',
	storeName: 'Aisle Seattle',
	currency: 'USD',
	subtotal: 16700,
	shippingFee: 0,
	tax: 0,
	total: 16700,
	customer: { name: 'Ada', email: 'ada@example.com', phone: null, address: null, erased: false },
	lines: [
		{ id: 10, sku: 'CHR-1', name: 'Chair', quantity: 1, unitPrice: 12900, returnedQuantity: 0, location: 'WH', shipmentId: 1 },
		{ id: 11, sku: 'TSH-1-RED-S', name: 'T-shirt', quantity: 2, unitPrice: 1900, returnedQuantity: 1, location: 'WH', shipmentId: 1 }
	],
	shipments: [{ id: 1, location: 'WH', fee: 0, estimatedDate: '2025-01-05', carrier: 'UPS', trackingNumber: '1Z', shippedAt: '2025-01-03' }],
	events: [],
	posReference: 'R1',
	associate: null,
	expiresAt: '2025-01-02T00:00:00Z',
	createdAt: '2025-01-01T00:00:00Z',
	...over
});

describe('actionsFor', () => {
	it('offers the next steps of each status: shipping while allocated, readiness for collections, erasure once finished', () => {
		const unshipped = [{ ...order().shipments[0], shippedAt: null, carrier: null, trackingNumber: null }];
		expect(actionsFor(order({ status: 'placed' }))).toEqual(['markPaid', 'cancel']);
		expect(actionsFor(order({ status: 'allocated', shipments: unshipped }))).toEqual(['ship', 'cancel']);
		expect(actionsFor(order({ status: 'allocated', fulfilment: 'collect' }))).toEqual(['markReady', 'cancel']);
		expect(actionsFor(order({ status: 'allocated', fulfilment: 'collect', shipments: unshipped }))).toEqual(['ship', 'markReady', 'cancel']);
		expect(actionsFor(order({ status: 'delivered' }))).toEqual(['return', 'erase']);
		expect(actionsFor(order({ status: 'cancelled', customer: { ...order().customer, erased: true } }))).toEqual([]);
	});

	it('offers a return only while some unit is not yet returned', () => {
		expect(actionsFor(order())).toContain('return');
		const allBack = order().lines.map((l) => ({ ...l, returnedQuantity: l.quantity }));
		expect(actionsFor(order({ lines: allBack }))).not.toContain('return');
	});
});

describe('parseReturnForm', () => {
	it('reads the chosen units, the restock choice and the refund in minor units', () => {
		const r = parseReturnForm(order(), { 'qty-10': '1', 'qty-11': '0', reason: 'Wrong colour', restock: 'on', refund: '129.00', refundReference: ' POS-9 ' });
		expect(r).toEqual({ lines: [{ lineId: 10, quantity: 1, restock: true }], reason: 'Wrong colour', refund: 12900, refundReference: 'POS-9' });
	});

	it('refuses more units than are left to return, no units at all, and a refund above the total, naming each field', () => {
		const issues = (form: Record<string, string>) => {
			try {
				parseReturnForm(order(), form);
			} catch (e) {
				return (e as ValidationError).issues;
			}
			return [];
		};
		expect(issues({ 'qty-11': '2', reason: 'Too small', refund: '19' })).toEqual([{ path: 'lines.11', message: 'At most 1' }]);
		expect(issues({ reason: '', refund: '999' }).map((i) => i.path)).toEqual(['lines', 'reason', 'refund']);
	});
});

describe('with the orders module', () => {
	it('offers each next step as an order moves on, and a restocked return shows on the stock look-up', () => {
		// Its own database: the orders fixture seeds stores of its own.
		const t = createTestDb();
		try {
			const { storeId, sku } = seedOrdersCatalog(t.db);
			stock(t.db, 'WH', sku.get('CHR-1')!, 10);
			const { order } = orders.placeOrder(t.db, { idempotencyKey: 'k1', storeId, channel: 'kiosk', locale: 'en', lines: [{ variantId: sku.get('CHR-1')!, quantity: 2 }], checkout: DELIVERY, actor: 'kiosk', secret: 's' });
			const next = () => actionsFor(orders.getOrder(t.db, order.id)!);
			expect(next()).toEqual(['markPaid', 'cancel']);
			orders.markPaid(t.db, order.id, { posReference: 'R1' }, 'Sam');
			orders.allocate(t.db, order.id, 'Sam');
			expect(next()).toEqual(['ship', 'cancel']);
			for (const s of orders.getOrder(t.db, order.id)!.shipments) orders.ship(t.db, order.id, { shipmentId: s.id, carrier: 'UPS', trackingNumber: '1Z' }, 'Sam');
			expect(next()).toEqual(['markDelivered', 'return']);
			orders.markDelivered(t.db, order.id, 'Sam');
			const delivered = orders.getOrder(t.db, order.id)!;
			const here = consoleStoreOf(t.db, { role: 'associate', homeStoreId: storeId, homeStoreCode: 'SEA1' } as SessionUser, null)!;
			const seaOnHand = () => findStock(t.db, 'CHR-1', { storeId: here.id })[0].variants[0].locations.find((c) => c.here)!.onHand;
			const before = seaOnHand();
			const input = parseReturnForm(delivered, { [`qty-${delivered.lines[0].id}`]: '1', reason: 'Too big', restock: 'on', refund: '10' });
			orders.recordReturn(t.db, order.id, { storeId: here.id, ...input }, 'Sam');
			expect(seaOnHand()).toBe(before + 1);
			expect(next()).toEqual(['return', 'erase']);
		} finally {
			t.cleanup();
		}
	});
});
