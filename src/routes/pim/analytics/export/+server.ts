import { Readable } from 'node:stream';
import { json } from '@sveltejs/kit';
import { stringify } from 'csv-stringify';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// A file download, not a page: one of the analytics page's tables as CSV, for a spreadsheet.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const name = event.url.searchParams.get('report') ?? '';
	if (!(analytics.REPORT_TABLES as readonly string[]).includes(name))
		return json({ error: `Unknown report “${name}”: choose one of ${analytics.REPORT_TABLES.join(', ')}` }, { status: 400 });
	const { filter, issues } = analytics.readReportFilter(event.url.searchParams, analytics.reportStores(db));
	if (issues.length) return json({ error: `Bad parameter: ${issues.map((i) => `${i.parameter} (${i.message})`).join('; ')}`, issues }, { status: 400 });

	const table = analytics.reportTable(db, name as analytics.ReportTableName, filter);
	// A byte-order mark, so spreadsheets read Chinese and Russian searches as UTF-8.
	const csv = Readable.from(table.rows.map((row) => row.map(analytics.safeCell))).pipe(stringify({ bom: true, header: true, columns: table.columns }));
	const file = `aisle-${name}-${filter.store ?? 'all-stores'}-${filter.from}-to-${filter.to}.csv`;
	return new Response(Readable.toWeb(csv) as ReadableStream, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file}"`,
			'cache-control': 'private, no-store'
		}
	});
};
