import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import * as staff from '$lib/server/staff-kiosk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	return { ...staff.kioskCredentials(app().db, user.id), homeStore: user.homeStoreCode };
};

export const actions = {
	/** Sets or changes my kiosk PIN; typed twice so a slip of the finger does not lock me out. */
	setPin: async (event) => {
		const user = requireRole(event, 'associate', 'admin');
		const form = await event.request.formData();
		const pin = String(form.get('pin') ?? '');
		if (pin !== String(form.get('confirm') ?? '')) return fail(400, { pinErrors: { confirm: 'The two PINs differ' } });
		try {
			await staff.setPin(app().db, user.id, pin);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { pinErrors: { pin: e.issues[0]?.message ?? e.message } });
			throw e;
		}
		return { pinSaved: true };
	},
	/** Issues a new badge code (the old one stops working) and shows it once, as a QR code to print. */
	issueBadge: async (event) => {
		const user = requireRole(event, 'associate', 'admin');
		const { db, config } = app();
		const token = staff.issueBadge(db, user.id);
		const link = `${config.publicUrl ?? event.url.origin}/staff/badge?t=${encodeURIComponent(token)}`;
		return { badge: { code: token, svg: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) } };
	}
} satisfies Actions;
