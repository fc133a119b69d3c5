import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { SESSION_COOKIE, signOut } from '$lib/server/auth';
import * as carts from '$lib/server/cart';
import * as staff from '$lib/server/staff-kiosk';
import { m } from '$lib/paraglide/messages.js';
import { signInError } from '$lib/server/staff-kiosk-errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	if (!locals.kiosk) return { linked: false as const, staff: [], signedIn: null };
	return {
		linked: true as const,
		staff: staff.kioskStaffForStore(app().db, locals.kiosk.storeId),
		signedIn: staff.isAssisting(locals.user) ? locals.user.name : null
	};
};

export const actions = {
	/** The PIN pad's OK: who (chosen by name) and the digits tapped. */
	pin: async ({ request, cookies, locals, url, getClientAddress }) => {
		const form = await request.formData();
		const userId = Number(form.get('userId'));
		const pin = String(form.get('pin') ?? '');
		if (!locals.kiosk) return fail(409, { userId, message: m.staff_no_store() });
		if (!staff.pinSchema.safeParse(pin).success) return fail(400, { userId, message: m.staff_enter_pin() });
		const { db } = app();
		try {
			const result = await staff.signInWithPin(db, {
				storeId: locals.kiosk.storeId,
				deviceId: locals.kiosk.deviceId,
				address: getClientAddress(),
				userAgent: request.headers.get('user-agent'),
				userId,
				pin
			});
			begin(result, cookies, url);
		} catch (e) {
			const err = signInError(e);
			if (err) return fail(err.status, { userId, message: err.message });
			throw e;
		}
		redirect(303, '/');
	},
	/** A badge code typed (or scanned into the field). */
	badge: async ({ request, cookies, locals, url, getClientAddress }) => {
		const form = await request.formData();
		const code = String(form.get('badge') ?? '');
		if (!locals.kiosk) return fail(409, { badge: true, message: m.staff_no_store() });
		try {
			const result = staff.signInWithBadge(app().db, {
				storeId: locals.kiosk.storeId,
				deviceId: locals.kiosk.deviceId,
				address: getClientAddress(),
				userAgent: request.headers.get('user-agent'),
				token: code
			});
			begin(result, cookies, url);
		} catch (e) {
			const err = signInError(e);
			if (err) return fail(err.status, { badge: true, message: err.message });
			throw e;
		}
		redirect(303, '/');
	},
	/** The banner's Sign out: the associate leaves, the shopper's cart stays. */
	signout: async ({ cookies, locals }) => {
		signOut(app().db, locals.sessionToken ?? undefined);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/');
	}
} satisfies Actions;

/** Sets the session cookie and credits the associate with the cart already on the screen. */
function begin(result: staff.KioskSignIn, cookies: Cookies, url: URL) {
	cookies.set(SESSION_COOKIE, result.token, staff.kioskSessionCookie(url.protocol === 'https:'));
	carts.assignAssociate(app().db, cookies.get(carts.CART_COOKIE), result.user.id);
}
