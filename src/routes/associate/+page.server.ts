import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { listKiosks } from '$lib/server/kiosk';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	// Associates see their own store's screens; admins see every store's.
	const storeId = user.role === 'admin' ? null : user.homeStoreId;
	return { kiosks: listKiosks(app().db, storeId ?? -1), now: Date.now() };
};
