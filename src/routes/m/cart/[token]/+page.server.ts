import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import * as handoff from '$lib/server/handoff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, url, setHeaders }) => {
	// The link is a one-time key: never cached, never indexed.
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const token = handoff.continueOnPhone(app().db, params.token);
	if (!token) return { expired: true };
	// Lax, not strict: the phone arrives from its camera app, and the redirect must still carry the cookie.
	cookies.set(carts.CART_COOKIE, token, { ...carts.cartCookieOptions(url.protocol === 'https:'), sameSite: 'lax' });
	redirect(303, '/m/cart');
};
