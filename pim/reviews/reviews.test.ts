import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { saveProduct } from '../catalog/products.ts';
import { claimOutbox, completeOutbox } from '../search/outbox.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { addReview, approveReviews, rejectReview } from './reviews.ts';
import { review } from './reviews.schema.ts';

let db: PimDb;
let cleanup: () => void;
let chairId: number;

const good = { rating: 4, title: 'Solid chair', body: 'Sturdy and comfortable, the oak is lovely.', nickname: 'Sam', locale: 'en' };

/** Products waiting in the outbox; clears it, so each test sees only its own changes. */
function drainOutbox(): number[] {
	const batch = claimOutbox(db, 'test');
	completeOutbox(db, 'test', batch.rowIds);
	return batch.productIds;
}

function issuesOf(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		// The first issue of each field, as the form shows it.
		if (e instanceof ValidationError) return Object.fromEntries([...e.issues].reverse().map((i) => [i.path, i.message]));
		throw e;
	}
	throw new Error('expected a ValidationError');
}

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	chairId = saveProduct(db, chair(), 'ana').id;
	drainOutbox();
});
afterEach(() => cleanup());

describe('addReview', () => {
	it('stores a shopper review as pending, with its kiosk, and leaves search alone until approval', () => {
		const id = addReview(db, chairId, { ...good, title: '  Solid chair  ' }, 'pending', undefined, 7);
		const row = db.select().from(review).where(eq(review.id, id)).get()!;
		expect(row).toMatchObject({ status: 'pending', title: 'Solid chair', deviceId: 7, moderatedBy: null });
		expect(drainOutbox()).toEqual([]);
	});

	it('names each broken rule by code on its own field', () => {
		expect(issuesOf(() => addReview(db, chairId, { rating: 0, title: 'x', body: 'short', nickname: 'S', locale: 'en' }))).toEqual({
			rating: 'rating',
			title: 'title_short',
			body: 'body_short',
			nickname: 'nickname_short'
		});
		expect(
			issuesOf(() =>
				addReview(db, chairId, { ...good, title: 'A'.repeat(121), body: 'Better price at cheapchairs.com, trust me.', nickname: 'call 206 555 0142' })
			)
		).toEqual({ title: 'title_long', body: 'link', nickname: 'contact' });
		expect(issuesOf(() => addReview(db, chairId, { ...good, body: 'THIS IS THE BEST CHAIR I HAVE EVER OWNED' }))).toEqual({ body: 'shouting' });
		expect(db.select().from(review).all()).toHaveLength(0);
	});
});

describe('moderation', () => {
	it('approving records who and when, and enqueues the product so its rating in search follows', () => {
		const id = addReview(db, chairId, good);
		expect(approveReviews(db, [id], 'Mia <merch@aisle.demo>')).toBe(1);
		const row = db.select().from(review).where(eq(review.id, id)).get()!;
		expect(row.status).toBe('approved');
		expect(row.moderatedBy).toBe('Mia <merch@aisle.demo>');
		expect(Date.parse(row.moderatedAt!)).toBeGreaterThan(Date.now() - 60_000);
		expect(drainOutbox()).toEqual([chairId]);
	});

	it('approves several at once, and refuses the whole batch when one is gone', () => {
		const a = addReview(db, chairId, good);
		const b = addReview(db, chairId, { ...good, nickname: 'Kim' });
		expect(() => approveReviews(db, [a, 9999], 'mia')).toThrow(NotFoundError);
		expect(db.select().from(review).where(eq(review.status, 'approved')).all()).toHaveLength(0);
		expect(approveReviews(db, [a, b], 'mia')).toBe(2);
		expect(drainOutbox()).toEqual([chairId]);
	});

	it('rejecting needs a reason, stores it, and only touches search when an approved review leaves', () => {
		const id = addReview(db, chairId, good);
		expect(issuesOf(() => rejectReview(db, id, { reason: '' }, 'mia'))).toHaveProperty('reason');
		expect(issuesOf(() => rejectReview(db, id, { reason: 'other', note: ' ' }, 'mia'))).toHaveProperty('note');

		rejectReview(db, id, { reason: 'personal', note: 'phone number in the title' }, 'mia');
		const row = db.select().from(review).where(eq(review.id, id)).get()!;
		expect(row).toMatchObject({ status: 'rejected', rejectReason: 'Contains personal data: phone number in the title', moderatedBy: 'mia' });
		expect(drainOutbox()).toEqual([]);

		approveReviews(db, [id], 'mia');
		drainOutbox();
		rejectReview(db, id, { reason: 'spam' }, 'mia');
		expect(drainOutbox()).toEqual([chairId]);
		expect(db.select().from(review).where(eq(review.id, id)).get()!.rejectReason).toBe('Advertising or spam');
	});
});
