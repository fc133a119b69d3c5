import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { openDatabase, type AppDb } from '../db/index.ts';
import { inventory, location } from '../db/store.schema.ts';
import { seedOrdersCatalog, stock, stockAt } from '../orders/test-fixture.ts';
import { startRace } from '../../../../tests/helpers/threads.ts';

const root = resolve(import.meta.dirname, '../../../..');
const WORKERS = 4;
const EACH = 40;
const ON_HAND = 100;
const RESERVED = 70;

/**
 * Each worker thread opens its own connection to the same SQLite file (as another server
 * process would), waits at a barrier so all start together, then sends its updates one batch
 * at a time, drawing each sequence number from a shared counter as tills would from a journal.
 */
const BODY = `
	const outcomes = [];
	for (let i = 0; i < workerData.count; i++) {
		const take = Atomics.add(shared, 2, 1) + 1;
		const give = Atomics.add(shared, 3, 1) + 1;
		const r = mod.applyStockUpdates(db, [
			{ location: 'WH', sku: 'TSH-1-RED-M', adjust: -1, seq: take },
			{ location: 'SEA1', sku: 'TSH-1-RED-M', adjust: 1, seq: give }
		]);
		outcomes.push(r.results.map((x) => ({ outcome: x.outcome, seq: x.index === 0 ? take : give, onHand: x.onHand, reserved: x.reserved })));
	}
	return { outcomes };
`;

interface Outcome {
	outcome: 'applied' | 'stale' | 'rejected';
	seq: number;
	onHand: number;
	reserved: number;
}

let db: AppDb;
let dir: string;
let cleanup: () => void;
let red: number;

beforeAll(() => {
	({ db, dir, cleanup } = createTestDb());
	red = seedOrdersCatalog(db).sku.get('TSH-1-RED-M')!;
	stock(db, 'WH', red, ON_HAND, { reserved: RESERVED });
	stock(db, 'SEA1', red, 0);
});
afterAll(() => cleanup());

describe('stock updates from several servers at once', () => {
	it(`${WORKERS} threads × ${EACH} adjustments: none lost, none applied out of sequence, reserved stock never given away`, { timeout: 60_000 }, async () => {
		const file = join(dir, 'aisle.db');
		const race = startRace<{ outcomes: Outcome[][] }>({ root, file, module: './src/lib/server/api/stock.ts', body: BODY, data: Array.from({ length: WORKERS }, () => ({ count: EACH })) });
		// Watch the warehouse row from another connection while they race.
		const watcher = openDatabase(file, root);
		let lowestFree = Infinity;
		const watch = () => {
			const s = stockAt(watcher, 'WH', red);
			lowestFree = Math.min(lowestFree, s.onHand - s.reserved);
		};
		const timer = setInterval(watch, 2);
		await race.release();
		const all = await race.results();
		clearInterval(timer);
		watch();
		watcher.$client.close();

		expect(all.map((r) => r.fatal).filter(Boolean)).toEqual([]);
		const batches = all.flatMap((r) => r.outcomes);
		expect(batches).toHaveLength(WORKERS * EACH);
		const takes = batches.map((b) => b[0]);
		const gives = batches.map((b) => b[1]);
		const count = (list: Outcome[], o: Outcome['outcome']) => list.filter((x) => x.outcome === o).length;
		const row = (code: string) =>
			db
				.select({ onHand: inventory.onHand, reserved: inventory.reserved, seq: inventory.sourceSeq })
				.from(inventory)
				.innerJoin(location, eq(location.id, inventory.locationId))
				.where(and(eq(location.code, code), eq(inventory.variantId, red)))
				.get()!;

		// Every applied adjustment counts, exactly once: nothing overwrote another.
		expect(row('WH').onHand).toBe(ON_HAND - count(takes, 'applied'));
		expect(row('SEA1').onHand).toBe(count(gives, 'applied'));
		// What was reserved for orders was never taken, and removals stopped exactly there.
		expect(row('WH').reserved).toBe(RESERVED);
		expect(lowestFree).toBeGreaterThanOrEqual(0);
		expect(count(takes, 'applied')).toBeLessThanOrEqual(ON_HAND - RESERVED);
		if (count(takes, 'rejected') > 0) expect(count(takes, 'applied')).toBe(ON_HAND - RESERVED);
		// An update that lost the race to a higher sequence was stale, not applied late.
		for (const [list, code] of [[takes, 'WH'], [gives, 'SEA1']] as const) {
			const applied = list.filter((x) => x.outcome === 'applied').map((x) => x.seq);
			expect(row(code).seq).toBe(Math.max(...applied));
			expect(count(list, 'applied') + count(list, 'stale') + count(list, 'rejected')).toBe(WORKERS * EACH);
		}
		expect(count(gives, 'rejected')).toBe(0);
	});
});
