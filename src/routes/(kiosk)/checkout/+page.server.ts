import { fail, redirect } from '@sveltejs/kit';
import { ConflictError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import { authorOf } from '$lib/server/guard';
import * as orders from '$lib/server/orders';
import { isAssisting } from '$lib/server/staff-kiosk';
import { getLocale } from '$lib/paraglide/runtime.js';
import { checkoutErrors, checkoutValues, unavailableNames } from './checkout-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, locals, setHeaders }) => {
	// What the shopper types here must not linger in any cache of this shared screen.
	setHeaders({ 'cache-control': 'private, no-store' });
	const { db } = app();
	if (!locals.kiosk) return { hasStore: false as const, cartCount: 0 };
	const locale = getLocale();
	const cart = carts.getCart(db, cookies.get(carts.CART_COOKIE));
	const view = cart && cart.lines.length ? carts.cartView(db, cart, locals.kiosk.storeId, locale) : null;
	if (!view?.order) redirect(303, '/cart');
	const settings = orders.orderSettings(db);
	const here = carts.storeOf(db, locals.kiosk.storeId);
	const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
	return {
		hasStore: true as const,
		cartCount: view.count,
		// A fresh key per visit to the form: a double tap or a retry of this submission places one order.
		idempotencyKey: crypto.randomUUID(),
		delivery: view.order,
		collect: orders.quote(db, { storeId: locals.kiosk.storeId, lines: view.toOrder, fulfilment: 'collect', locale }),
		countries: settings.shipsTo.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale)),
		defaultCountry: here && settings.shipsTo.includes(here.country) ? here.country : (settings.shipsTo[0] ?? ''),
		retentionDays: settings.retentionDays,
		expiryMinutes: settings.expiryMinutes
	};
};

export const actions = {
	place: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const values = checkoutValues(form);
		if (!locals.kiosk) return fail(409, { values, errors: {}, nothing: true });
		const { db, config } = app();
		const locale = getLocale();
		const token = cookies.get(carts.CART_COOKIE);
		const cart = carts.getCart(db, token);
		const view = cart && cart.lines.length ? carts.cartView(db, cart, locals.kiosk.storeId, locale) : null;
		if (!cart || !view?.toOrder.length) return fail(409, { values, errors: {}, nothing: true });
		// Assisted mode: an associate signed in on this screen (or who built the cart) is credited with the order.
		const assistant = isAssisting(locals.user) ? locals.user : null;
		const associateId = assistant?.id ?? cart.associateId;
		const kiosk = `kiosk ${locals.kiosk.storeCode} #${locals.kiosk.deviceId}`;
		let placed: ReturnType<typeof orders.placeOrder>;
		try {
			placed = orders.placeOrder(db, {
				idempotencyKey: String(form.get('idempotencyKey') ?? ''),
				storeId: locals.kiosk.storeId,
				channel: associateId ? 'associate' : 'kiosk',
				associateId,
				locale,
				lines: view.toOrder,
				checkout: {
					name: values.name,
					email: values.email,
					phone: values.phone,
					fulfilment: values.fulfilment,
					address: values.fulfilment === 'delivery' ? { line1: values.line1, line2: values.line2, city: values.city, region: values.region, postalCode: values.postalCode, country: values.country } : null
				},
				actor: assistant ? `${authorOf(assistant)} on ${kiosk}` : `Kiosk ${locals.kiosk.storeCode} #${locals.kiosk.deviceId}`,
				secret: config.sessionSecret
			});
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { values, errors: checkoutErrors(e.issues) });
			if (e instanceof ConflictError) return fail(409, { values, errors: {}, unavailable: unavailableNames(e.issues, view.lines) });
			throw e;
		}
		// What was ordered leaves the cart; what is on the shelf here stays, to take to the counter.
		carts.removeVariants(db, token, view.toOrder.map((l) => l.variantId));
		if (!carts.getCart(db, token)) cookies.delete(carts.CART_COOKIE, { path: '/' });
		redirect(303, `/order/${encodeURIComponent(placed.order.code)}?t=${encodeURIComponent(placed.statusToken)}`);
	}
} satisfies Actions;
