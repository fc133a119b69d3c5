import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { seedStores } from '../../../../tests/helpers/stores.ts';
import { analyticsEvent } from '../db/analytics.schema.ts';
import type { AppDb } from '../db/index.ts';
import { store } from '../db/store.schema.ts';
import { AnalyticsRecorder, pruneAnalytics, type AnalyticsInput } from './recorder.ts';

let db: AppDb;
let cleanup: () => void;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStores(db);
	db.insert(store)
		.values({ code: 'TYO1', name: 'Aisle Tokyo', street: '1-1', city: 'Tokyo', postalCode: '100-0001', country: 'JP', latitude: 35.7, longitude: 139.7, currency: 'JPY', taxRateBp: 1000, timezone: 'Asia/Tokyo' })
		.run();
});
afterEach(() => cleanup());

const rows = () => db.select().from(analyticsEvent).orderBy(asc(analyticsEvent.id)).all();
const T0 = new Date('2025-03-10T05:30:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const kiosk = (visit: string, over: Partial<AnalyticsInput> = {}): AnalyticsInput => ({ kind: 'cart_add', channel: 'kiosk', store: 'SEA1', visit, product: 'P1', at: T0, ...over });
const nextMacrotask = () => new Promise((r) => setImmediate(r));

describe('batching', () => {
	it('writes nothing during the request, then each full batch in one transaction right after', async () => {
		const r = new AnalyticsRecorder(db, { batchSize: 200, maxPerVisit: 10_000 });
		const transactions = vi.spyOn(db.$client, 'transaction');
		for (let i = 0; i < 450; i++) r.record(kiosk('visit-aaaaaaaa', { at: at(i) }));
		// Recording is an array push: nothing reached the table yet.
		expect(rows()).toHaveLength(0);
		await nextMacrotask();
		expect(rows()).toHaveLength(450);
		expect(transactions).toHaveBeenCalledTimes(1);
		r.record(kiosk('visit-aaaaaaaa'));
		await nextMacrotask();
		// Below a batch: it waits for the timer.
		expect(rows()).toHaveLength(450);
		r.tick();
		expect(rows()).toHaveLength(451);
		expect(transactions).toHaveBeenCalledTimes(2);
	});

	it('flushes on its own within a second once started, and writes the rest on stop', async () => {
		const r = new AnalyticsRecorder(db, { flushMs: 100 });
		r.start();
		r.record(kiosk('visit-bbbbbbbb'));
		await vi.waitFor(() => expect(rows()).toHaveLength(1), { timeout: 1000, interval: 20 });
		r.record(kiosk('visit-bbbbbbbb', { kind: 'search', query: 'lamp', results: 3 }));
		await r.stop();
		expect(rows().map((e) => e.kind)).toEqual(['cart_add', 'search']);
		// A request finishing during shutdown: the database is closing, nothing more is taken.
		expect(r.record(kiosk('visit-bbbbbbbb', { kind: 'order' }))).toBe(false);
	});

	it('keeps events it could not write and writes them on the next try', () => {
		const r = new AnalyticsRecorder(db, { log: () => undefined });
		r.record(kiosk('visit-cccccccc'));
		db.$client.exec('ALTER TABLE analytics_event RENAME TO analytics_event_away');
		expect(r.flush()).toBe(0);
		expect(r.buffered).toBe(1);
		db.$client.exec('ALTER TABLE analytics_event_away RENAME TO analytics_event');
		expect(r.flush()).toBe(1);
		expect(rows()).toHaveLength(1);
	});
});

describe('what is stored', () => {
	it('normalizes search text and never stores what looks personal', () => {
		const r = new AnalyticsRecorder(db);
		const search = (visit: string, query: string) => r.record(kiosk(visit, { kind: 'search', query, results: 0 }));
		expect(search('visit-dddddddd', '  Oak   TABLE ')).toBe(true);
		expect(search('visit-eeeeeeee', 'jane.doe@example.com')).toBe(false);
		expect(search('visit-ffffffff', '+1 206 555 0142')).toBe(false);
		expect(search('visit-gggggggg', '4006381333931')).toBe(true);
		r.record({ kind: 'search', channel: 'kiosk', store: 'SEA1', query: 'call 2065550142 please', results: 0, at: T0 });
		r.tick(at(60_000));
		expect(rows().map((e) => e.query)).toEqual(['oak table', '4006381333931']);
		expect(rows().every((e) => e.results === 0)).toBe(true);
	});

	it("dates each event in its store's time zone, and phones (no store) in UTC", () => {
		const r = new AnalyticsRecorder(db);
		r.record(kiosk('visit-hhhhhhhh', { store: 'SEA1' }));
		r.record(kiosk('visit-iiiiiiii', { store: 'TYO1', at: new Date('2025-03-09T16:00:00Z') }));
		r.record({ kind: 'product_view', channel: 'phone', store: null, product: 'P1', at: new Date('2025-03-09T23:59:59Z') });
		r.record(kiosk('visit-jjjjjjjj', { store: 'GONE' }));
		r.flush();
		expect(rows().map((e) => [e.store, e.at, e.day])).toEqual([
			['SEA1', '2025-03-10T05:30:00.000Z', '2025-03-09'],
			['TYO1', '2025-03-09T16:00:00.000Z', '2025-03-10'],
			[null, '2025-03-09T23:59:59.000Z', '2025-03-09'],
			['GONE', '2025-03-10T05:30:00.000Z', '2025-03-10']
		]);
	});

	it('ignores a malformed visit id rather than storing it', () => {
		const r = new AnalyticsRecorder(db);
		r.record(kiosk('<script>alert(1)</script>'));
		r.flush();
		expect(rows()[0].visit).toBeNull();
	});
});

describe('flood control', () => {
	it('caps the events of one visit, leaving other visits alone', () => {
		const r = new AnalyticsRecorder(db, { maxPerVisit: 50 });
		let kept = 0;
		for (let i = 0; i < 1000; i++) if (r.record(kiosk('looping-client', { at: at(i) }))) kept++;
		expect(kept).toBe(50);
		expect(r.record(kiosk('visit-kkkkkkkk'))).toBe(true);
		r.flush();
		expect(rows()).toHaveLength(51);
	});

	it('caps events without a visit per minute', () => {
		const r = new AnalyticsRecorder(db, { maxAnonymousPerMinute: 30 });
		const phone = (ms: number) => r.record({ kind: 'product_view', channel: 'phone', product: 'P1', at: at(ms) });
		let kept = 0;
		for (let i = 0; i < 100; i++) if (phone(i)) kept++;
		expect(kept).toBe(30);
		// The next minute starts afresh.
		expect(phone(60_000)).toBe(true);
	});

	it('counts a product page once per visit, however often it reloads', () => {
		const r = new AnalyticsRecorder(db);
		for (let i = 0; i < 5; i++) r.record(kiosk('visit-llllllll', { kind: 'product_view', product: 'CHAIR-1', at: at(i * 1000) }));
		r.record(kiosk('visit-llllllll', { kind: 'product_view', product: 'LAMP-2' }));
		r.record(kiosk('visit-mmmmmmmm', { kind: 'product_view', product: 'CHAIR-1' }));
		r.flush();
		expect(rows().map((e) => `${e.visit}:${e.product}`)).toEqual(['visit-llllllll:CHAIR-1', 'visit-llllllll:LAMP-2', 'visit-mmmmmmmm:CHAIR-1']);
	});

	it('forgets visits past their time, so memory stays bounded', () => {
		const r = new AnalyticsRecorder(db, { maxPerVisit: 2, visitTtlMs: 60_000 });
		r.record(kiosk('visit-nnnnnnnn'));
		r.record(kiosk('visit-nnnnnnnn'));
		expect(r.record(kiosk('visit-nnnnnnnn'))).toBe(false);
		r.tick(at(120_000));
		expect(r.record(kiosk('visit-nnnnnnnn', { at: at(120_000) }))).toBe(true);
	});
});

describe('searches as the shopper types', () => {
	const typed = (r: AnalyticsRecorder, visit: string, steps: [string, number, number][]) => {
		for (const [query, results, ms] of steps) r.record(kiosk(visit, { kind: 'search', query, results, at: at(ms) }));
	};

	it('keeps only the query the shopper settled on, with the results it had', () => {
		const r = new AnalyticsRecorder(db, { settleMs: 4000 });
		typed(r, 'visit-oooooooo', [
			['c', 900, 0],
			['ch', 400, 300],
			['cha', 120, 700],
			['chairs', 0, 1500],
			// Backspace: still the same search.
			['chair', 42, 2500]
		]);
		r.tick(at(5000));
		expect(rows()).toHaveLength(0);
		r.tick(at(7000));
		expect(rows().map((e) => [e.query, e.results, e.at])).toEqual([['chair', 42, at(2500).toISOString()]]);
	});

	it('counts a new search when the text changes to something else, or after a pause', () => {
		const r = new AnalyticsRecorder(db, { settleMs: 4000 });
		typed(r, 'visit-pppppppp', [
			['zorblat', 0, 0],
			['sofa', 12, 1000],
			['sofa bed', 3, 9000]
		]);
		r.tick(at(20_000));
		expect(rows().map((e) => e.query)).toEqual(['zorblat', 'sofa', 'sofa bed']);
	});

	it('settles the search when the shopper does anything else, and counts a repeat once per visit', () => {
		const r = new AnalyticsRecorder(db);
		typed(r, 'visit-qqqqqqqq', [['lamp', 8, 0]]);
		r.record(kiosk('visit-qqqqqqqq', { kind: 'product_view', product: 'LAMP-1', at: at(800) }));
		expect(r.buffered).toBe(2);
		// Back to the results, the same query again (and a filter changed): not a new search.
		typed(r, 'visit-qqqqqqqq', [
			['lamp', 8, 5000],
			['lamp', 3, 6000]
		]);
		r.tick(at(60_000));
		expect(rows().map((e) => `${e.kind}:${e.query ?? e.product}`)).toEqual(['search:lamp', 'product_view:LAMP-1']);
	});

	it('writes a search still settling when the app stops', async () => {
		const r = new AnalyticsRecorder(db);
		typed(r, 'visit-rrrrrrrr', [['desk', 5, 0]]);
		await r.stop();
		expect(rows().map((e) => e.query)).toEqual(['desk']);
	});
});

describe('retention', () => {
	it('deletes events older than the retention period and keeps the rest', () => {
		const now = new Date('2026-11-20T12:00:00Z');
		const insert = db.$client.prepare("INSERT INTO analytics_event (kind, at, day, store, channel) VALUES ('search', ?, ?, NULL, 'kiosk')");
		for (const at of ['2025-10-01T00:00:00Z', '2025-10-16T11:59:59Z', '2025-10-16T12:00:01Z', '2026-11-19T09:00:00Z']) insert.run(at, at.slice(0, 10));
		expect(pruneAnalytics(db, 400, now)).toBe(2);
		expect(db.select({ at: analyticsEvent.at }).from(analyticsEvent).orderBy(asc(analyticsEvent.at)).all().map((r) => r.at)).toEqual(['2025-10-16T12:00:01Z', '2026-11-19T09:00:00Z']);
		expect(pruneAnalytics(db, 400, now)).toBe(0);
	});
});
