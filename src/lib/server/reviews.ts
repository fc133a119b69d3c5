import { and, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addReview, loadDefinition, readLocalized, reviewInputSchema, issuesFromZod, NotFoundError, ValidationError, type Issue, type ReviewProblem } from '$pim';
import { product, type RawValues } from '$pim/catalog/catalog.schema.ts';
import { review } from '$pim/reviews/reviews.schema.ts';
import { m } from '$lib/paraglide/messages.js';
import type { AppDb } from './db/index.ts';
import { kioskDevice } from './db/kiosk.schema.ts';
import { store } from './db/store.schema.ts';
import { hitRateLimit, type Limit } from './rate-limit.ts';

/** Reviews one kiosk, or one phone's address, may send per hour. */
export const REVIEW_RATE_LIMIT: Limit = { max: 5, windowMs: 3600_000 };

/** Where a review comes from: a linked kiosk (limited per device) or anything else, a phone mostly (limited per address). */
export type ReviewSource = { kind: 'device'; deviceId: number } | { kind: 'address'; address: string };

/** The review form's fields as typed, echoed back next to the errors. */
export interface ReviewFormValues {
	rating: string;
	title: string;
	body: string;
	nickname: string;
}

/** Reads the review form; `trap` is the honeypot field people never see and bots fill in. */
export function readReviewForm(form: FormData): { values: ReviewFormValues; trap: boolean } {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	return {
		values: { rating: text('rating'), title: text('title'), body: text('body'), nickname: text('nickname') },
		trap: text('website').trim() !== ''
	};
}

/**
 * Stores a shopper's review of a published product, pending moderation. A valid review
 * counts against its source's hourly limit (so mistakes cost nothing); the sixth within an
 * hour throws RateLimitedError. Throws ValidationError (codes, see REVIEW_PROBLEMS) and
 * NotFoundError too.
 */
export function submitReview(db: AppDb, productCode: string, values: ReviewFormValues, locale: string, source: ReviewSource, now = Date.now()): number {
	const p = db
		.select({ id: product.id })
		.from(product)
		.where(and(eq(product.code, productCode), eq(product.status, 'published')))
		.get();
	if (!p) throw new NotFoundError('Product not found');
	const input = { rating: Number(values.rating) || 0, title: values.title, body: values.body, nickname: values.nickname, locale };
	const checked = reviewInputSchema.safeParse(input);
	if (!checked.success) throw new ValidationError('The review has errors', issuesFromZod(checked.error));
	const key = source.kind === 'device' ? `review:device:${source.deviceId}` : `review:address:${source.address}`;
	hitRateLimit(db, key, REVIEW_RATE_LIMIT, 'Too many reviews from here in the last hour', now);
	return addReview(db, p.id, input, 'pending', undefined, source.kind === 'device' ? source.deviceId : null);
}

const PROBLEM_TEXT: Record<ReviewProblem, () => string> = {
	rating: () => m.review_error_rating(),
	title_short: () => m.review_error_title_short(),
	title_long: () => m.review_error_title_long(),
	body_short: () => m.review_error_body_short(),
	body_long: () => m.review_error_body_long(),
	nickname_short: () => m.review_error_nickname_short(),
	nickname_long: () => m.review_error_nickname_long(),
	locale: () => m.review_error_locale(),
	link: () => m.review_error_link(),
	contact: () => m.review_error_contact(),
	profanity: () => m.review_error_profanity(),
	shouting: () => m.review_error_shouting(),
	repeated: () => m.review_error_repeated(),
	symbols: () => m.review_error_symbols()
};

/**
 * The shopper's language for a review's issues: one message per field (the first rule it
 * broke), and anything not about a field the shopper sees under `form`.
 */
export function reviewErrors(issues: Issue[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const field = ['rating', 'title', 'body', 'nickname'].includes(issue.path) ? issue.path : 'form';
		const text = PROBLEM_TEXT[issue.message as ReviewProblem]?.() ?? m.review_error_locale();
		errors[field] ??= text;
	}
	return errors;
}

/** The shopper's language for "try again later". */
export function rateLimitedMessage(retryAfterSeconds: number): string {
	return m.review_error_rate_limited({ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}

/** The states of a review; the moderation queue shows one at a time. */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** Reviews per page of the moderation queue. */
export const REVIEWS_PER_QUEUE_PAGE = 25;

/** The moderation queue's filters as they arrive in the URL; anything invalid falls back to the default. */
export const reviewQueueSchema = z.object({
	status: z.enum(REVIEW_STATUSES).catch('pending'),
	product: z.string().trim().max(60).catch(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
/** The queue's filters, validated. */
export type ReviewQueueFilter = z.output<typeof reviewQueueSchema>;

/** Reads the queue's filters from URL search parameters. */
export function reviewQueueFrom(sp: URLSearchParams): ReviewQueueFilter {
	return reviewQueueSchema.parse({ status: sp.get('status') ?? undefined, product: sp.get('product') ?? undefined, page: sp.get('page') ?? undefined });
}

/** A review as the moderation queue lists it, with its product and where it was written. */
export interface QueuedReview {
	id: number;
	productCode: string;
	productName: string;
	rating: number;
	title: string;
	body: string;
	nickname: string;
	locale: string;
	createdAt: string;
	status: (typeof REVIEW_STATUSES)[number];
	rejectReason: string | null;
	moderatedBy: string | null;
	moderatedAt: string | null;
	/** The kiosk it was written on and that kiosk's store; null for a phone (or an unlinked screen). */
	kiosk: { device: string; store: string } | null;
}

/** One page of reviews in a status, newest first, optionally only of products whose code contains `product`. */
export function listReviewQueue(db: AppDb, filter: ReviewQueueFilter, perPage = REVIEWS_PER_QUEUE_PAGE): { items: QueuedReview[]; total: number; pages: number } {
	const escaped = filter.product.replace(/[\\%_]/g, (c) => `\\${c}`);
	const where = and(eq(review.status, filter.status), filter.product ? sql`${product.code} LIKE ${`%${escaped}%`} ESCAPE '\\'` : undefined);
	const total = db.select({ n: count() }).from(review).innerJoin(product, eq(product.id, review.productId)).where(where).get()?.n ?? 0;
	const rows = db
		.select({
			id: review.id,
			productCode: product.code,
			values: product.values,
			rating: review.rating,
			title: review.title,
			body: review.body,
			nickname: review.nickname,
			locale: review.locale,
			createdAt: review.createdAt,
			status: review.status,
			rejectReason: review.rejectReason,
			moderatedBy: review.moderatedBy,
			moderatedAt: review.moderatedAt,
			device: kioskDevice.name,
			store: store.name
		})
		.from(review)
		.innerJoin(product, eq(product.id, review.productId))
		.leftJoin(kioskDevice, eq(kioskDevice.id, review.deviceId))
		.leftJoin(store, eq(store.id, kioskDevice.storeId))
		.where(where)
		.orderBy(desc(review.createdAt), desc(review.id))
		.limit(perPage)
		.offset((filter.page - 1) * perPage)
		.all();
	const fallback = rows.length ? loadDefinition(db).fallbackLocale : 'en';
	const items = rows.map(({ values, device, store: storeName, ...r }) => ({
		...r,
		productName: String(readLocalized(values as RawValues, 'name', 'kiosk', fallback, fallback) ?? r.productCode),
		kiosk: device ? { device, store: storeName ?? '' } : null
	}));
	return { items, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}
