import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { product } from '$pim/catalog/catalog.schema.ts';
import { outbox } from '$pim/search/search.schema.ts';
import { availabilityOf } from '../inventory.ts';
import { availabilityFor } from '../product-page.ts';
import { inventory, location } from '../db/store.schema.ts';
import { stock, stockAt } from '../orders/test-fixture.ts';
import { call, expectDocumentedRequest, startTestApp, stopTestApp, tokenWith } from './test-kit.ts';
import { ops } from './test-routes.ts';
import type { ApiAvailability } from './stock.ts';
import type { StockBatchResult } from './stock.ts';
import type { Page } from './cursor.ts';

vi.mock('$lib/server/app', async () => ({ app: (await import('./test-kit.ts')).testApp }));

let app: ReturnType<typeof startTestApp>;
let read: string;
let write: string;
let red: number;

beforeAll(() => {
	app = startTestApp();
	read = tokenWith('stock:read');
	write = tokenWith('stock:write');
	red = app.sku.get('TSH-1-RED-M')!;
});
afterAll(() => stopTestApp());
beforeEach(() => {
	app.db.delete(inventory).run();
});

const post = (updates: unknown) => call(ops.postStock, { token: write, body: { updates } });
const results = async (updates: unknown) => {
	const res = await post(updates);
	expect(res.status).toBe(200);
	return res.body as StockBatchResult;
};

describe('GET /api/v1/availability', () => {
	it('answers stock per location for the asked SKUs', async () => {
		stock(app.db, 'WH', red, 10, { reserved: 3, aisle: 'W1' });
		stock(app.db, 'SEA1', red, 2, { aisle: 'A4' });
		stock(app.db, 'SEA1', app.sku.get('CHR-1')!, 5);
		const res = await call(ops.listAvailability, { token: read, query: 'sku=TSH-1-RED-M&sku=CHR-1,NOPE' });
		expect(res.status).toBe(200);
		const body = res.body as Page<ApiAvailability>;
		expect(body.data.map((a) => a.sku).sort()).toEqual(['CHR-1', 'TSH-1-RED-M']);
		const shirt = body.data.find((a) => a.sku === 'TSH-1-RED-M')!;
		expect(shirt).toMatchObject({ product: 'TSH-1', deliverable: true });
		expect(shirt.locations).toEqual([
			expect.objectContaining({ location: 'SEA1', kind: 'store', store: 'SEA1', ships: false, onHand: 2, reserved: 0, available: 2, promisable: 2, aisle: 'A4', seq: null }),
			expect.objectContaining({ location: 'WH', kind: 'warehouse', store: null, ships: true, onHand: 10, reserved: 3, available: 7, promisable: 5, aisle: 'W1', seq: null })
		]);
	});

	it('answers one location, with zeros where it holds none, and refuses an unknown one', async () => {
		stock(app.db, 'WH', red, 4);
		const res = await call(ops.listAvailability, { token: read, query: 'sku=TSH-1-RED-M,TSH-1-RED-S&location=PDX1' });
		const body = res.body as Page<ApiAvailability>;
		expect(body.data.map((a) => [a.sku, a.locations.map((l) => [l.location, l.onHand, l.updatedAt])])).toEqual([
			['TSH-1-RED-S', [['PDX1', 0, null]]],
			['TSH-1-RED-M', [['PDX1', 0, null]]]
		]);
		const bad = await call(ops.listAvailability, { token: read, query: 'location=MARS' });
		expect(bad.status).toBe(400);
		expect((bad.body as { error: { details: unknown } }).error.details).toEqual([{ path: 'location', message: 'No location MARS' }]);
	});

	it('pages through every sellable variant without a SKU filter, each once', async () => {
		const all = app.sku.size;
		const seen: string[] = [];
		let query = 'limit=2';
		for (let i = 0; i < 10 && query; i++) {
			const body = (await call(ops.listAvailability, { token: read, query })).body as Page<ApiAvailability>;
			seen.push(...body.data.map((a) => a.sku));
			query = body.next ? new URL(body.next).search.slice(1) : '';
		}
		expect(seen.sort()).toEqual([...app.sku.keys()].sort());
		expect(seen).toHaveLength(all);
	});

	it('answers 304 while the stock is unchanged, and 200 once it moved', async () => {
		stock(app.db, 'WH', red, 4);
		const first = await call(ops.listAvailability, { token: read, query: 'sku=TSH-1-RED-M' });
		const etag = first.headers.get('etag')!;
		expect((await call(ops.listAvailability, { token: read, query: 'sku=TSH-1-RED-M', headers: { 'if-none-match': etag } })).status).toBe(304);
		await results([{ location: 'WH', sku: 'TSH-1-RED-M', adjust: 1, seq: 1 }]);
		expect((await call(ops.listAvailability, { token: read, query: 'sku=TSH-1-RED-M', headers: { 'if-none-match': etag } })).status).toBe(200);
	});
});

