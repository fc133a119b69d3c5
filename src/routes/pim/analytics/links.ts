import type { ReportFilter, ReportTableName } from '$lib/server/analytics';

/** The CSV download of one table, for exactly the days the page shows (even if the page stays open past midnight). */
export function exportHref(filter: ReportFilter, report: ReportTableName): string {
	const p = new URLSearchParams({ report, range: 'custom', from: filter.from, to: filter.to });
	if (filter.store) p.set('store', filter.store);
	return `/pim/analytics/export?${p}`;
}

/** A count as the page prints it. */
export const count = (n: number) => n.toLocaleString('en');
