import { loadDefinition } from '$pim';
import { aisleCsvTemplate } from '$pim/exchange/index.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// A download, not a page: the columns our CSV import reads for this catalog, with one example product.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return new Response(aisleCsvTemplate(loadDefinition(app().db)), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="aisle-products-template.csv"' }
	});
};
