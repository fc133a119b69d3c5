import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import type { RequestHandler } from './$types';

// Called by the idle reset, then the screen reloads: not a page. It ends what the server
// keeps for this shopper: the language and the cart (its row, with its lines, and its cookie).
export const POST: RequestHandler = async ({ cookies }) => {
	carts.clearCart(app().db, cookies.get(carts.CART_COOKIE));
	cookies.delete(carts.CART_COOKIE, { path: '/' });
	cookies.delete('aisle_lang', { path: '/' });
	return json({ ok: true });
};
