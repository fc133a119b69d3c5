import { fail, type Actions } from '@sveltejs/kit';
import { NotFoundError, ValidationError } from '$pim';
import { m } from '$lib/paraglide/messages.js';
import { app } from './app.ts';
import * as carts from './cart.ts';

/** Reads the line a cart form is about: its SKU and, for a change, the new quantity. */
async function lineFrom(request: Request) {
	const form = await request.formData();
	return { sku: String(form.get('sku') ?? ''), quantity: String(form.get('quantity') ?? '') };
}

/** The cart page's actions, the same on the kiosk and on the phone: change a quantity, remove a line. */
export const cartActions = {
	setQuantity: async ({ request, cookies }) => {
		const input = await lineFrom(request);
		try {
			carts.setQuantity(app().db, cookies.get(carts.CART_COOKIE), input);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { sku: input.sku, error: m.cart_error_quantity({ max: carts.MAX_QUANTITY }) });
			// The line went (another tab, the idle reset): the reloaded cart shows what is left.
			if (e instanceof NotFoundError) return fail(404, { sku: input.sku, error: m.cart_error_variant() });
			throw e;
		}
	},
	remove: async ({ request, cookies }) => {
		const { sku } = await lineFrom(request);
		carts.removeLine(app().db, cookies.get(carts.CART_COOKIE), sku);
	}
} satisfies Actions;
