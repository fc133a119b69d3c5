import { error } from '@sveltejs/kit';
import { REVIEW_LIMITS } from '$pim';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { availabilityFor, productDetail } from '$lib/server/product-page';
import { reviewAction } from '$lib/server/review-action';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { db } = app();
	// A phone has no store: prices in the kiosk channel's currency, stock summed over the chain.
	const product = productDetail(db, params.code, getLocale(), null, { yes: m.product_yes(), no: m.product_no() });
	if (!product) error(404, 'Product not found');
	analytics.track('product_view', { product: product.code });
	const requested = url.searchParams.get('v');
	const sku = product.sellables.find((s) => s.sku === requested)?.sku ?? product.sellables[0]?.sku ?? null;
	const availability = Object.fromEntries(
		Object.entries(availabilityFor(db, product.id, null)).map(([code, a]) => [code, { stores: a.stores.filter((s) => s.onShelf > 0).length, deliverable: a.deliverable }])
	);
	return { product, sku, availability, reviewLimits: REVIEW_LIMITS };
};

export const actions = { review: reviewAction } satisfies Actions;
