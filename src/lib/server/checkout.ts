import type { AppDb } from './db/index.ts';
import * as analytics from './analytics/index.ts';
import * as carts from './cart.ts';
import * as orders from './orders/index.ts';

/** The checkout form's fields as typed (all strings; the orders schema validates them). */
export interface CheckoutFields {
	name: string;
	email: string;
	phone: string;
	fulfilment: string;
	line1: string;
	line2: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
}

/**
 * What a checkout page shows for the cart behind a token in a store: both quotes, where it
 * ships and the default country. Null when nothing in the cart needs ordering.
 */
export function checkoutData(db: AppDb, cartToken: string | null | undefined, storeId: number, locale: string) {
	const cart = carts.getCart(db, cartToken);
	const view = cart && cart.lines.length ? carts.cartView(db, cart, storeId, locale) : null;
	if (!view?.order) return null;
	const settings = orders.orderSettings(db);
	const here = carts.storeOf(db, storeId);
	const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
	return {
		cartCount: view.count,
		// A fresh key per visit to the form: a double tap or a retry of this submission places one order.
		idempotencyKey: crypto.randomUUID(),
		delivery: view.order,
		collect: orders.quote(db, { storeId, lines: view.toOrder, fulfilment: 'collect', locale }),
		countries: settings.shipsTo.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale)),
		defaultCountry: here && settings.shipsTo.includes(here.country) ? here.country : (settings.shipsTo[0] ?? ''),
		retentionDays: settings.retentionDays,
		expiryMinutes: settings.expiryMinutes
	};
}

/** Who places an order from a cart: the store, the credited associate (if any) and the actor for its history. */
export interface CheckoutBy {
	storeId: number;
	associateId: number | null;
	actor: string;
	locale: string;
	secret: string;
}

/**
 * Orders what the shelf here lacks in the cart behind a token, then takes those lines out of
 * the cart (what is on the shelf stays, to take to the counter). Null when there is nothing to
 * order; ValidationError / ConflictError from the orders module pass through, with the cart's
 * lines for naming what became unavailable.
 */
export function placeFromCart(db: AppDb, cartToken: string | null | undefined, by: CheckoutBy, values: CheckoutFields, idempotencyKey: string) {
	const cart = carts.getCart(db, cartToken);
	const view = cart && cart.lines.length ? carts.cartView(db, cart, by.storeId, by.locale) : null;
	if (!cart || !view?.toOrder.length) return null;
	const associateId = by.associateId ?? cart.associateId;
	const placed = orders.placeOrder(db, {
		idempotencyKey,
		storeId: by.storeId,
		channel: associateId ? 'associate' : 'kiosk',
		associateId,
		locale: by.locale,
		lines: view.toOrder,
		checkout: {
			name: values.name,
			email: values.email,
			phone: values.phone,
			fulfilment: values.fulfilment,
			address: values.fulfilment === 'delivery' ? { line1: values.line1, line2: values.line2, city: values.city, region: values.region, postalCode: values.postalCode, country: values.country } : null
		},
		actor: by.actor,
		secret: by.secret
	});
	carts.removeVariants(db, cartToken, view.toOrder.map((l) => l.variantId));
	if (!placed.repeated) analytics.track('order', { store: placed.order.storeCode });
	return { order: placed.order, statusToken: placed.statusToken, cartLeft: carts.getCart(db, cartToken) !== null };
}

/** The cart's lines with names, for saying which ones a ConflictError refused. */
export function cartLinesOf(db: AppDb, cartToken: string | null | undefined, storeId: number, locale: string) {
	const cart = carts.getCart(db, cartToken);
	return cart && cart.lines.length ? carts.cartView(db, cart, storeId, locale).lines : [];
}
