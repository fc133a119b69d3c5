import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import * as orders from '$lib/server/orders';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The link is the only key to this page: never cached, never indexed.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const order = orders.orderByStatusToken(app().db, params.token);
	if (!order) error(404, 'Not found');
	// The phone shows the order's progress and figures, not the customer's details.
	return {
		order: {
			code: order.code,
			status: order.status,
			fulfilment: order.fulfilment,
			storeName: order.storeName,
			currency: order.currency,
			subtotal: order.subtotal,
			shippingFee: order.shippingFee,
			tax: order.tax,
			total: order.total,
			lines: order.lines.map((l) => ({ id: l.id, name: l.name, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
			shipments: order.shipments.map((s) => ({ id: s.id, location: s.location, estimatedDate: s.estimatedDate, carrier: s.carrier, trackingNumber: s.trackingNumber, shippedAt: s.shippedAt })),
			events: order.events.map((e) => ({ type: e.type, createdAt: e.createdAt, data: e.data }))
		}
	};
};