describe('GET /api/v1/products/{code}/availability', () => {
	it('answers each SKU of the product, and 404 for an unknown product', async () => {
		stock(app.db, 'SEA1', red, 3);
		const res = await call(ops.productAvailability, { token: read, params: { code: 'TSH-1' }, query: 'location=SEA1' });
		expect(res.status).toBe(200);
		const data = (res.body as { data: ApiAvailability[] }).data;
		expect(data.map((a) => [a.sku, a.locations[0].available])).toEqual([
			['TSH-1-RED-S', 0],
			['TSH-1-RED-M', 3],
			['TSH-1-BLUE-S', 0],
			['TSH-1-BLUE-M', 0]
		]);
		expect((await call(ops.productAvailability, { token: read, params: { code: 'NOPE' } })).status).toBe(404);
		expect((await call(ops.productAvailability, { token: read, params: { code: 'TSH-1' }, headers: { 'if-none-match': res.headers.get('etag')! }, query: 'location=SEA1' })).status).toBe(304);
	});
});

describe('POST /api/v1/stock', () => {
	it('sets counts and applies adjustments, records the sequence, and tells search and the kiosk', async () => {
		stock(app.db, 'SEA1', red, 1, { aisle: 'A4' });
		const lastQueued = Math.max(0, ...app.db.select({ id: outbox.id }).from(outbox).all().map((r) => r.id));
		const body = { updates: [
			{ location: 'SEA1', sku: 'TSH-1-RED-M', onHand: 6, seq: 10 },
			{ location: 'SEA1', sku: 'TSH-1-RED-M', adjust: -2, seq: 11 },
			{ location: 'PDX1', sku: 'CHR-1', adjust: 4, seq: 1 }
		] };
		expectDocumentedRequest(ops.postStock, body);
		const res = await results(body.updates);
		expect(res.summary).toEqual({ applied: 3, stale: 0, rejected: 0 });
		expect(res.results).toEqual([
			{ index: 0, location: 'SEA1', sku: 'TSH-1-RED-M', outcome: 'applied', onHand: 6, reserved: 0, available: 6, seq: 10 },
			{ index: 1, location: 'SEA1', sku: 'TSH-1-RED-M', outcome: 'applied', onHand: 4, reserved: 0, available: 4, seq: 11 },
			{ index: 2, location: 'PDX1', sku: 'CHR-1', outcome: 'applied', onHand: 4, reserved: 0, available: 4, seq: 1 }
		]);
		expect(stockAt(app.db, 'SEA1', red)).toEqual({ onHand: 4, reserved: 0 });
		// The shelf location survives a count.
		expect(app.db.select({ aisle: inventory.aisle }).from(inventory).where(eq(inventory.variantId, red)).get()?.aisle).toBe('A4');
		// Search hears of both products in the same transaction; the kiosk's product page reads the new stock.
		const productId = (code: string) => app.db.select({ id: product.id }).from(product).where(eq(product.code, code)).get()!.id;
		const queued = app.db.select({ id: outbox.entityId }).from(outbox).where(gt(outbox.id, lastQueued)).all().map((r) => r.id);
		expect(new Set(queued)).toEqual(new Set([productId('TSH-1'), productId('CHR-1')]));
		expect(availabilityFor(app.db, productId('TSH-1'), 'SEA1')['TSH-1-RED-M'].here).toEqual({ available: 4, aisle: 'A4', bay: null });
		expect(availabilityOf(app.db, [productId('CHR-1')]).get(productId('CHR-1'))!.storesInStock).toEqual(['PDX1']);
	});

	it('ignores a late or repeated update whose sequence is not above the last one applied', async () => {
		await results([{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 20, seq: 100 }]);
		const outboxBefore = app.db.select().from(outbox).all().length;
		const res = await results([
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 7, seq: 99 }, // sent before the count, arrived after
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: -1, seq: 100 }, // a retry of a message already applied
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: -1, seq: 101 },
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: -1, seq: 101 }
		]);
		expect(res.results.map((r) => [r.outcome, r.onHand, r.seq])).toEqual([
			['stale', 20, 100],
			['stale', 20, 100],
			['applied', 19, 101],
			['stale', 19, 101]
		]);
		expect(res.summary).toEqual({ applied: 1, stale: 3, rejected: 0 });
		expect(stockAt(app.db, 'WH', red).onHand).toBe(19);
		// Sequences are per SKU and location: another location starts afresh.
		expect((await results([{ location: 'SEA1', sku: 'TSH-1-RED-M', onHand: 1, seq: 1 }])).results[0].outcome).toBe('applied');
		expect(app.db.select().from(outbox).all().length).toBe(outboxBefore + 2);
	});

	it('never lets on hand fall below what orders have reserved, nor below zero', async () => {
		stock(app.db, 'WH', red, 10, { reserved: 4 });
		const res = await results([
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 3, seq: 1 },
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: -7, seq: 2 },
			{ location: 'PDX1', sku: 'TSH-1-RED-M', adjust: -1, seq: 1 },
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 4, seq: 3 }
		]);
		expect(res.results[0]).toEqual({
			index: 0,
			location: 'WH',
			sku: 'TSH-1-RED-M',
			outcome: 'rejected',
			onHand: 10,
			reserved: 4,
			available: 6,
			seq: null,
			error: { code: 'conflict', message: '4 units are reserved for orders here; on hand cannot go below that (asked for 3)' }
		});
		expect(res.results[1]).toMatchObject({ outcome: 'rejected', error: { code: 'conflict', message: '4 units are reserved for orders here; on hand cannot go below that (asked for 3)' } });
		expect(res.results[2]).toMatchObject({ outcome: 'rejected', error: { code: 'conflict', message: 'Adjusting by -1 would leave -1 on hand; stock cannot be negative' } });
		expect(res.results[3]).toMatchObject({ outcome: 'applied', onHand: 4, reserved: 4, available: 0, seq: 3 });
		// A rejected update did not consume its sequence number.
		expect((await results([{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 5, seq: 2 }])).results[0].outcome).toBe('stale');
		expect(app.db.select().from(inventory).where(and(eq(inventory.variantId, red), gt(inventory.onHand, -1))).all().map((r) => r.onHand)).toEqual([4]);
	});

	it('rejects unknown locations and SKUs item by item, applying the rest', async () => {
		const res = await results([
			{ location: 'MARS', sku: 'TSH-1-RED-M', onHand: 1, seq: 1 },
			{ location: 'WH', sku: 'TSH-1-RED', onHand: 1, seq: 1 }, // a colour group, not a sellable SKU
			{ location: 'WH', sku: 'CHR-1', onHand: 1, seq: 1 }
		]);
		expect(res.results.map((r) => [r.outcome, r.error?.message])).toEqual([
			['rejected', 'No location MARS'],
			['rejected', 'No sellable variant TSH-1-RED'],
			['applied', undefined]
		]);
		expect(app.db.select().from(location).where(eq(location.code, 'MARS')).all()).toEqual([]);
	});

	it('refuses a malformed batch whole, naming each problem, and changes nothing', async () => {
		stock(app.db, 'WH', red, 5);
		const bad = await post([
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 3, adjust: 1, seq: 1 },
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: -1, seq: 2 },
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: 1 },
			{ location: 'WH', sku: 'TSH-1-RED-M', onHand: 1.5, seq: 3, colour: 'red' }
		]);
		expect(bad.status).toBe(422);
		const details = (bad.body as { error: { code: string; details: { path: string }[] } }).error;
		expect(details.code).toBe('validation_failed');
		expect(details.details.map((d) => d.path)).toEqual(expect.arrayContaining(['updates.0.onHand', 'updates.1.onHand', 'updates.2.seq', 'updates.3.onHand', 'updates.3']));
		expect(stockAt(app.db, 'WH', red)).toEqual({ onHand: 5, reserved: 0 });
		expect((await post([])).status).toBe(422);
		expect((await call(ops.postStock, { token: write, body: { updates: Array(501).fill({ location: 'WH', sku: 'CHR-1', onHand: 1, seq: 1 }) } })).status).toBe(422);
		const notJson = await call(ops.postStock, { token: write, rawBody: 'updates=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(notJson.status).toBe(415);
		const broken = await call(ops.postStock, { token: write, rawBody: '{"updates": [' });
		expect(broken.status).toBe(400);
		expect((broken.body as { error: { message: string } }).error.message).toMatch(/^The body is not valid JSON/);
	});
});
