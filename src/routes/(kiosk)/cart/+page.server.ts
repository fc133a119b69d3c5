import QRCode from 'qrcode';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import { cartActions } from '$lib/server/cart-actions';
import * as handoff from '$lib/server/handoff';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, locals, url, setHeaders }) => {
	// The page carries a key to the cart (the phone code): never kept in a cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	const { db, config } = app();
	const token = cookies.get(carts.CART_COOKIE);
	const cart = carts.getCart(db, token);
	const view = cart && cart.lines.length && locals.kiosk ? carts.cartView(db, cart, locals.kiosk.storeId, getLocale()) : null;
	return { view, hasStore: !!locals.kiosk, maxQuantity: carts.MAX_QUANTITY, cartCount: view?.count ?? 0, phone: view ? await phoneCode(token, url, config.publicUrl) : null };
};

/**
 * A fresh single-use code that carries the cart to the shopper's phone (one per page load;
 * spent and expired ones are swept here). Never cached: the code is a key to the cart.
 */
async function phoneCode(token: string | undefined, url: URL, publicUrl: string | null) {
	const { db } = app();
	handoff.pruneHandoffs(db);
	const code = handoff.createHandoff(db, token);
	if (!code) return null;
	const link = `${publicUrl ?? url.origin}/m/cart/${code}`;
	return { url: link, svg: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }), minutes: handoff.HANDOFF_MINUTES };
}

export const actions = cartActions satisfies Actions;
