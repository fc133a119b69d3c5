import { error } from '@sveltejs/kit';
import { ValidationError } from '$pim';
import { exportProductsCsv, reasonOf, textStream } from '$pim/exchange/index.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// A download, not a page: the products the list's filters match as our CSV, streamed page
// by page as the client reads it, so a whole catalog never sits in memory.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const chunks = exportProductsCsv(app().db, { query: Object.fromEntries(event.url.searchParams) });
	// The first chunk checks the filters, so a bad one is a 400 rather than a broken file.
	const first = await chunks.next().catch((e: unknown) => {
		if (e instanceof ValidationError) error(400, reasonOf(e));
		throw e;
	});
	const day = new Date().toISOString().slice(0, 10);
	return new Response(textStream(chunks, first.done ? '' : first.value), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="aisle-products-${day}.csv"`, 'cache-control': 'no-store' }
	});
};
