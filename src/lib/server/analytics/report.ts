import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ANALYTICS_KINDS, type AnalyticsKind } from '../db/analytics.schema.ts';
import type { AppDb } from '../db/index.ts';
import { localDay, nextDay, startOfDay } from './normalize.ts';

/** What a report covers: one store (by code) or all, and a range of days, both ends included, in each store's time zone. */
export interface ReportQuery {
	store: string | null;
	from: string;
	to: string;
}

export const RANGE_PRESETS = ['7', '30', '90'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number] | 'custom';
export interface ReportFilter extends ReportQuery {
	range: RangePreset;
}

/** The longest range a report covers, in days. */
export const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE = '30';

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2025-01-31')
	.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a real date');

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
const minusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

/**
 * The report a page or a download asks for, from its URL: `store` (a code, empty for all),
 * `range` (7, 30 or 90 days up to today, or `custom` with `from` and `to`). A bad value is
 * named in `issues` and replaced by the default, so the page still shows something sensible.
 * Today is the store's day (UTC for all stores).
 */
export function readReportFilter(
	params: URLSearchParams,
	stores: { code: string; timezone: string }[],
	now = new Date()
): { filter: ReportFilter; issues: { parameter: string; message: string }[] } {
	const issues: { parameter: string; message: string }[] = [];
	const storeParam = params.get('store')?.trim() || null;
	const here = storeParam ? stores.find((s) => s.code === storeParam) : undefined;
	if (storeParam && !here) issues.push({ parameter: 'store', message: `No store has the code “${storeParam}”` });
	const store = here?.code ?? null;
	const today = localDay(now, here?.timezone ?? 'UTC');

	let range = (params.get('range') || DEFAULT_RANGE) as RangePreset;
	if (![...RANGE_PRESETS, 'custom'].includes(range)) {
		issues.push({ parameter: 'range', message: 'Choose 7, 30 or 90 days, or custom dates' });
		range = DEFAULT_RANGE;
	}
	const preset = (r: string) => ({ from: minusDays(today, Number(r) - 1), to: today });
	if (range !== 'custom') return { filter: { store, range, ...preset(range) }, issues };

	const from = day.safeParse(params.get('from') ?? '');
	const to = day.safeParse(params.get('to') ?? '');
	if (!from.success) issues.push({ parameter: 'from', message: from.error.issues[0].message });
	if (!to.success) issues.push({ parameter: 'to', message: to.error.issues[0].message });
	if (from.success && to.success) {
		const span = daysBetween(from.data, to.data);
		if (span < 0) issues.push({ parameter: 'to', message: 'The end date is before the start date' });
		else if (span >= MAX_RANGE_DAYS) issues.push({ parameter: 'to', message: `At most ${MAX_RANGE_DAYS} days at a time` });
		else return { filter: { store, range, from: from.data, to: to.data }, issues };
	}
	return { filter: { store, range: DEFAULT_RANGE, ...preset(DEFAULT_RANGE) }, issues };
}

/** The stores a report can be about, by name, with their time zones. */
export function reportStores(db: AppDb): { code: string; name: string; timezone: string }[] {
	return db.all(sql`SELECT code, name, timezone FROM store ORDER BY name, code`);
}

/** Every day of the range, in order. */
export function daysOf(q: Pick<ReportQuery, 'from' | 'to'>): string[] {
	const days: string[] = [];
	for (let d = q.from; d <= q.to && days.length <= MAX_RANGE_DAYS; d = nextDay(d)) days.push(d);
	return days;
}

/** Every kind, as a condition: it lets SQLite read the (kind, day, store) index one kind at a time instead of the whole table. */
const ANY_KIND = sql.raw(`kind IN (${ANALYTICS_KINDS.map((k) => `'${k}'`).join(', ')})`);

/** The events of the query's range and store, with `extra` conditions (which should name the kinds). */
function where(q: ReportQuery, extra: SQL = ANY_KIND): SQL {
	return sql`${extra} AND day >= ${q.from} AND day <= ${q.to}${q.store ? sql` AND store = ${q.store}` : sql``}`;
}

export type KindTotals = Record<AnalyticsKind, number> & { visits: number; zeroResultSearches: number };

