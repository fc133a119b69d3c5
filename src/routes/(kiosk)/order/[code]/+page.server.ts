import { timingSafeEqual } from 'node:crypto';
import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { app } from '$lib/server/app';
import * as orders from '$lib/server/orders';
import type { PageServerLoad } from './$types';

/** Whether the token in the address is this order's status token (compared in constant time). */
function matches(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const { db, config } = app();
	const token = url.searchParams.get('t') ?? '';
	// Only the screen that placed the order knows the token: anyone else sees no such page.
	if (!matches(token, orders.statusToken(config.sessionSecret, params.code))) error(404, 'Not found');
	const order = orders.getOrder(db, params.code);
	if (!order) error(404, 'Not found');
	setHeaders({ 'cache-control': 'private, no-store' });
	const phoneUrl = `${config.publicUrl ?? url.origin}/m/o/${encodeURIComponent(token)}`;
	return {
		// Nothing of the customer's details: the number, how to pay, what comes next.
		order: { code: order.code, fulfilment: order.fulfilment, status: order.status, total: order.total, currency: order.currency },
		expiryMinutes: orders.orderSettings(db).expiryMinutes,
		qrSvg: await QRCode.toString(phoneUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
		cartCount: 0
	};
};
