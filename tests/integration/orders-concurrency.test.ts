import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDb } from '../../src/lib/server/db/index.ts';
import { getOrder } from '../../src/lib/server/orders/queries.ts';
import { placeOrder } from '../../src/lib/server/orders/place.ts';
import { DELIVERY, seedOrdersCatalog, stock, stockAt } from '../../src/lib/server/orders/test-fixture.ts';
import { createTestDb } from '../helpers/db.ts';
import { startRace } from '../helpers/threads.ts';

const root = resolve(import.meta.dirname, '../..');
const WORKERS = 4;
const ORDERS = 200;
const UNITS = 10;

/**
 * Each worker thread opens its own connection to the same SQLite file (as another server
 * process would), waits at a shared barrier so all start at once, then places its share of
 * orders and re-submits the ones that went through, as a double tap would.
 */
const BODY = `
	const ok = [], conflicts = [], other = [], repeats = [];
	const submit = (key) => mod.placeOrder(db, { idempotencyKey: key, storeId: workerData.storeId, channel: 'kiosk', locale: 'en', lines: [{ variantId: workerData.variantId, quantity: 1 }], checkout: workerData.checkout, actor: 'kiosk', secret: 's' });
	for (const key of workerData.keys) {
		try {
			const r = submit(key);
			ok.push({ key, id: r.order.id });
		} catch (e) {
			if (e.name === 'ConflictError') conflicts.push(e.issues.map((i) => i.path).join(','));
			else other.push(String(e));
		}
	}
	for (const { key, id } of ok) {
		const r = submit(key);
		repeats.push({ id: r.order.id, was: id, repeated: r.repeated });
	}
	return { ok, conflicts, other, repeats };
`;

interface Result {
	ok: { key: string; id: number }[];
	conflicts: string[];
	other: string[];
	repeats: { id: number; was: number; repeated: boolean }[];
	fatal?: string;
}

let db: AppDb;
let dir: string;
let cleanup: () => void;
let storeId: number;
let variantId: number;

beforeAll(() => {
	({ db, dir, cleanup } = createTestDb());
	const seeded = seedOrdersCatalog(db);
	storeId = seeded.storeId;
	variantId = seeded.sku.get('TSH-1-RED-M')!;
	stock(db, 'WH', variantId, UNITS + 2); // the warehouse holds 2 back as safety stock
});
afterAll(() => cleanup());

describe('stock is never sold twice', () => {
	it(`${ORDERS} simultaneous orders from ${WORKERS} threads for ${UNITS} units: exactly ${UNITS} go through`, { timeout: 60_000 }, async () => {
		const file = join(dir, 'aisle.db');
		const keys = Array.from({ length: ORDERS }, (_, i) => `race-${i}`);
		const race = startRace<Result>({
			root,
			file,
			module: './src/lib/server/orders/place.ts',
			body: BODY,
			data: Array.from({ length: WORKERS }, (_, w) => ({ storeId, variantId, checkout: DELIVERY, keys: keys.filter((_, i) => i % WORKERS === w) }))
		});

		// Watch the stock from another connection while the race runs.
		const watcher = openDatabase(file, root);
		let lowest = Infinity;
		let maxReserved = 0;
		const watch = () => {
			const s = stockAt(watcher, 'WH', variantId);
			lowest = Math.min(lowest, s.onHand - s.reserved);
			maxReserved = Math.max(maxReserved, s.reserved);
		};
		const timer = setInterval(watch, 2);
		await race.release();
		const all = await race.results();
		clearInterval(timer);
		watch();
		watcher.$client.close();

		expect(all.map((r) => r.fatal).filter(Boolean)).toEqual([]);
		const ok = all.flatMap((r) => r.ok);
		expect(all.flatMap((r) => r.other)).toEqual([]);
		expect(ok).toHaveLength(UNITS);
		expect(all.flatMap((r) => r.conflicts)).toEqual(Array(ORDERS - UNITS).fill(`lines.${variantId}`));
		// Every thread took part in the race (which ones win depends on the scheduler).
		expect(all.every((r) => r.ok.length + r.conflicts.length > 0)).toBe(true);
		expect(stockAt(db, 'WH', variantId)).toEqual({ onHand: UNITS + 2, reserved: UNITS });
		expect(lowest).toBeGreaterThanOrEqual(2);
		expect(maxReserved).toBe(UNITS);
		// Double taps found the order they had placed, and reserved nothing more.
		expect(all.flatMap((r) => r.repeats).every((r) => r.repeated && r.id === r.was)).toBe(true);
		expect(new Set(ok.map((o) => o.id)).size).toBe(UNITS);

		const again = placeOrder(db, { idempotencyKey: ok[0].key, storeId, channel: 'kiosk', locale: 'en', lines: [{ variantId, quantity: 1 }], checkout: DELIVERY, actor: 'kiosk', secret: 's' });
		expect(again).toMatchObject({ repeated: true, order: { id: ok[0].id } });
		expect(getOrder(db, UNITS + 1)).toBeNull();
		expect(stockAt(db, 'WH', variantId).reserved).toBe(UNITS);
	});
});