/** How many of each kind of event, how many visits did anything, and how many searches found nothing. */
export function totals(db: AppDb, q: ReportQuery): KindTotals {
	const out = Object.fromEntries(ANALYTICS_KINDS.map((k) => [k, 0])) as KindTotals;
	for (const r of db.all<{ kind: AnalyticsKind; n: number }>(sql`SELECT kind, count(*) AS n FROM analytics_event WHERE ${where(q)} GROUP BY kind`)) out[r.kind] = r.n;
	const extra = db.get<{ visits: number; zero: number | null }>(
		sql`SELECT count(DISTINCT visit) AS visits, sum(kind = 'search' AND results = 0) AS zero FROM analytics_event WHERE ${where(q)}`
	);
	out.visits = extra.visits;
	out.zeroResultSearches = extra.zero ?? 0;
	return out;
}

export interface DailySeries {
	days: string[];
	/** Per kind, one count per day of `days`. */
	counts: Record<AnalyticsKind, number[]>;
}

/** Events per kind and day, every day of the range present (zero when nothing happened). */
export function daily(db: AppDb, q: ReportQuery): DailySeries {
	const days = daysOf(q);
	const index = new Map(days.map((d, i) => [d, i]));
	const counts = Object.fromEntries(ANALYTICS_KINDS.map((k) => [k, days.map(() => 0)])) as Record<AnalyticsKind, number[]>;
	for (const r of db.all<{ day: string; kind: AnalyticsKind; n: number }>(sql`SELECT day, kind, count(*) AS n FROM analytics_event WHERE ${where(q)} GROUP BY day, kind`)) {
		const i = index.get(r.day);
		if (i !== undefined) counts[r.kind][i] = r.n;
	}
	return { days, counts };
}

export interface SearchRow {
	query: string;
	searches: number;
	/** Mean number of results, one decimal. */
	avgResults: number;
	/** How many of these searches found nothing. */
	zeroResults: number;
}

/** The most frequent searches, with their mean number of results. */
export function topSearches(db: AppDb, q: ReportQuery, limit = 50): SearchRow[] {
	return db
		.all<{ query: string; n: number; avg: number | null; zero: number | null }>(
			sql`SELECT query, count(*) AS n, avg(results) AS avg, sum(results = 0) AS zero FROM analytics_event
			    WHERE ${where(q, sql`kind = 'search' AND query IS NOT NULL`)} GROUP BY query ORDER BY n DESC, query LIMIT ${limit}`
		)
		.map((r) => ({ query: r.query, searches: r.n, avgResults: Math.round((r.avg ?? 0) * 10) / 10, zeroResults: r.zero ?? 0 }));
}

export interface ZeroResultRow {
	query: string;
	searches: number;
	/** The last day it was searched for without a result. */
	lastDay: string;
}

/** Searches that found nothing, most frequent first: what to add a synonym or a product for. */
export function zeroResultSearches(db: AppDb, q: ReportQuery, limit = 50): ZeroResultRow[] {
	return db
		.all<{ query: string; n: number; last: string }>(
			sql`SELECT query, count(*) AS n, max(day) AS last FROM analytics_event
			    WHERE ${where(q, sql`kind = 'search' AND results = 0 AND query IS NOT NULL`)} GROUP BY query ORDER BY n DESC, query LIMIT ${limit}`
		)
		.map((r) => ({ query: r.query, searches: r.n, lastDay: r.last }));
}

