import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { price } from '$pim/catalog/catalog.schema.ts';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { AppDb } from '../db/index.ts';
import { location, store } from '../db/store.schema.ts';
import { quote, taxOf } from './sourcing.ts';
import { seedOrdersCatalog, setOrderSettings, stock } from './test-fixture.ts';

let db: AppDb;
let cleanup: () => void;
let storeId: number;
let sku: Map<string, number>;
const today = '2026-03-02';

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	({ storeId, sku } = seedOrdersCatalog(db));
	setOrderSettings(db, { flatFee: 599, freeAbove: 7500, leadDays: { warehouse: 3, store: 2 } });
});
afterEach(() => cleanup());

const ask = (lines: [string, number][], fulfilment: 'delivery' | 'collect' = 'delivery') =>
	quote(db, { storeId, lines: lines.map(([s, quantity]) => ({ variantId: sku.get(s)!, quantity })), fulfilment, locale: 'en', today });

describe('sourcing', () => {
	it('takes from the warehouse first, even when a store nearby has enough', () => {
		const v = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', v, 10);
		stock(db, 'PDX1', v, 10);
		const q = ask([['TSH-1-RED-M', 3]]);
		expect(q.shipments).toHaveLength(1);
		expect(q.shipments[0]).toMatchObject({ locationName: 'Warehouse', kind: 'warehouse', estimatedDate: '2026-03-05', lines: [{ sku: 'TSH-1-RED-M', quantity: 3 }] });
		expect(q.unavailable).toEqual([]);
	});

	it('falls back to the nearest store that ships, honouring the warehouse safety stock', () => {
		const v = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', v, 3); // safety stock 2: only one may be promised
		stock(db, 'PDX1', v, 4);
		stock(db, 'SFO1', v, 9);
		const q = ask([['TSH-1-RED-M', 2]]);
		expect(q.shipments.map((s) => [s.locationName, s.kind, s.estimatedDate])).toEqual([['Portland', 'store', '2026-03-04']]);
	});

	it('ignores stores that do not ship', () => {
		const v = sku.get('TSH-1-RED-M')!;
		db.update(location).set({ ships: false }).where(eq(location.code, 'PDX1')).run();
		stock(db, 'PDX1', v, 5);
		stock(db, 'SFO1', v, 5);
		expect(ask([['TSH-1-RED-M', 2]]).shipments.map((s) => s.locationName)).toEqual(['San Francisco']);
	});

	it('splits a line only when no single place has enough, over the fewest sources', () => {
		const v = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', v, 4); // 2 promisable
		stock(db, 'PDX1', v, 3);
		stock(db, 'SFO1', v, 6);
		const q = ask([['TSH-1-RED-M', 8]]);
		expect(q.shipments.map((s) => [s.locationName, s.lines[0].quantity])).toEqual([
			['San Francisco', 6],
			['Portland', 2]
		]);
		expect(q.lines[0].orderable).toBe(8);
	});

	it('puts lines from one place into one shipment', () => {
		stock(db, 'WH', sku.get('TSH-1-RED-M')!, 10);
		stock(db, 'WH', sku.get('CHR-1')!, 10);
		const q = ask([['TSH-1-RED-M', 1], ['CHR-1', 1]]);
		expect(q.shipments).toHaveLength(1);
		expect(q.shipments[0].lines.map((l) => l.sku)).toEqual(['TSH-1-RED-M', 'CHR-1']);
	});

	it("shows this store's shelf stock with its aisle but never orders from it", () => {
		const v = sku.get('TSH-1-RED-M')!;
		db.update(location).set({ ships: true }).where(eq(location.code, 'SEA1')).run();
		stock(db, 'SEA1', v, 4, { aisle: '12' });
		stock(db, 'SFO1', v, 1);
		const q = ask([['TSH-1-RED-M', 2]]);
		expect(q.lines[0]).toMatchObject({ shelf: { available: 4, aisle: '12' }, orderable: 1, name: 'Cotton T-shirt TSH-1', options: 'Red · M' });
		expect(q.unavailable).toEqual([{ variantId: v, sku: 'TSH-1-RED-M', name: 'Cotton T-shirt TSH-1', wanted: 2, available: 1 }]);
		expect(q.shipments).toEqual([]);
		expect(q.total).toBe(0);
	});

	it('reports a line nobody can supply and quotes the rest', () => {
		stock(db, 'WH', sku.get('CHR-1')!, 10);
		const q = ask([['CHR-1', 1], ['TSH-1-BLUE-S', 1]]);
		expect(q.unavailable.map((u) => [u.sku, u.available])).toEqual([['TSH-1-BLUE-S', 0]]);
		expect(q.subtotal).toBe(12900);
	});
});

describe('quote money', () => {
	it('charges the flat fee per shipment and adds tax on top where prices exclude it', () => {
		stock(db, 'WH', sku.get('TSH-1-RED-M')!, 10);
		stock(db, 'PDX1', sku.get('TSH-1-RED-S')!, 10);
		const q = ask([['TSH-1-RED-M', 1], ['TSH-1-RED-S', 1]]);
		expect(q.shipments.map((s) => s.fee)).toEqual([599, 599]);
		// 3800 + 1198 = 4998 at 8 % = 399.84
		expect(q).toMatchObject({ currency: 'USD', subtotal: 3800, shippingFee: 1198, tax: 400, total: 5398, taxIncluded: false });
	});

	it('delivers free from the threshold on, and collection is always free', () => {
		stock(db, 'WH', sku.get('CHR-1')!, 10);
		setOrderSettings(db, { freeAbove: 12901 });
		expect(ask([['CHR-1', 1]]).shippingFee).toBe(599);
		setOrderSettings(db, { freeAbove: 12900 });
		expect(ask([['CHR-1', 1]]).shippingFee).toBe(0);
		setOrderSettings(db, { freeAbove: 99999 });
		const collect = ask([['CHR-1', 1]], 'collect');
		expect(collect.shippingFee).toBe(0);
		expect(collect.shipments[0].estimatedDate).toBe('2026-03-05');
	});

	it('shows the included tax where prices include it, rounding half away from zero', () => {
		db.update(store).set({ taxIncluded: true, taxRateBp: 2000 }).where(eq(store.id, storeId)).run();
		stock(db, 'WH', sku.get('TSH-1-RED-M')!, 10);
		// 1900 + 599 = 2499 of which 20/120 is tax: 416.5
		expect(ask([['TSH-1-RED-M', 1]])).toMatchObject({ subtotal: 1900, shippingFee: 599, tax: 417, total: 2499 });
		expect(taxOf(-2499, 2000, true)).toBe(-417);
	});

	it('uses a sale price while the sale runs', () => {
		const v = sku.get('TSH-1-RED-M')!;
		stock(db, 'WH', v, 10);
		db.update(price).set({ saleAmount: 1500, saleStart: '2026-03-01', saleEnd: '2026-03-31' }).where(eq(price.variantId, v)).run();
		expect(ask([['TSH-1-RED-M', 2]]).subtotal).toBe(3000);
		db.update(price).set({ saleEnd: '2026-03-01' }).where(eq(price.variantId, v)).run();
		expect(ask([['TSH-1-RED-M', 2]]).subtotal).toBe(3800);
	});
});
