import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { app, startApp } from '$lib/server/app';
import { rolesFor, SESSION_COOKIE, userFromSession } from '$lib/server/auth';
import { deviceFromToken, KIOSK_COOKIE } from '$lib/server/kiosk';

export const init: ServerInit = async () => {
	if (building) return;
	const ctx = await startApp();
	// adapter-node emits this after it stops accepting requests (SIGINT / SIGTERM).
	process.once('sveltekit:shutdown' as never, async () => {
		await ctx.stop();
	});
};

/** Puts the shopper's language (cookie, else English) on the request and in <html lang>. */
const i18n: Handle = ({ event, resolve }) =>
	// JSON and media take their language from parameters, and search is on every keystroke:
	// they skip the middleware's per-request context.
	/^\/(api|media)\//.test(event.url.pathname)
		? resolve(event)
		: paraglideMiddleware(event.request, ({ request, locale }) => {
				event.request = request;
				return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
			});

const kioskDevice: Handle = async ({ event, resolve }) => {
	event.locals.kiosk = deviceFromToken(app().db, event.cookies.get(KIOSK_COOKIE));
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(self), microphone=(), geolocation=(), payment=()');
	return response;
};

/**
 * Puts the signed-in user on `locals` and keeps every staff area (PIM, associate console,
 * admin) closed to anyone without the right role: pages redirect to sign-in, anything
 * else gets 401 or 403. Loads and actions check again (`requireRole`).
 */
const auth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.sessionToken = token;
	event.locals.user = token ? userFromSession(app().db, token) : null;
	const roles = rolesFor(event.url.pathname);
	if (roles) {
		const user = event.locals.user;
		const page = event.request.method === 'GET' && (event.request.headers.get('accept') ?? '').includes('text/html');
		if (!user) {
			if (page) return new Response(null, { status: 303, headers: { location: `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}` } });
			error(401, 'Sign in first.');
		}
		if (!roles.includes(user.role)) error(403, 'Your role does not give access to this page.');
	}
	const response = await resolve(event);
	if (roles) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(i18n, kioskDevice, auth);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Something went wrong on our side. Please try again.', errorId };
};