export const SCAN_OUTCOMES = ['product', 'variant', 'unknown'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Scans by what they led to: a product, a variant (a GTIN names one size or colour), or nothing known. */
export function scansByOutcome(db: AppDb, q: ReportQuery): { outcome: ScanOutcome; scans: number }[] {
	const found = new Map(
		db.all<{ outcome: string | null; n: number }>(sql`SELECT outcome, count(*) AS n FROM analytics_event WHERE ${where(q, sql`kind = 'scan'`)} GROUP BY outcome`).map((r) => [r.outcome, r.n])
	);
	return SCAN_OUTCOMES.map((outcome) => ({ outcome, scans: found.get(outcome) ?? 0 }));
}

/** Product names in the catalog's fallback locale (else any), by code. */
function productNames(db: AppDb, codes: string[]): Map<string, string> {
	if (!codes.length) return new Map();
	const fallback = db.get<{ locale: string | null }>(sql`SELECT (SELECT code FROM locale ORDER BY fallback DESC, position, code LIMIT 1) AS locale`)?.locale ?? null;
	const rows = db.all<{ code: string; names: string | null }>(
		sql`SELECT code, json_extract("values", '$."name"."*"') AS names FROM product WHERE code IN (${sql.join(
			codes.map((c) => sql`${c}`),
			sql`, `
		)})`
	);
	const out = new Map<string, string>();
	for (const r of rows) {
		const names = r.names ? (JSON.parse(r.names) as Record<string, unknown>) : {};
		const name = [fallback ? names[fallback] : undefined, ...Object.values(names)].find((n): n is string => typeof n === 'string' && n.trim() !== '');
		if (name) out.set(r.code, name);
	}
	return out;
}

export interface ProductRow {
	product: string;
	/** Null when the product has no name or no longer exists. */
	name: string | null;
	views: number;
}

/** The products whose page was opened most (once per visit). */
export function topProducts(db: AppDb, q: ReportQuery, limit = 50): ProductRow[] {
	const rows = db.all<{ product: string; n: number }>(
		sql`SELECT product, count(*) AS n FROM analytics_event WHERE ${where(q, sql`kind = 'product_view' AND product IS NOT NULL`)}
		    GROUP BY product ORDER BY n DESC, product LIMIT ${limit}`
	);
	const names = productNames(db, rows.map((r) => r.product));
	return rows.map((r) => ({ product: r.product, name: names.get(r.product) ?? null, views: r.n }));
}

export interface ModelRow {
	product: string;
	name: string | null;
	view3d: number;
	viewAr: number;
}

/** The products shoppers turned in 3D or placed in their room with AR, most opened first. */
export function modelOpens(db: AppDb, q: ReportQuery, limit = 50): ModelRow[] {
	const rows = db.all<{ product: string; d3: number; ar: number }>(
		sql`SELECT product, sum(kind = 'view_3d') AS d3, sum(kind = 'view_ar') AS ar FROM analytics_event
		    WHERE ${where(q, sql`kind IN ('view_3d', 'view_ar') AND product IS NOT NULL`)}
		    GROUP BY product ORDER BY d3 + ar DESC, product LIMIT ${limit}`
	);
	const names = productNames(db, rows.map((r) => r.product));
	return rows.map((r) => ({ product: r.product, name: names.get(r.product) ?? null, view3d: r.d3, viewAr: r.ar }));
}

export const FUNNEL_STEPS = ['search', 'product_view', 'cart_add', 'order'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/**
 * Visits that searched; of those, the ones that also opened a product; of those, the ones
 * that also added to the cart; of those, the ones that also ordered. Visits, not events: a
 * shopper who searched ten times is one.
 */
export function funnel(db: AppDb, q: ReportQuery): { step: FunnelStep; visits: number }[] {
	const r = db.get<{ s: number | null; v: number | null; c: number | null; o: number | null }>(sql`
		SELECT sum(s) AS s, sum(s AND v) AS v, sum(s AND v AND c) AS c, sum(s AND v AND c AND o) AS o FROM (
			SELECT max(kind = 'search') AS s, max(kind = 'product_view') AS v, max(kind = 'cart_add') AS c, max(kind = 'order') AS o
			FROM analytics_event WHERE ${where(q, sql`visit IS NOT NULL AND kind IN ('search', 'product_view', 'cart_add', 'order')`)}
			GROUP BY visit
		)`);
	const counts = [r.s, r.v, r.c, r.o];
	return FUNNEL_STEPS.map((step, i) => ({ step, visits: counts[i] ?? 0 }));
}

/** Revenue in one currency, in minor units. */
export interface Money {
	currency: string;
	amount: number;
}
export interface OrderGroup {
	key: string;
	label: string;
	orders: number;
	revenue: Money[];
}
export interface OrdersReport {
	total: { orders: number; revenue: Money[] };
	byStore: OrderGroup[];
	byChannel: OrderGroup[];
	byAssociate: OrderGroup[];
	/** Orders per day of the range (each store's own days). */
	perDay: number[];
}

export const ORDER_CHANNELS = ['kiosk', 'associate', 'api'] as const;

/**
 * Endless-aisle orders and their revenue (totals, per currency) by store, channel and
 * associate. Cancelled orders, and unpaid ones past their expiry that the next sweep will
 * cancel, do not count. Each store's orders are cut at its own midnights.
 */
export function ordersReport(db: AppDb, q: ReportQuery, now = new Date()): OrdersReport {
	const stores = db.all<{ id: number; code: string; name: string; timezone: string }>(
		q.store ? sql`SELECT id, code, name, timezone FROM store WHERE code = ${q.store}` : sql`SELECT id, code, name, timezone FROM store ORDER BY code`
	);
	const days = daysOf(q);
	const dayIndex = new Map(days.map((d, i) => [d, i]));
	const report: OrdersReport = { total: { orders: 0, revenue: [] }, byStore: [], byChannel: [], byAssociate: [], perDay: days.map(() => 0) };
	if (!stores.length) return report;
	const windows = stores.map(
		(s) => sql`(store_id = ${s.id} AND created_at >= ${startOfDay(q.from, s.timezone).toISOString()} AND created_at < ${startOfDay(nextDay(q.to), s.timezone).toISOString()})`
	);
	const rows = db.all<{ store_id: number; channel: string; associate_id: number | null; currency: string; total: number; created_at: string }>(sql`
		SELECT store_id, channel, associate_id, currency, total, created_at FROM customer_order
		WHERE (${sql.join(windows, sql` OR `)})
		  AND status <> 'cancelled' AND NOT (status = 'placed' AND expires_at < ${now.toISOString()})`);

	const byStore = new Map(stores.map((s) => [s.id, group(s.code, s.name)]));
	const byChannel = new Map(ORDER_CHANNELS.map((c) => [c as string, group(c, c)]));
	const byAssociate = new Map<number, OrderGroup>();
	const zone = new Map(stores.map((s) => [s.id, s.timezone]));
	const all = group('all', 'All');
	for (const r of rows) {
		const targets = [all, byStore.get(r.store_id)!, byChannel.get(r.channel) ?? byChannel.set(r.channel, group(r.channel, r.channel)).get(r.channel)!];
		if (r.associate_id !== null) {
			if (!byAssociate.has(r.associate_id)) byAssociate.set(r.associate_id, group(String(r.associate_id), ''));
			targets.push(byAssociate.get(r.associate_id)!);
		}
		for (const g of targets) add(g, r.currency, r.total);
		const i = dayIndex.get(localDay(new Date(r.created_at), zone.get(r.store_id)));
		if (i !== undefined) report.perDay[i]++;
	}
	if (byAssociate.size) {
		const ids = [...byAssociate.keys()];
		const names = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM user WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
		for (const u of names) byAssociate.get(u.id)!.label = u.name;
		for (const g of byAssociate.values()) g.label ||= `Former associate #${g.key}`;
	}
	report.total = { orders: all.orders, revenue: all.revenue };
	report.byStore = [...byStore.values()];
	report.byChannel = [...byChannel.values()];
	report.byAssociate = [...byAssociate.values()].sort((a, b) => b.orders - a.orders || a.label.localeCompare(b.label));
	return report;
}

function group(key: string, label: string): OrderGroup {
	return { key, label, orders: 0, revenue: [] };
}

function add(g: OrderGroup, currency: string, amount: number) {
	g.orders++;
	const m = g.revenue.find((r) => r.currency === currency);
	if (m) m.amount += amount;
	else {
		g.revenue.push({ currency, amount });
		g.revenue.sort((a, b) => a.currency.localeCompare(b.currency));
	}
}

export interface AnalyticsReport {
	query: ReportQuery;
	totals: KindTotals;
	daily: DailySeries;
	topSearches: SearchRow[];
	zeroResults: ZeroResultRow[];
	scans: { outcome: ScanOutcome; scans: number }[];
	topProducts: ProductRow[];
	models: ModelRow[];
	funnel: { step: FunnelStep; visits: number }[];
	orders: OrdersReport;
}

/** Everything the analytics page shows, for one store or all and a range of days. */
export function analyticsReport(db: AppDb, q: ReportQuery, now = new Date()): AnalyticsReport {
	return {
		query: q,
		totals: totals(db, q),
		daily: daily(db, q),
		topSearches: topSearches(db, q, 20),
		zeroResults: zeroResultSearches(db, q, 20),
		scans: scansByOutcome(db, q),
		topProducts: topProducts(db, q, 20),
		models: modelOpens(db, q, 20),
		funnel: funnel(db, q),
		orders: ordersReport(db, q, now)
	};
}
