import { error } from '@sveltejs/kit';
import { ValidationError } from '$pim';
import { getLocale } from '$lib/paraglide/runtime.js';
import { app } from '$lib/server/app';
import { paramsFromUrl, searchParamsSchema } from '$lib/server/search/query';
import { searchProducts } from '$lib/server/search/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { store } = await parent();
	const { db, searchMeili, health } = app();
	// Rendered on the server too, so results show before any script has loaded.
	const parsed = searchParamsSchema.safeParse({ ...paramsFromUrl(url.searchParams), locale: getLocale(), store: store?.code });
	if (!parsed.success) error(400, 'This search link is not valid.');
	const deps = { db, meili: searchMeili, health };
	try {
		const result = await searchProducts(deps, parsed.data);
		// Nothing found: offer what others like instead of a blank page.
		const popular = result.total === 0 ? (await searchProducts(deps, searchParamsSchema.parse({ locale: getLocale(), store: store?.code, sort: 'rating', per_page: 8 }))).hits : [];
		return { result, popular, locale: getLocale() };
	} catch (e) {
		if (e instanceof ValidationError) error(400, 'This search link is not valid.');
		throw e;
	}
};
