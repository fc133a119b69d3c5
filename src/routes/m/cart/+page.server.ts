import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import { cartActions } from '$lib/server/cart-actions';
import * as handoff from '$lib/server/handoff';
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

export const actions = cartActions satisfies Actions;
