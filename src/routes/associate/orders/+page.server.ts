import { app } from '$lib/server/app';
import { consoleStoreOf, listStores, orderQueueFrom } from '$lib/server/associate';
import { requireRole } from '$lib/server/guard';
import * as orders from '$lib/server/orders';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	const { db } = app();
	const filter = orderQueueFrom(event.url.searchParams);
	const store = consoleStoreOf(db, user, event.url.searchParams.get('store'));
	// An associate without a home store has no queue; an admin without a choice sees every store's.
	if (user.role === 'associate' && !store) return { filter, store: null, stores: null, total: 0, pages: 0, rows: [] };
	const { total, rows } = orders.listOrders(db, { ...filter, storeId: store?.id });
	return {
		filter,
		store: store ? { code: store.code, name: store.name } : null,
		stores: user.role === 'admin' ? listStores(db).map((s) => ({ code: s.code, name: s.name })) : null,
		total,
		pages: Math.ceil(total / orders.ORDERS_PER_PAGE),
		rows
	};
};
