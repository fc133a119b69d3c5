import { getLocale } from '$lib/paraglide/runtime.js';
import { app } from '$lib/server/app';
import { categoryCards } from '$lib/server/categories';
import { searchParamsSchema } from '$lib/server/search/query';
import { searchProducts } from '$lib/server/search/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { store } = await parent();
	const { db, searchMeili, health } = app();
	const locale = getLocale();
	const featured = await searchProducts({ db, meili: searchMeili, health }, searchParamsSchema.parse({ locale, store: store?.code, sort: 'rating', per_page: 12 }));
	const { cards } = await categoryCards(db, searchMeili, null, locale);
	return { featured: featured.hits, categories: cards, locale };
};
