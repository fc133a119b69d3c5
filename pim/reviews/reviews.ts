import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { inTransaction, type PimDb } from '../db.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { issuesFromZod, NotFoundError, ValidationError } from '../shared/errors.ts';
import { ABUSE_PROBLEMS, findAbuse, type AbuseProblem } from './abuse.ts';
import { review } from './reviews.schema.ts';

/** How long each part of a review may be, in characters (after trimming). */
export const REVIEW_LIMITS = {
	title: { min: 2, max: 120 },
	body: { min: 10, max: 4000 },
	nickname: { min: 2, max: 40 }
} as const;

/**
 * Why a review field was refused. A review's issues carry one of these codes as their
 * message: the shopper's pages translate them, so the domain holds no shop wording.
 */
export const REVIEW_PROBLEMS = [
	'rating',
	'title_short',
	'title_long',
	'body_short',
	'body_long',
	'nickname_short',
	'nickname_long',
	'locale',
	...ABUSE_PROBLEMS
] as const;
/** One of REVIEW_PROBLEMS. */
export type ReviewProblem = (typeof REVIEW_PROBLEMS)[number];

/** A text field whose abuse rules (a subset of ABUSE_PROBLEMS) each add an issue coded by the broken rule. */
function reviewText(limits: { min: number; max: number }, short: ReviewProblem, long: ReviewProblem, checks: readonly AbuseProblem[]) {
	return z
		.string({ error: short })
		.trim()
		.min(limits.min, short)
		.max(limits.max, long)
		.superRefine((text, ctx) => {
			// Too long is reason enough; the rules need not read a huge text.
			if (text.length > limits.max) return;
			const problem = findAbuse(text, checks);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		});
}

/** What a shopper may submit as a review; issue messages are ReviewProblem codes. */
export const reviewInputSchema = z.object({
	rating: z.number({ error: 'rating' }).int('rating').min(1, 'rating').max(5, 'rating'),
	title: reviewText(REVIEW_LIMITS.title, 'title_short', 'title_long', ['link', 'contact', 'profanity', 'shouting', 'repeated']),
	body: reviewText(REVIEW_LIMITS.body, 'body_short', 'body_long', ABUSE_PROBLEMS),
	nickname: reviewText(REVIEW_LIMITS.nickname, 'nickname_short', 'nickname_long', ['link', 'contact', 'profanity', 'repeated']),
	locale: z.string({ error: 'locale' }).min(2, 'locale').max(10, 'locale')
});
/** A review as submitted, before trimming. */
export type ReviewInput = z.input<typeof reviewInputSchema>;

/**
 * Records a review, pending unless seeding says otherwise; `deviceId` names the kiosk it was
 * written on. Throws ValidationError whose issue messages are ReviewProblem codes.
 */
export function addReview(
	db: PimDb,
	productId: number,
	input: ReviewInput,
	status: 'pending' | 'approved' = 'pending',
	createdAt?: string,
	deviceId: number | null = null
): number {
	const r = reviewInputSchema.safeParse(input);
	if (!r.success) throw new ValidationError('The review has errors', issuesFromZod(r.error));
	return inTransaction(db, () => {
		const id = db
			.insert(review)
			.values({ productId, ...r.data, status, deviceId, ...(createdAt ? { createdAt } : {}) })
			.returning({ id: review.id })
			.get().id;
		if (status === 'approved') enqueueProducts(db, [productId]);
		return id;
	});
}

/** The common reasons a moderator rejects a review for; "other" needs a note. */
export const REJECT_REASONS = [
	{ code: 'offensive', label: 'Offensive or rude' },
	{ code: 'personal', label: 'Contains personal data' },
	{ code: 'spam', label: 'Advertising or spam' },
	{ code: 'off_topic', label: 'Not about this product' },
	{ code: 'fake', label: 'Not a genuine experience' },
	{ code: 'other', label: 'Other' }
] as const;
type RejectReasonCode = (typeof REJECT_REASONS)[number]['code'];
const REASON_CODES = REJECT_REASONS.map((r) => r.code) as [RejectReasonCode, ...RejectReasonCode[]];

/** Why a moderator rejects a review: one of REJECT_REASONS and an optional note (required for "other"). */
export const rejectInputSchema = z
	.object({
		reason: z.enum(REASON_CODES, { error: 'Choose a reason' }),
		note: z.string().trim().max(500, 'At most 500 characters').default('')
	})
	.refine((v) => v.reason !== 'other' || v.note.length > 0, { path: ['note'], message: 'Say why the review is rejected' });
/** A rejection as a form sends it; rejectReview checks it against rejectInputSchema. */
export interface RejectInput {
	reason: string;
	note?: string;
}

/** Sets the status of existing reviews and enqueues the products whose approved reviews changed. */
function setStatus(db: PimDb, ids: number[], status: 'approved' | 'rejected', by: string, rejectReason: string | null): number {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return 0;
	return inTransaction(db, () => {
		const rows = db.select({ id: review.id, productId: review.productId, status: review.status }).from(review).where(inArray(review.id, unique)).all();
		if (rows.length !== unique.length) throw new NotFoundError(unique.length === 1 ? 'Review not found' : 'Some of these reviews no longer exist');
		db.update(review)
			.set({ status, rejectReason, moderatedBy: by, moderatedAt: new Date().toISOString() })
			.where(inArray(review.id, unique))
			.run();
		// Only approved reviews count in the rating: search needs to know when that set changes.
		enqueueProducts(db, rows.filter((r) => r.status !== status && (r.status === 'approved' || status === 'approved')).map((r) => r.productId));
		return rows.length;
	});
}

/** Approves reviews (one or many) on behalf of `by`; their products' ratings in search follow. */
export function approveReviews(db: PimDb, ids: number[], by: string): number {
	return setStatus(db, ids, 'approved', by, null);
}

/** Rejects a review on behalf of `by` with a reason; a rejected review is never shown or counted. */
export function rejectReview(db: PimDb, id: number, input: RejectInput, by: string) {
	const r = rejectInputSchema.safeParse(input);
	if (!r.success) throw new ValidationError('Say why the review is rejected', issuesFromZod(r.error));
	const label = REJECT_REASONS.find((x) => x.code === r.data.reason)!.label;
	setStatus(db, [id], 'rejected', by, r.data.note ? `${label}: ${r.data.note}` : label);
}
