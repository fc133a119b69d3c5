import { error } from '@sveltejs/kit';
import { rejectedRowsCsv } from '$pim/exchange/index.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { importRejections } from '$lib/server/imports';
import type { RequestHandler } from './$types';

// A download, not a page: every rejected row of the run with its file, line, code and reason.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const id = Number(event.params.id);
	const rows = Number.isInteger(id) ? importRejections({ db: app().db, dataDir: app().config.dataDir }, id) : null;
	if (!rows) error(404, 'This import has no report yet');
	return new Response(rejectedRowsCsv(rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="import-${id}-rejected.csv"` }
	});
};
