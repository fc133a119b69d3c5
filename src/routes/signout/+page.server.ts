import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { SESSION_COOKIE, signOut } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => redirect(307, '/signin');

export const actions = {
	default: async ({ cookies, locals }) => {
		signOut(app().db, locals.sessionToken ?? undefined);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/signin');
	}
} satisfies Actions;
