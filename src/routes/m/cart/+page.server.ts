import { fail } from '@sveltejs/kit';
import { NotFoundError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import * as handoff from '$lib/server/handoff';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const { db, config } = app();
	const cart = carts.getCart(db, cookies.get(carts.CART_COOKIE));
	// The phone has no store of its own: its cart keeps the one it was chosen in at the kiosk.
	if (!cart || !cart.lines.length || cart.storeId === null) return { view: null, store: null, maxQuantity: carts.MAX_QUANTITY };
	const view = carts.cartView(db, cart, cart.storeId, getLocale());
	const codes = handoff.productCodesOf(db, cart.lines.map((l) => l.variantId));
	const origin = config.publicUrl ?? url.origin;
	return {
		view: {
			...view,
			lines: view.lines.map((l) => {
				const href = `/m/p/${encodeURIComponent(codes.get(l.variantId) ?? '')}?v=${encodeURIComponent(l.sku)}`;
				return { ...l, href, link: origin + href };
			})
		},
		store: carts.storeOf(db, cart.storeId)?.name ?? null,
		maxQuantity: carts.MAX_QUANTITY
	};
};

/** Reads the line a cart form is about: its SKU and, for a change, the new quantity. */
async function lineFrom(request: Request) {
	const form = await request.formData();
	return { sku: String(form.get('sku') ?? ''), quantity: String(form.get('quantity') ?? '') };
}

export const actions = {
	setQuantity: async ({ request, cookies }) => {
		const input = await lineFrom(request);
		try {
			carts.setQuantity(app().db, cookies.get(carts.CART_COOKIE), input);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { sku: input.sku, error: m.cart_error_quantity({ max: carts.MAX_QUANTITY }) });
			if (e instanceof NotFoundError) return fail(404, { sku: input.sku, error: m.cart_error_variant() });
			throw e;
		}
	},
	remove: async ({ request, cookies }) => {
		const { sku } = await lineFrom(request);
		carts.removeLine(app().db, cookies.get(carts.CART_COOKIE), sku);
	}
} satisfies Actions;
