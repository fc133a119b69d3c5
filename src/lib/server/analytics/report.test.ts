import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProduct } from '$pim';
import { chair, seedStructure, tshirt } from '../../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { seedStores } from '../../../../tests/helpers/stores.ts';
import { ANALYTICS_KINDS, analyticsEvent, type AnalyticsKind } from '../db/analytics.schema.ts';
import { user } from '../db/auth.schema.ts';
import type { AppDb } from '../db/index.ts';
import { customerOrder, type OrderStatus } from '../db/orders.schema.ts';
import { store } from '../db/store.schema.ts';
import * as report from './report.ts';
import { reportTable, safeCell } from './tables.ts';

/**
 * A few hundred events and orders drawn from a fixed seed over two ranges of days and three
 * stores; every expectation below is recomputed from these arrays with plain filters.
 */
let db: AppDb;
let cleanup: () => void;
const NOW = new Date('2025-03-20T12:00:00Z');

type Ev = typeof analyticsEvent.$inferInsert & { day: string };
const events: Ev[] = [];
type Ord = { storeCode: string; storeId: number; channel: 'kiosk' | 'associate' | 'api'; associateId: number | null; status: OrderStatus; currency: string; total: number; createdAt: string; expiresAt: string };
const orders: Ord[] = [];
const zones: Record<string, string> = { SEA1: 'America/Los_Angeles', PDX1: 'America/Los_Angeles', TYO1: 'Asia/Tokyo' };
let associates: { id: number; name: string }[] = [];

function random(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	db.insert(store)
		.values({ code: 'TYO1', name: 'Aisle Tokyo', street: '1-1', city: 'Tokyo', postalCode: '100-0001', country: 'JP', latitude: 35.7, longitude: 139.7, currency: 'JPY', taxRateBp: 1000, timezone: 'Asia/Tokyo' })
		.run();
	saveProduct(db, chair('CHR-1', 1), 'test');
	saveProduct(db, tshirt('TSH-1', 100), 'test');
	associates = ['Sam Associate', 'Ana Helper'].map((name, i) =>
		db.insert(user).values({ email: `a${i}@example.com`, name, role: 'associate', passwordHash: 'x' }).returning({ id: user.id, name: user.name }).get()
	);
	const storeIds = Object.fromEntries(db.select({ id: store.id, code: store.code }).from(store).all().map((s) => [s.code, s.id]));

	const rnd = random(7);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-03-05', '2025-03-10', '2025-03-11'];
	const queries = [['chair', 12], ['oak table', 3], ['zorblat', 0], ['lampe', 0], ['sofa', 7], ['=cmd', 0]] as const;
	for (let i = 0; i < 600; i++) {
		const kind = pick(ANALYTICS_KINDS);
		const q = pick(queries);
		const storeCode = pick(['SEA1', 'SEA1', 'PDX1', 'TYO1', null]);
		events.push({
			kind,
			day: pick(days),
			at: NOW.toISOString(),
			store: storeCode,
			channel: storeCode ? 'kiosk' : 'phone',
			visit: rnd() < 0.1 ? null : `visit-${Math.floor(rnd() * 40)}`,
			query: kind === 'search' ? q[0] : null,
			results: kind === 'search' ? (rnd() < 0.2 ? 0 : q[1]) : null,
			product: ['product_view', 'view_3d', 'view_ar', 'cart_add', 'scan'].includes(kind) ? pick(['CHR-1', 'TSH-1', 'GONE-9']) : null,
			outcome: kind === 'scan' ? pick(['product', 'variant', 'unknown']) : null
		});
	}
	for (let i = 0; i < 0 + events.length; i += 200) db.insert(analyticsEvent).values(events.slice(i, i + 200)).run();

	// Orders around the range's edges in each store's own time, in two currencies.
	const instants = ['2025-03-01T07:59:00Z', '2025-03-01T08:01:00Z', '2025-03-05T20:00:00Z', '2025-03-10T06:59:00Z', '2025-03-10T07:01:00Z', '2025-02-28T15:30:00Z', '2025-03-10T14:59:00Z', '2025-03-10T15:01:00Z'];
	for (let i = 0; i < 120; i++) {
		const storeCode = pick(['SEA1', 'PDX1', 'TYO1']);
		const channel = pick(['kiosk', 'associate', 'api'] as const);
		const createdAt = pick(instants);
		orders.push({
			storeCode,
			storeId: storeIds[storeCode],
			channel,
			associateId: channel === 'associate' ? pick(associates).id : null,
			status: pick(['placed', 'paid', 'shipped', 'cancelled', 'delivered'] as const),
			currency: storeCode === 'TYO1' ? 'JPY' : 'USD',
			total: 1000 + Math.floor(rnd() * 50_000),
			createdAt,
			// Some unpaid ones are past their expiry at NOW: they no longer count.
			expiresAt: rnd() < 0.3 ? '2025-03-15T00:00:00.000Z' : '2025-04-01T00:00:00.000Z'
		});
	}
	orders.forEach((o, i) =>
		db.insert(customerOrder)
			.values({
				code: `O${i}`,
				statusTokenHash: `s${i}`,
				idempotencyKey: `k${i}`,
				storeId: o.storeId,
				channel: o.channel,
				associateId: o.associateId,
				status: o.status,
				fulfilment: 'delivery',
				currency: o.currency,
				subtotal: o.total,
				shippingFee: 0,
				tax: 0,
				total: o.total,
				locale: 'en',
				expiresAt: o.expiresAt,
				createdAt: new Date(o.createdAt).toISOString()
			})
			.run()
	);
});
afterAll(() => cleanup());

