import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { NotFoundError } from '$pim';
import { app } from '$lib/server/app';
import { findSetupLink, KIOSK_COOKIE, registerDevice } from '$lib/server/kiosk';
import type { Actions, PageServerLoad } from './$types';

const linkSchema = z.object({
	store: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
	token: z.string().min(10).max(100)
});

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = linkSchema.safeParse({ store: url.searchParams.get('store'), token: url.searchParams.get('token') });
	const link = parsed.success ? findSetupLink(app().db, parsed.data.store, parsed.data.token) : null;
	return {
		link: link && parsed.success ? { store: link.storeCode, name: link.storeName, token: parsed.data.token } : null,
		boundTo: locals.kiosk?.storeCode ?? null
	};
};

export const actions = {
	// Binding is a POST behind a button, so a prefetch or a crawler following the link binds nothing.
	bind: async ({ request, cookies, url }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = linkSchema.safeParse(form);
		if (!parsed.success) return fail(400, { message: 'This setup link is incomplete.' });
		try {
			const token = registerDevice(app().db, parsed.data.store, parsed.data.token, request.headers.get('user-agent'));
			cookies.set(KIOSK_COOKIE, token, {
				path: '/',
				httpOnly: true,
				sameSite: 'strict',
				secure: url.protocol === 'https:',
				maxAge: 10 * 365 * 24 * 3600
			});
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { message: e.message });
			throw e;
		}
		redirect(303, '/');
	}
} satisfies Actions;
