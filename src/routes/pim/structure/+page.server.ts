import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { listStores } from '$lib/server/stores';
import { structureCounts } from '$pim';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const { stores, unattached } = listStores(db);
	return { counts: { ...structureCounts(db), stores: stores.length, warehouses: unattached.length } };
};