it('has seed data that reaches every case', () => {
	const all = { store: null, from: '2025-03-01', to: '2025-03-09' };
	const t = report.totals(db, all);
	expect(Math.min(...ANALYTICS_KINDS.map((k) => t[k]))).toBeGreaterThan(10);
	expect(t.zeroResultSearches).toBeGreaterThan(5);
	expect(report.funnel(db, all).at(-1)!.visits).toBeGreaterThan(0);
	const o = report.ordersReport(db, all, NOW);
	expect(o.byStore.every((g) => g.orders > 0) && o.byAssociate.length === 2).toBe(true);
	// Orders cut at midnight, cancelled and expired ones are all in the seed.
	expect(orders.some((o) => o.status === 'cancelled') && orders.some((o) => o.status === 'placed' && o.expiresAt < NOW.toISOString())).toBe(true);
	expect(o.total.orders).toBeLessThan(orders.length);
});

const ranges: report.ReportQuery[] = [
	{ store: null, from: '2025-03-01', to: '2025-03-09' },
	{ store: 'SEA1', from: '2025-03-01', to: '2025-03-09' },
	{ store: 'TYO1', from: '2025-02-28', to: '2025-03-10' },
	{ store: 'PDX1', from: '2025-03-12', to: '2025-03-19' }
];
const inRange = (q: report.ReportQuery) => events.filter((e) => e.day >= q.from && e.day <= q.to && (!q.store || e.store === q.store));
const tally = <T>(list: T[], key: (t: T) => string) => list.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());

