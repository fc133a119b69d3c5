import { loadDefinition } from '$pim';
import { aisleJsonTemplate } from '$pim/exchange/index.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// A download, not a page: one example product in the JSON our import reads.
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return new Response(aisleJsonTemplate(loadDefinition(app().db)), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="aisle-products-template.json"' }
	});
};
