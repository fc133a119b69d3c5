import { getLocale } from '$lib/paraglide/runtime.js';
import { app } from '$lib/server/app';
import { categoryCards } from '$lib/server/categories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db, searchMeili } = app();
	return categoryCards(db, searchMeili, null, getLocale());
};
