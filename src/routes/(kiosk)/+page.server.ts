import { eq } from 'drizzle-orm';
import { app } from '$lib/server/app';
import { store } from '$lib/server/db/store.schema';
import { searchParamsSchema } from '$lib/server/search/query';
import { searchProducts } from '$lib/server/search/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db, searchMeili, health } = app();
	const here = locals.kiosk
		? (db.select({ code: store.code, name: store.name }).from(store).where(eq(store.id, locals.kiosk.storeId)).get() ?? null)
		: null;
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	// Rendered on the server too, so results show before any script has loaded.
	const params = searchParamsSchema.parse({ q, store: here?.code });
	const result = await searchProducts({ db, meili: searchMeili, health }, params);
	return { store: here, q, result };
};
