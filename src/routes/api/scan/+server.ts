import { json } from '@sveltejs/kit';
import { normalizeGtin } from '$pim';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { productByGtin, productBySku, productHref } from '$lib/server/resolve';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

// JSON, not a page: the kiosk's scanner asks it where a decoded code leads while the camera keeps running.
export const GET: RequestHandler = (event) => {
	const { url } = event;
	const { db } = app();
	const code = url.searchParams.get('code');
	const gtin = normalizeGtin(url.searchParams.get('gtin') ?? '');
	const target = gtin ? productByGtin(db, gtin) : code ? productBySku(db, code, url.searchParams.get('sku')) : null;
	if (gtin || code) analytics.track('scan', { product: target?.code ?? null, outcome: !target ? 'unknown' : target.sku ? 'variant' : 'product' }, event);
	if (!target) return json({ message: m.scan_not_found() }, { status: 404 });
	return json({ href: productHref(target) });
};
