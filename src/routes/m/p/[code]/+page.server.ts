import { error, fail } from '@sveltejs/kit';
import { NotFoundError, RateLimitedError, REVIEW_LIMITS, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { availabilityFor, productDetail } from '$lib/server/product-page';
import { rateLimitedMessage, readReviewForm, reviewErrors, submitReview } from '$lib/server/reviews';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { db } = app();
	// A phone has no store: prices in the kiosk channel's currency, stock summed over the chain.
	const product = productDetail(db, params.code, getLocale(), null, { yes: m.product_yes(), no: m.product_no() });
	if (!product) error(404, 'Product not found');
	const requested = url.searchParams.get('v');
	const sku = product.sellables.find((s) => s.sku === requested)?.sku ?? product.sellables[0]?.sku ?? null;
	const availability = Object.fromEntries(
		Object.entries(availabilityFor(db, product.id, null)).map(([code, a]) => [code, { stores: a.stores.filter((s) => s.onShelf > 0).length, deliverable: a.deliverable }])
	);
	return { product, sku, availability, reviewLimits: REVIEW_LIMITS };
};

export const actions = {
	/** A shopper's review from their phone, pending until a moderator approves it; limited per address. */
	review: async (event) => {
		const { values, trap } = readReviewForm(await event.request.formData());
		// A bot filled in the field people never see: thank it and keep nothing.
		if (trap) return { review: { sent: true } };
		try {
			submitReview(app().db, event.params.code, values, getLocale(), { kind: 'address', address: event.getClientAddress() });
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { review: { values, errors: reviewErrors(e.issues) } });
			if (e instanceof RateLimitedError) return fail(429, { review: { values, errors: { form: rateLimitedMessage(e.retryAfter) } } });
			if (e instanceof NotFoundError) error(404, 'Product not found');
			throw e;
		}
		return { review: { sent: true } };
	}
} satisfies Actions;