describe.each(ranges)('report for $store from $from to $to', (q) => {
	const mine = () => inRange(q);

	it('totals each kind, the visits and the searches without results', () => {
		const t = report.totals(db, q);
		for (const kind of ANALYTICS_KINDS) expect(t[kind], kind).toBe(mine().filter((e) => e.kind === kind).length);
		expect(t.visits).toBe(new Set(mine().map((e) => e.visit).filter(Boolean)).size);
		expect(t.zeroResultSearches).toBe(mine().filter((e) => e.kind === 'search' && e.results === 0).length);
	});

	it('gives every day of the range, with its count of each kind', () => {
		const d = report.daily(db, q);
		expect(d.days[0]).toBe(q.from);
		expect(d.days.at(-1)).toBe(q.to);
		for (const kind of ANALYTICS_KINDS) expect(d.counts[kind]).toEqual(d.days.map((day) => mine().filter((e) => e.kind === kind && e.day === day).length));
	});

	it('ranks searches, with their mean results, and the ones that found nothing', () => {
		const searches = mine().filter((e) => e.kind === 'search');
		const expected = [...tally(searches, (e) => e.query!)]
			.map(([query, n]) => {
				const these = searches.filter((e) => e.query === query);
				return { query, searches: n, avgResults: Math.round((these.reduce((s, e) => s + e.results!, 0) / n) * 10) / 10, zeroResults: these.filter((e) => e.results === 0).length };
			})
			.sort((a, b) => b.searches - a.searches || (a.query < b.query ? -1 : 1));
		expect(report.topSearches(db, q)).toEqual(expected);
		expect(report.topSearches(db, q, 2)).toEqual(expected.slice(0, 2));

		const zero = searches.filter((e) => e.results === 0);
		const expectedZero = [...tally(zero, (e) => e.query!)]
			.map(([query, n]) => ({ query, searches: n, lastDay: zero.filter((e) => e.query === query).reduce((m, e) => (e.day > m ? e.day : m), '') }))
			.sort((a, b) => b.searches - a.searches || (a.query < b.query ? -1 : 1));
		expect(report.zeroResultSearches(db, q)).toEqual(expectedZero);
	});

	it('counts scans by outcome, product views and 3D / AR opens per product', () => {
		const scans = tally(mine().filter((e) => e.kind === 'scan'), (e) => e.outcome!);
		expect(report.scansByOutcome(db, q)).toEqual(['product', 'variant', 'unknown'].map((outcome) => ({ outcome, scans: scans.get(outcome) ?? 0 })));

		const names: Record<string, string | null> = { 'CHR-1': 'Oak dining chair CHR-1', 'TSH-1': 'Cotton T-shirt TSH-1', 'GONE-9': null };
		const views = [...tally(mine().filter((e) => e.kind === 'product_view'), (e) => e.product!)]
			.map(([product, n]) => ({ product, name: names[product], views: n }))
			.sort((a, b) => b.views - a.views || (a.product < b.product ? -1 : 1));
		expect(report.topProducts(db, q)).toEqual(views);

		const count = (product: string, kind: AnalyticsKind) => mine().filter((e) => e.kind === kind && e.product === product).length;
		const models = Object.keys(names)
			.map((product) => ({ product, name: names[product], view3d: count(product, 'view_3d'), viewAr: count(product, 'view_ar') }))
			.filter((m) => m.view3d + m.viewAr > 0)
			.sort((a, b) => b.view3d + b.viewAr - (a.view3d + a.viewAr) || (a.product < b.product ? -1 : 1));
		expect(report.modelOpens(db, q)).toEqual(models);
	});

	it('follows visits from search to order, each step within the one before', () => {
		const visits = new Map<string, Set<string>>();
		for (const e of mine()) if (e.visit) visits.set(e.visit, (visits.get(e.visit) ?? new Set()).add(e.kind));
		const has = (...kinds: string[]) => [...visits.values()].filter((k) => kinds.every((x) => k.has(x))).length;
		expect(report.funnel(db, q)).toEqual([
			{ step: 'search', visits: has('search') },
			{ step: 'product_view', visits: has('search', 'product_view') },
			{ step: 'cart_add', visits: has('search', 'product_view', 'cart_add') },
			{ step: 'order', visits: has('search', 'product_view', 'cart_add', 'order') }
		]);
	});

	it("counts orders that stand, and their revenue, by store, channel and associate, on each store's days", () => {
		const local = (o: Ord) => new Intl.DateTimeFormat('en-CA', { timeZone: zones[o.storeCode] }).format(new Date(o.createdAt));
		const standing = orders.filter(
			(o) => (!q.store || o.storeCode === q.store) && local(o) >= q.from && local(o) <= q.to && o.status !== 'cancelled' && !(o.status === 'placed' && o.expiresAt < NOW.toISOString())
		);
		const revenue = (list: Ord[]) =>
			[...new Set(list.map((o) => o.currency))].sort().map((currency) => ({ currency, amount: list.filter((o) => o.currency === currency).reduce((s, o) => s + o.total, 0) }));
		const r = report.ordersReport(db, q, NOW);
		expect(r.total).toEqual({ orders: standing.length, revenue: revenue(standing) });
		const stores = (q.store ? [q.store] : ['PDX1', 'SEA1', 'TYO1']).map((code) => {
			const these = standing.filter((o) => o.storeCode === code);
			return { key: code, orders: these.length, revenue: revenue(these) };
		});
		expect(r.byStore.map(({ key, orders, revenue }) => ({ key, orders, revenue }))).toEqual(stores);
		for (const channel of ['kiosk', 'associate', 'api']) {
			const these = standing.filter((o) => o.channel === channel);
			expect(r.byChannel.find((g) => g.key === channel)).toMatchObject({ orders: these.length, revenue: revenue(these) });
		}
		const byAssociate = associates
			.map((a) => ({ label: a.name, these: standing.filter((o) => o.associateId === a.id) }))
			.filter((a) => a.these.length)
			.map((a) => ({ label: a.label, orders: a.these.length, revenue: revenue(a.these) }))
			.sort((a, b) => b.orders - a.orders || a.label.localeCompare(b.label));
		expect(r.byAssociate.map(({ label, orders, revenue }) => ({ label, orders, revenue }))).toEqual(byAssociate);
		expect(r.perDay).toEqual(report.daysOf(q).map((day) => standing.filter((o) => local(o) === day).length));
	});
});

