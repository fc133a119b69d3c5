import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { DELIVERY, seedOrdersCatalog, stock } from '../src/lib/server/orders/test-fixture.ts';
import { fmt, summarize } from './stats.ts';
import { startRace } from '../tests/helpers/threads.ts';

/**
 * A worker thread with its own SQLite connection, as another server process would have:
 * it waits at the shared barrier, then places its orders one after another, timing each.
 */
const BODY = `
	const times = [];
	let failed = 0;
	for (const o of workerData.orders) {
		const t = performance.now();
		try {
			mod.placeOrder(db, { idempotencyKey: o.key, storeId: workerData.storeId, channel: 'kiosk', locale: 'en', lines: o.lines, checkout: workerData.checkout, actor: 'bench', secret: 'bench' });
		} catch (e) {
			failed++;
		}
		times.push(performance.now() - t);
	}
	return { times, failed, end: performance.now() + performance.timeOrigin };
`;

interface Scenario {
	label: string;
	threads: number;
	/** Lines of each order, by order number. */
	lines: (i: number) => { variantId: number; quantity: number }[];
}

async function run(file: string, root: string, storeId: number, s: Scenario, perThread: number, tag: string) {
	const race = startRace<{ times: number[]; failed: number; end: number }>({
		root,
		file,
		module: './src/lib/server/orders/place.ts',
		body: BODY,
		data: Array.from({ length: s.threads }, (_, w) => ({
			storeId,
			checkout: DELIVERY,
			orders: Array.from({ length: perThread }, (_, i) => ({ key: `${tag}-${w}-${i}`, lines: s.lines(w * perThread + i) }))
		}))
	});
	const start = await race.release();
	const all = await race.results();
	const fatal = all.find((r) => r.fatal);
	if (fatal) throw new Error(fatal.fatal);
	const seconds = (Math.max(...all.map((r) => r.end)) - start) / 1000;
	const times = all.flatMap((r) => r.times);
	return { ...summarize(times), perSecond: times.length / seconds, failed: all.reduce((n, r) => n + r.failed, 0) };
}

/**
 * Order placement under concurrency: throughput (orders/s) and latency (median, p95) with
 * 1 and 4 worker threads on their own connections to one SQLite file, for orders spread
 * over many variants and for every order wanting the same variant (one hot inventory row).
 */
export async function benchOrders(opts: { root: string; perThread?: number }) {
	const perThread = opts.perThread ?? 250;
	const dir = mkdtempSync(join(tmpdir(), 'aisle-bench-orders-'));
	try {
		const file = join(dir, 'aisle.db');
		const db = openDatabase(file, opts.root);
		const { storeId, sku } = seedOrdersCatalog(db, 25);
		const ids = [...sku.values()];
		for (const id of ids) stock(db, 'WH', id, 1_000_000);
		for (const id of ids.filter((_, i) => i % 3 === 0)) stock(db, 'PDX1', id, 1_000_000);
		db.$client.close();
		console.log(`\nOrder placement: ${ids.length} variants, warehouse and one store stocked; each thread places ${perThread} orders on its own connection`);
		const hot = sku.get('TSH-1-RED-M')!;
		const spread = (i: number) => {
			const n = 1 + (i % 3);
			return Array.from({ length: n }, (_, k) => ({ variantId: ids[(i * 7 + k * 13) % ids.length], quantity: 1 + (k % 2) }));
		};
		const scenarios: Scenario[] = [
			{ label: 'spread, 1–3 lines', threads: 1, lines: spread },
			{ label: 'spread, 1–3 lines', threads: 4, lines: spread },
			{ label: 'one hot variant', threads: 1, lines: () => [{ variantId: hot, quantity: 1 }] },
			{ label: 'one hot variant', threads: 4, lines: () => [{ variantId: hot, quantity: 1 }] }
		];
		const rows: string[][] = [];
		let base = 0;
		for (const [i, s] of scenarios.entries()) {
			const r = await run(file, opts.root, storeId, s, perThread, `s${i}`);
			if (s.threads === 1) base = r.perSecond;
			rows.push([s.label, String(s.threads), String(r.n), r.perSecond.toFixed(0), s.threads === 1 ? '1.00×' : `${(r.perSecond / base).toFixed(2)}×`, fmt(r.median), fmt(r.p95), String(r.failed)]);
		}
		const check = openDatabase(file, opts.root);
		const placed = check.get<{ n: number }>(sql`SELECT count(*) AS n FROM customer_order`).n;
		check.$client.close();
		const head = ['scenario', 'threads', 'orders', 'orders/s', 'vs 1 thread', 'median', 'p95', 'failed'];
		const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
		const line = (r: string[]) => '  ' + r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
		console.log(line(head));
		for (const r of rows) console.log(line(r));
		console.log(`  ${placed} orders in the database; latency is per placeOrder call, including waiting for the write lock`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
