import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { SESSION_COOKIE, signOut } from '$lib/server/auth';
import * as carts from '$lib/server/cart';
import type { RequestHandler } from './$types';

// Called by the idle reset, then the screen reloads: not a page. It ends what the server
// keeps for this shopper: the language, the cart (its row, with its lines, and its cookie)
// and the session of an associate who signed in to assist.
export const POST: RequestHandler = async ({ cookies, locals }) => {
	const { db } = app();
	carts.clearCart(db, cookies.get(carts.CART_COOKIE));
	cookies.delete(carts.CART_COOKIE, { path: '/' });
	cookies.delete('aisle_lang', { path: '/' });
	if (locals.sessionToken) {
		signOut(db, locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	return json({ ok: true });
};
