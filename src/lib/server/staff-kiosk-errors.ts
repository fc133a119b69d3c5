import { RateLimitedError, ValidationError } from '$pim';
import { m } from '$lib/paraglide/messages.js';

/** A kiosk sign-in's failure in the shopper's language: the domain answers in English, the screen does not. */
export function signInError(e: unknown): { status: 400 | 429; message: string } | null {
	if (e instanceof RateLimitedError) return { status: 429, message: m.staff_too_many() };
	if (e instanceof ValidationError) return { status: 400, message: e.issues.some((i) => i.path === 'badge') ? m.staff_wrong_badge() : m.staff_wrong_pin() };
	return null;
}