describe('readReportFilter', () => {
	const stores = [
		{ code: 'SEA1', timezone: 'America/Los_Angeles' },
		{ code: 'TYO1', timezone: 'Asia/Tokyo' }
	];
	const read = (qs: string) => report.readReportFilter(new URLSearchParams(qs), stores, NOW);

	it('defaults to the last 30 days of all stores, today included', () => {
		expect(read('')).toEqual({ filter: { store: null, range: '30', from: '2025-02-19', to: '2025-03-20' }, issues: [] });
	});

	it("counts a preset back from today in the store's time zone", () => {
		const late = new Date('2025-03-20T23:30:00Z');
		expect(report.readReportFilter(new URLSearchParams('store=TYO1&range=7'), stores, late).filter).toEqual({ store: 'TYO1', range: '7', from: '2025-03-15', to: '2025-03-21' });
		expect(read('store=SEA1&range=90').filter).toMatchObject({ from: '2024-12-21', to: '2025-03-20' });
	});

	it('takes custom dates, both ends included', () => {
		expect(read('range=custom&from=2025-01-01&to=2025-01-31')).toEqual({ filter: { store: null, range: 'custom', from: '2025-01-01', to: '2025-01-31' }, issues: [] });
	});

	it('names each bad value and falls back to the default for it', () => {
		expect(read('store=NOPE&range=12').issues.map((i) => i.parameter)).toEqual(['store', 'range']);
		expect(read('store=NOPE').filter.store).toBeNull();
		for (const [qs, parameter] of [
			['range=custom&from=2025-02-30&to=2025-03-01', 'from'],
			['range=custom&from=2025-03-01&to=yesterday', 'to'],
			['range=custom&from=2025-03-10&to=2025-03-01', 'to'],
			['range=custom&from=2020-01-01&to=2025-03-01', 'to']
		]) {
			const { filter, issues } = read(qs);
			expect(issues.map((i) => i.parameter), qs).toEqual([parameter]);
			expect(filter, qs).toEqual({ store: null, range: '30', from: '2025-02-19', to: '2025-03-20' });
		}
	});
});

describe('CSV tables', () => {
	const q = ranges[0];

	it('gives each table in full, with a header the rows match', () => {
		const searches = reportTable(db, 'top-searches', q, NOW);
		expect(searches.columns).toEqual(['query', 'searches', 'average_results', 'searches_without_results']);
		expect(searches.rows).toEqual(report.topSearches(db, q).map((r) => [r.query, r.searches, r.avgResults, r.zeroResults]));
		const daily = reportTable(db, 'daily', q, NOW);
		expect(daily.rows).toHaveLength(9);
		expect(daily.rows.map((r) => r.at(-1))).toEqual(report.ordersReport(db, q, NOW).perDay);
		const byStore = reportTable(db, 'orders-by-store', q, NOW);
		const sea = report.ordersReport(db, q, NOW).byStore.find((g) => g.key === 'SEA1')!;
		expect(byStore.rows.find((r) => r[0] === 'SEA1')).toEqual(['SEA1', 'Aisle Seattle', sea.orders, 'USD', (sea.revenue[0].amount / 100).toFixed(2)]);
		const tokyo = report.ordersReport(db, q, NOW).byStore.find((g) => g.key === 'TYO1')!;
		// Yen have no minor unit.
		expect(byStore.rows.find((r) => r[0] === 'TYO1')?.[4]).toBe(String(tokyo.revenue[0].amount));
	});

	it('defuses shopper text that a spreadsheet would run as a formula', () => {
		expect(safeCell('=cmd')).toBe("'=cmd");
		expect(safeCell('+1')).toBe("'+1");
		expect(safeCell('chair')).toBe('chair');
		expect(safeCell(3)).toBe(3);
		expect(safeCell(null)).toBe('');
	});
});
