import { fail, redirect } from '@sveltejs/kit';
import { ConflictError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import * as checkout from '$lib/server/checkout';
import { authorOf } from '$lib/server/guard';
import { isAssisting } from '$lib/server/staff-kiosk';
import { getLocale } from '$lib/paraglide/runtime.js';
import { checkoutErrors, checkoutValues, unavailableNames } from '$lib/server/checkout-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, locals, setHeaders }) => {
	// What the shopper types here must not linger in any cache of this shared screen.
	setHeaders({ 'cache-control': 'private, no-store' });
	if (!locals.kiosk) return { hasStore: false as const, cartCount: 0 };
	const data = checkout.checkoutData(app().db, cookies.get(carts.CART_COOKIE), locals.kiosk.storeId, getLocale());
	if (!data) redirect(303, '/cart');
	return { hasStore: true as const, ...data };
};

export const actions = {
	place: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const values = checkoutValues(form);
		if (!locals.kiosk) return fail(409, { values, errors: {}, nothing: true });
		const { db, config } = app();
		const locale = getLocale();
		const token = cookies.get(carts.CART_COOKIE);
		// Assisted mode: an associate signed in on this screen (or who built the cart) is credited with the order.
		const assistant = isAssisting(locals.user) ? locals.user : null;
		const kiosk = `kiosk ${locals.kiosk.storeCode} #${locals.kiosk.deviceId}`;
		const by = {
			storeId: locals.kiosk.storeId,
			associateId: assistant?.id ?? null,
			actor: assistant ? `${authorOf(assistant)} on ${kiosk}` : `Kiosk ${locals.kiosk.storeCode} #${locals.kiosk.deviceId}`,
			locale,
			secret: config.sessionSecret
		};
		let placed: ReturnType<typeof checkout.placeFromCart>;
		try {
			placed = checkout.placeFromCart(db, token, by, values, String(form.get('idempotencyKey') ?? ''));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { values, errors: checkoutErrors(e.issues) });
			if (e instanceof ConflictError) return fail(409, { values, errors: {}, unavailable: unavailableNames(e.issues, checkout.cartLinesOf(db, token, by.storeId, locale)) });
			throw e;
		}
		if (!placed) return fail(409, { values, errors: {}, nothing: true });
		// What was ordered left the cart; what is on the shelf here stays, to take to the counter.
		if (!placed.cartLeft) cookies.delete(carts.CART_COOKIE, { path: '/' });
		redirect(303, `/order/${encodeURIComponent(placed.order.code)}?t=${encodeURIComponent(placed.statusToken)}`);
	}
} satisfies Actions;
