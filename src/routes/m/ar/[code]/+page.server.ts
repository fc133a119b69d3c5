import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { arLinksFor, platformOf } from '$lib/server/ar';
import { productDetail } from '$lib/server/product-page';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, request }) => {
	const { db, config } = app();
	const product = productDetail(db, params.code, getLocale(), null);
	if (!product?.model) error(404, 'This product has no 3D model');
	const origin = config.publicUrl ?? url.origin;
	const productPage = `${origin}/m/p/${encodeURIComponent(product.code)}`;
	const links = await arLinksFor(config.mediaDir, product.model.file, origin, product.name, productPage);
	return {
		product: { code: product.code, name: product.name, poster: product.images[0]?.src ?? null, dimensions: product.model.dimensions },
		links,
		platform: platformOf(request.headers.get('user-agent') ?? '')
	};
};
