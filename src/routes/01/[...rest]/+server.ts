import { error, redirect } from '@sveltejs/kit';
import { normalizeGtin } from '$pim';
import { app } from '$lib/server/app';
import { productByGtin, productHref } from '$lib/server/resolve';
import type { RequestHandler } from './$types';

// A redirect, not a page: a GS1 Digital Link on our own domain (printed on shelf labels as
// /01/<GTIN>/…) only says which product to show; key qualifiers after the GTIN are ignored.
export const GET: RequestHandler = ({ params, locals }) => {
	const gtin = normalizeGtin(params.rest.split('/')[0] ?? '');
	const target = gtin ? productByGtin(app().db, gtin) : null;
	if (!target) error(404, 'Product not found');
	// A screen without the kiosk cookie is a shopper's phone.
	redirect(303, productHref(target, locals.kiosk === null));
};
