import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role, SessionUser } from './auth.ts';

/**
 * The signed-in user when they hold one of `roles`; otherwise a redirect to sign-in (no
 * session) or a 403. Every staff load and action calls this, on top of the hook's check by
 * path, so a route moved or added without thought still refuses the wrong people.
 */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (!roles.includes(user.role)) error(403, 'Your role does not give access to this page.');
	return user;
}

/** How a member of staff is named in history and order events. */
export function authorOf(user: SessionUser): string {
	return `${user.name} <${user.email}>`;
}
