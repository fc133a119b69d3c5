import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { app, startApp } from '$lib/server/app';
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

export const handle = sequence(i18n, kioskDevice);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: 'Something went wrong on our side. Please try again.', errorId };
};
