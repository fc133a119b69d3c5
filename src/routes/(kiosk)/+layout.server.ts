import { eq } from 'drizzle-orm';
import { app } from '$lib/server/app';
import * as carts from '$lib/server/cart';
import { store } from '$lib/server/db/store.schema';
import { isAssisting } from '$lib/server/staff-kiosk';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	const { db, config } = app();
	const here = locals.kiosk
		? (db.select({ code: store.code, name: store.name }).from(store).where(eq(store.id, locals.kiosk.storeId)).get() ?? null)
		: null;
	return {
		store: here,
		bound: !!locals.kiosk,
		cartCount: carts.countItems(db, cookies.get(carts.CART_COOKIE)),
		// The associate signed in on this screen, shown in a banner so no shopper is left signed in as staff.
		assisting: isAssisting(locals.user) ? { name: locals.user.name } : null,
		idle: { seconds: config.idleSeconds, warningSeconds: config.idleWarningSeconds },
		version: config.version
	};
};
