import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { inTransaction, type PimDb } from '../db.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { issuesFromZod, NotFoundError, ValidationError } from '../shared/errors.ts';
import { review } from './reviews.schema.ts';

/** What a shopper may submit as a review. */
export const reviewInputSchema = z.object({
	rating: z.number().int().min(1, 'Choose 1 to 5 stars').max(5, 'Choose 1 to 5 stars'),
	title: z.string().trim().min(2, 'Give your review a title').max(120, 'At most 120 characters'),
	body: z
		.string()
		.trim()
		.min(10, 'Tell a little more (at least 10 characters)')
		.max(4000, 'At most 4,000 characters')
		.refine((t) => !/(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|ru|cn|io)\b)/i.test(t), 'Links are not allowed in reviews'),
	nickname: z.string().trim().min(2, 'At least 2 characters').max(40, 'At most 40 characters'),
	locale: z.string().min(2).max(10)
});

/** Records a review; seeding and moderation may set its status directly. */
export function addReview(
	db: PimDb,
	productId: number,
	input: z.input<typeof reviewInputSchema>,
	status: 'pending' | 'approved' = 'pending',
	createdAt?: string
): number {
	const r = reviewInputSchema.safeParse(input);
	if (!r.success) throw new ValidationError('The review has errors', issuesFromZod(r.error));
	return inTransaction(db, () => {
		const id = db
			.insert(review)
			.values({ productId, ...r.data, status, ...(createdAt ? { createdAt } : {}) })
			.returning({ id: review.id })
			.get().id;
		if (status === 'approved') enqueueProducts(db, [productId]);
		return id;
	});
}

/** Approves or rejects a review; an approval changes the product's rating in search. */
export function moderateReview(db: PimDb, id: number, decision: 'approved' | 'rejected', reason?: string) {
	inTransaction(db, () => {
		const row = db.select().from(review).where(eq(review.id, id)).get();
		if (!row) throw new NotFoundError('Review not found');
		db.update(review).set({ status: decision, rejectReason: decision === 'rejected' ? (reason ?? null) : null }).where(eq(review.id, id)).run();
		enqueueProducts(db, [row.productId]);
	});
}
