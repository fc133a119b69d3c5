import { app } from '$lib/server/app';
import { consoleStoreOf, findStock, listStores } from '$lib/server/associate';
import { requireRole } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

// A look-up, not a change: a GET form, so a result can be reloaded and shared.
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	const { db } = app();
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	const store = consoleStoreOf(db, user, event.url.searchParams.get('store'));
	return {
		q,
		store: store ? { code: store.code, name: store.name } : null,
		stores: user.role === 'admin' ? listStores(db).map((s) => ({ code: s.code, name: s.name })) : null,
		products: q ? findStock(db, q, { storeId: store?.id ?? null }) : []
	};
};
