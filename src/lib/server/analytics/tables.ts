import { ANALYTICS_KINDS } from '../db/analytics.schema.ts';
import type { AppDb } from '../db/index.ts';
import * as report from './report.ts';

/** The tables the analytics page offers as CSV, by the name in `?report=`. */
export const REPORT_TABLES = [
	'totals',
	'daily',
	'top-searches',
	'zero-results',
	'scans',
	'products',
	'models',
	'funnel',
	'orders-by-store',
	'orders-by-channel',
	'orders-by-associate'
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

export interface Table {
	columns: string[];
	rows: (string | number | null)[][];
}

/** Most rows a download carries. */
export const MAX_EXPORT_ROWS = 10_000;

/** An amount in minor units as a decimal in its currency's units (1234 USD → "12.34", 500 JPY → "500"). */
export function majorUnits(minor: number, currency: string): string {
	let digits = 2;
	try {
		digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		// An unknown currency code: two decimals, as most have.
	}
	return (minor / 10 ** digits).toFixed(digits);
}

/** One row per group and currency (a group with no orders: one row of zeros); the store table starts with the code. */
function orderRows(groups: report.OrderGroup[], withCode = false): Table['rows'] {
	return groups.flatMap((g) => {
		const head = withCode ? [g.key, g.label] : [g.label];
		return g.revenue.length ? g.revenue.map((m) => [...head, g.orders, m.currency, majorUnits(m.amount, m.currency)]) : [[...head, 0, '', '0']];
	});
}

/** One of the page's tables in full (up to MAX_EXPORT_ROWS rows), as a download gives it. */
export function reportTable(db: AppDb, name: ReportTableName, q: report.ReportQuery, now = new Date()): Table {
	switch (name) {
		case 'totals': {
			const t = report.totals(db, q);
			return {
				columns: ['figure', 'count'],
				rows: [...ANALYTICS_KINDS.map((k) => [k, t[k]]), ['zero_result_search', t.zeroResultSearches], ['visits', t.visits]]
			};
		}
		case 'daily': {
			const d = report.daily(db, q);
			const orders = report.ordersReport(db, q, now).perDay;
			return {
				columns: ['day', ...ANALYTICS_KINDS, 'orders_placed'],
				rows: d.days.map((day, i) => [day, ...ANALYTICS_KINDS.map((k) => d.counts[k][i]), orders[i]])
			};
		}
		case 'top-searches':
			return {
				columns: ['query', 'searches', 'average_results', 'searches_without_results'],
				rows: report.topSearches(db, q, MAX_EXPORT_ROWS).map((r) => [r.query, r.searches, r.avgResults, r.zeroResults])
			};
		case 'zero-results':
			return { columns: ['query', 'searches', 'last_day'], rows: report.zeroResultSearches(db, q, MAX_EXPORT_ROWS).map((r) => [r.query, r.searches, r.lastDay]) };
		case 'scans':
			return { columns: ['outcome', 'scans'], rows: report.scansByOutcome(db, q).map((r) => [r.outcome, r.scans]) };
		case 'products':
			return { columns: ['product', 'name', 'views'], rows: report.topProducts(db, q, MAX_EXPORT_ROWS).map((r) => [r.product, r.name, r.views]) };
		case 'models':
			return { columns: ['product', 'name', 'views_3d', 'views_ar'], rows: report.modelOpens(db, q, MAX_EXPORT_ROWS).map((r) => [r.product, r.name, r.view3d, r.viewAr]) };
		case 'funnel': {
			const steps = report.funnel(db, q);
			return {
				columns: ['step', 'visits', 'percent_of_previous'],
				rows: steps.map((s, i) => [s.step, s.visits, i === 0 ? null : steps[i - 1].visits ? Math.round((s.visits / steps[i - 1].visits) * 1000) / 10 : 0])
			};
		}
		case 'orders-by-store':
			return { columns: ['store_code', 'store', 'orders', 'currency', 'revenue'], rows: orderRows(report.ordersReport(db, q, now).byStore, true) };
		case 'orders-by-channel':
			return { columns: ['channel', 'orders', 'currency', 'revenue'], rows: orderRows(report.ordersReport(db, q, now).byChannel) };
		case 'orders-by-associate':
			return { columns: ['associate', 'orders', 'currency', 'revenue'], rows: orderRows(report.ordersReport(db, q, now).byAssociate) };
	}
}

/**
 * A cell safe to open in a spreadsheet: shopper-typed text starting with = + - @ (or a tab
 * or carriage return) would run as a formula, so it gets a leading apostrophe.
 */
export function safeCell(value: string | number | null): string | number {
	if (value === null) return '';
	if (typeof value === 'number') return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
