import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { NotFoundError, RateLimitedError, ValidationError } from '$pim';
import { getLocale } from '$lib/paraglide/runtime.js';
import { app } from './app.ts';
import { rateLimitedMessage, readReviewForm, reviewErrors, submitReview, type ReviewSource } from './reviews.ts';

/**
 * The `review` form action of the kiosk and phone product pages: a shopper's review, pending
 * until a moderator approves it. A linked kiosk is limited per device (one store screen
 * serves many shoppers); a phone or any other screen per address.
 */
export async function reviewAction(event: RequestEvent<{ code: string }>) {
	const { values, trap } = readReviewForm(await event.request.formData());
	// A bot filled in the field people never see: thank it and keep nothing.
	if (trap) return { review: { sent: true } };
	const kiosk = event.locals.kiosk;
	const source: ReviewSource = kiosk ? { kind: 'device', deviceId: kiosk.deviceId } : { kind: 'address', address: event.getClientAddress() };
	try {
		submitReview(app().db, event.params.code, values, getLocale(), source);
	} catch (e) {
		if (e instanceof ValidationError) return fail(400, { review: { values, errors: reviewErrors(e.issues) } });
		if (e instanceof RateLimitedError) return fail(429, { review: { values, errors: { form: rateLimitedMessage(e.retryAfter) } } });
		if (e instanceof NotFoundError) error(404, 'Product not found');
		throw e;
	}
	return { review: { sent: true } };
}
