import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { SESSION_COOKIE } from '$lib/server/auth';
import * as carts from '$lib/server/cart';
import * as staff from '$lib/server/staff-kiosk';
import { m } from '$lib/paraglide/messages.js';
import { signInError } from '$lib/server/staff-kiosk-errors';
import type { PageServerLoad } from './$types';

// The QR code on a badge opens this link on the kiosk (its scanner navigates here), so the
// sign-in happens on arrival; it is rate-limited per screen like the typed badge code.
export const load: PageServerLoad = async ({ url, locals, cookies, request, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	if (!locals.kiosk) return { message: m.staff_no_store() };
	const { db } = app();
	try {
		const result = staff.signInWithBadge(db, {
			storeId: locals.kiosk.storeId,
			deviceId: locals.kiosk.deviceId,
			address: getClientAddress(),
			userAgent: request.headers.get('user-agent'),
			token: url.searchParams.get('t') ?? ''
		});
		cookies.set(SESSION_COOKIE, result.token, staff.kioskSessionCookie(url.protocol === 'https:'));
		carts.assignAssociate(db, cookies.get(carts.CART_COOKIE), result.user.id);
	} catch (e) {
		const err = signInError(e);
		if (err) return { message: err.message };
		throw e;
	}
	redirect(303, '/');
};
