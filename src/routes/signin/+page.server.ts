import { fail, redirect } from '@sveltejs/kit';
import { RateLimitedError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { SESSION_COOKIE, SESSION_IDLE_MS, signIn, type Role } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

const HOME: Record<Role, string> = { merchandiser: '/pim', associate: '/associate', admin: '/pim' };

/** Only our own paths: a crafted `next` must not send a signed-in user to another site. */
function safeNext(next: string | null): string | null {
	return next && /^\/(?!\/)[^\\\s]*$/.test(next) ? next : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	return { user: locals.user ? { name: locals.user.name, role: locals.user.role } : null, next: safeNext(url.searchParams.get('next')) };
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (!email.trim() || !password) {
			return fail(400, {
				email,
				errors: { email: email.trim() ? undefined : 'Enter your e-mail', password: password ? undefined : 'Enter your password' }
			});
		}
		let role: Role;
		try {
			const result = await signIn(app().db, { email, password, address: getClientAddress(), userAgent: request.headers.get('user-agent') });
			cookies.set(SESSION_COOKIE, result.token, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: SESSION_IDLE_MS / 1000
			});
			role = result.user.role;
		} catch (e) {
			if (e instanceof RateLimitedError) return fail(429, { email, message: e.message });
			if (e instanceof ValidationError) return fail(400, { email, message: e.message });
			throw e;
		}
		redirect(303, safeNext(String(form.get('next') ?? '')) ?? HOME[role]);
	}
} satisfies Actions;
