import { error, fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { NotFoundError, REVIEW_LIMITS, ValidationError } from '$pim';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import { isAssisting } from '$lib/server/staff-kiosk';
import { availabilityFor, productDetail, productReviews, reviewQueryFrom } from '$lib/server/product-page';
import { reviewAction } from '$lib/server/review-action';
import { searchProducts, type SearchHit } from '$lib/server/search/search';
import { searchParamsSchema } from '$lib/server/search/query';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals, cookies }) => {
	const { db, config, searchMeili, health } = app();
	const locale = getLocale();
	const storeCode = locals.kiosk?.storeCode ?? null;
	const product = productDetail(db, params.code, locale, storeCode, { yes: m.product_yes(), no: m.product_no() });
	if (!product) error(404, 'Product not found');
	analytics.track('product_view', { product: product.code });

	const requested = url.searchParams.get('v');
	const sku = product.sellables.find((s) => s.sku === requested)?.sku ?? product.sellables[0]?.sku ?? null;
	const query = reviewQueryFrom(url.searchParams);
	const reviews = productReviews(db, product.id, { sort: query.sort, stars: query.stars, offset: 0, limit: query.shown });

	// The phone link points at this server as the shopper's phone will reach it.
	const phoneBase = `${config.publicUrl ?? url.origin}/m/p/${encodeURIComponent(product.code)}`;
	const phoneUrl = sku ? `${phoneBase}?v=${encodeURIComponent(sku)}` : phoneBase;
	const qrSvg = await QRCode.toString(phoneUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

	return {
		product,
		sku,
		availability: availabilityFor(db, product.id, storeCode),
		hasStore: storeCode !== null,
		maxQuantity: carts.MAX_QUANTITY,
		// The header's cart count (the kiosk layout gives it on every page once it reads the cart).
		cartCount: carts.countItems(db, cookies.get(carts.CART_COOKIE)),
		reviews: { ...reviews, query },
		reviewLimits: REVIEW_LIMITS,
		phoneBase,
		qrSvg,
		similar: await similarProducts(product.id, product.leafCategoryId, locale, storeCode, { db, meili: searchMeili, health })
	};
};

export const actions = {
	review: reviewAction,
	/** The chosen variant and quantity into this screen's cart; a screen with no store cannot order. */
	addToCart: async ({ request, cookies, locals, url, params }) => {
		const form = await request.formData();
		const input = { sku: String(form.get('sku') ?? ''), quantity: String(form.get('quantity') ?? '') };
		if (!locals.kiosk) return fail(409, { cart: { error: m.cart_no_store() } });
		try {
			const token = carts.addToCart(app().db, cookies.get(carts.CART_COOKIE), locals.kiosk.storeId, input, isAssisting(locals.user) ? locals.user.id : null);
			cookies.set(carts.CART_COOKIE, token, carts.cartCookieOptions(url.protocol === 'https:'));
			analytics.track('cart_add', { product: params.code });
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { cart: { error: m.cart_error_quantity({ max: carts.MAX_QUANTITY }) } });
			if (e instanceof NotFoundError) return fail(400, { cart: { error: m.cart_error_variant() } });
			throw e;
		}
		return { cart: { added: input.sku } };
	}
} satisfies Actions;

/** Up to 8 other kiosk products of the same leaf category; none when search cannot answer. */
async function similarProducts(id: number, category: number | null, locale: string, store: string | null, deps: Parameters<typeof searchProducts>[0]): Promise<SearchHit[]> {
	if (category === null) return [];
	try {
		const params = searchParamsSchema.parse({ category, locale, store: store ?? undefined, per_page: 9 });
		const result = await searchProducts(deps, params);
		return result.hits.filter((h) => h.id !== id).slice(0, 8);
	} catch {
		return [];
	}
}
