import { fail, redirect } from '@sveltejs/kit';
import { ConflictError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import * as checkout from '$lib/server/checkout';
import { getLocale } from '$lib/paraglide/runtime.js';
import { checkoutErrors, checkoutValues, unavailableNames } from '$lib/server/checkout-form';
import type { Actions, PageServerLoad } from './$types';

/** The store the phone's cart was chosen in at the kiosk (a phone has no store of its own). */
function storeOfCart(token: string | undefined) {
	return carts.getCart(app().db, token)?.storeId ?? null;
}

export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
	const token = cookies.get(carts.CART_COOKIE);
	const storeId = storeOfCart(token);
	const data = storeId === null ? null : checkout.checkoutData(app().db, token, storeId, getLocale());
	if (!data) redirect(303, '/m/cart');
	return data;
};

export const actions = {
	place: async ({ request, cookies }) => {
		const form = await request.formData();
		const values = checkoutValues(form);
		const token = cookies.get(carts.CART_COOKIE);
		const storeId = storeOfCart(token);
		if (storeId === null) return fail(409, { values, errors: {}, nothing: true });
		const { db, config } = app();
		const locale = getLocale();
		const here = carts.storeOf(db, storeId);
		// The sale began at the kiosk (channel 'kiosk'); the actor says it was finished on the phone.
		const by = { storeId, associateId: null, actor: `Shopper's phone (cart from kiosk ${here?.code ?? storeId})`, locale, secret: config.sessionSecret };
		let placed: ReturnType<typeof checkout.placeFromCart>;
		try {
			placed = checkout.placeFromCart(db, token, by, values, String(form.get('idempotencyKey') ?? ''));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { values, errors: checkoutErrors(e.issues) });
			if (e instanceof ConflictError) return fail(409, { values, errors: {}, unavailable: unavailableNames(e.issues, checkout.cartLinesOf(db, token, storeId, locale)) });
			throw e;
		}
		if (!placed) return fail(409, { values, errors: {}, nothing: true });
		if (!placed.cartLeft) cookies.delete(carts.CART_COOKIE, { path: '/' });
		redirect(303, `/m/o/${encodeURIComponent(placed.statusToken)}`);
	}
} satisfies Actions;
