import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { approveReviews, NotFoundError, REJECT_REASONS, rejectReview, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { listReviewQueue, reviewQueueFrom } from '$lib/server/reviews';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.coerce.number().int().positive();
const idsSchema = z.array(idSchema).min(1).max(500);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const filter = reviewQueueFrom(event.url.searchParams);
	return { filter, ...listReviewQueue(app().db, filter), reasons: REJECT_REASONS };
};

export const actions = {
	/** Approves one review, or every selected one (the bulk form sends several `id`s). */
	approve: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const ids = idsSchema.safeParse((await event.request.formData()).getAll('id'));
		if (!ids.success) return fail(400, { action: 'approve', message: 'Select the reviews to approve first.' });
		try {
			const count = approveReviews(app().db, ids.data, authorOf(user));
			return { action: 'approve', count };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(409, { action: 'approve', message: 'Some of these reviews were deleted meanwhile. Reload and try again.' });
			throw e;
		}
	},
	/** Rejects one review with a reason; the reason is kept with it. */
	reject: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData();
		const id = idSchema.safeParse(form.get('id'));
		if (!id.success) return fail(400, { action: 'reject', message: 'Unknown review.' });
		const values = { reason: String(form.get('reason') ?? ''), note: String(form.get('note') ?? '') };
		try {
			rejectReview(app().db, id.data, values, authorOf(user));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { action: 'reject', id: id.data, values, errors: Object.fromEntries(e.issues.map((i) => [i.path, i.message])) });
			if (e instanceof NotFoundError) return fail(409, { action: 'reject', message: 'This review was deleted meanwhile.' });
			throw e;
		}
		return { action: 'reject', count: 1 };
	}
} satisfies Actions;
