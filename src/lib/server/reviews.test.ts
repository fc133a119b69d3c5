import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { approveReviews, NotFoundError, RateLimitedError, rejectReview, saveProduct, ValidationError } from '$pim';
import { review } from '$pim/reviews/reviews.schema.ts';
import { chair, seedStructure } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import type { AppDb } from './db/index.ts';
import { kioskDevice } from './db/kiosk.schema.ts';
import { store } from './db/store.schema.ts';
import { productReviews, ratingSummary } from './product-page.ts';
import { listReviewQueue, readReviewForm, reviewErrors, reviewQueueFrom, submitReview, type ReviewFormValues } from './reviews.ts';

let db: AppDb;
let cleanup: () => void;
let chairId: number;
let deviceId: number;

const form: ReviewFormValues = { rating: '5', title: 'Lovely chair', body: 'Sturdy, comfortable and the oak is beautiful.', nickname: 'Sam' };
const kiosk = () => ({ kind: 'device' as const, deviceId });
const phone = (address = '203.0.113.9') => ({ kind: 'address' as const, address });

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	chairId = saveProduct(db, chair('CHR-1'), 'ana').id;
	saveProduct(db, chair('CHR-2', 2), 'ana');
	saveProduct(db, { ...chair('CHR-DRAFT', 3), status: 'draft' }, 'ana');
	const sea = db.select({ id: store.id }).from(store).where(eq(store.code, 'SEA1')).get()!;
	deviceId = db.insert(kioskDevice).values({ storeId: sea.id, tokenHash: 'h1', name: 'Seattle kiosk 1' }).returning({ id: kioskDevice.id }).get().id;
});
afterEach(() => cleanup());

describe('submitReview', () => {
	it('stores the review pending, in the shopper’s language and with its kiosk', () => {
		const id = submitReview(db, 'CHR-1', form, 'ru', kiosk());
		expect(db.select().from(review).where(eq(review.id, id)).get()).toMatchObject({ productId: chairId, rating: 5, locale: 'ru', status: 'pending', deviceId });
		expect(ratingSummary(db, chairId).count).toBe(0);
	});

	it('refuses the sixth review from one kiosk within an hour, but not another kiosk’s or a phone’s', () => {
		const t = Date.parse('2026-05-01T10:00:00Z');
		for (let i = 0; i < 5; i++) submitReview(db, 'CHR-1', form, 'en', kiosk(), t + i * 60_000);
		let refused: unknown;
		try {
			submitReview(db, 'CHR-2', form, 'en', kiosk(), t + 10 * 60_000);
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).retryAfter).toBe(50 * 60);
		expect(db.select().from(review).all()).toHaveLength(5);

		const other = db.insert(kioskDevice).values({ storeId: 1, tokenHash: 'h2', name: 'Seattle kiosk 2' }).returning({ id: kioskDevice.id }).get().id;
		expect(() => submitReview(db, 'CHR-1', form, 'en', { kind: 'device', deviceId: other }, t + 10 * 60_000)).not.toThrow();
		expect(() => submitReview(db, 'CHR-1', form, 'en', phone(), t + 10 * 60_000)).not.toThrow();
		// An hour after the first, the kiosk may write again.
		expect(() => submitReview(db, 'CHR-1', form, 'en', kiosk(), t + 61 * 60_000)).not.toThrow();
	});

	it('limits phones per address, and an invalid review costs nothing', () => {
		const t = Date.parse('2026-05-01T10:00:00Z');
		for (let i = 0; i < 10; i++) expect(() => submitReview(db, 'CHR-1', { ...form, body: 'see www.example' }, 'en', phone(), t)).toThrow(ValidationError);
		for (let i = 0; i < 5; i++) submitReview(db, 'CHR-1', form, 'en', phone(), t);
		expect(() => submitReview(db, 'CHR-1', form, 'en', phone(), t)).toThrow(RateLimitedError);
		expect(() => submitReview(db, 'CHR-1', form, 'en', phone('198.51.100.4'), t)).not.toThrow();
	});

	it('only takes reviews of published products', () => {
		expect(() => submitReview(db, 'CHR-DRAFT', form, 'en', kiosk())).toThrow(NotFoundError);
		expect(() => submitReview(db, 'NOPE', form, 'en', kiosk())).toThrow(NotFoundError);
	});
});

describe('reviewErrors', () => {
	it('gives each field one kind sentence: the first rule it broke', () => {
		let errors: Record<string, string> = {};
		try {
			submitReview(db, 'CHR-1', { rating: '', title: 'OK', body: 'Mail me at anna@example.com, ok?', nickname: 'Fuck' }, 'en', kiosk());
		} catch (e) {
			if (e instanceof ValidationError) errors = reviewErrors(e.issues);
		}
		expect(errors).toEqual({
			rating: 'Please choose from 1 to 5 stars.',
			body: 'Please leave out e-mail addresses and phone numbers, so your details stay private.',
			nickname: 'Please say it without rude words, so everyone can read your review.'
		});
	});
});

describe('readReviewForm', () => {
	it('reads the fields and notices the honeypot', () => {
		const data = new FormData();
		data.set('rating', '4');
		data.set('title', 'Nice');
		expect(readReviewForm(data)).toEqual({ values: { rating: '4', title: 'Nice', body: '', nickname: '' }, trap: false });
		data.set('website', 'http://spam.example');
		expect(readReviewForm(data).trap).toBe(true);
	});
});

describe('moderation queue', () => {
	it('lists one status newest first, filters by product code, pages, and names the kiosk', () => {
		const ids = Array.from({ length: 4 }, (_, i) => submitReview(db, i < 3 ? 'CHR-1' : 'CHR-2', { ...form, title: `Review ${i}` }, 'en', i % 2 ? phone(`192.0.2.${i}`) : kiosk()));
		const pending = listReviewQueue(db, reviewQueueFrom(new URLSearchParams()), 3);
		expect(pending.total).toBe(4);
		expect(pending.pages).toBe(2);
		expect(pending.items.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
		expect(pending.items[0]).toMatchObject({ productCode: 'CHR-2', productName: 'Oak dining chair CHR-2', kiosk: null });
		expect(pending.items[1].kiosk).toEqual({ device: 'Seattle kiosk 1', store: 'Aisle Seattle' });
		expect(listReviewQueue(db, reviewQueueFrom(new URLSearchParams('page=2')), 3).items.map((r) => r.id)).toEqual([ids[0]]);
		expect(listReviewQueue(db, reviewQueueFrom(new URLSearchParams('product=chr-2'))).items.map((r) => r.id)).toEqual([ids[3]]);
		expect(listReviewQueue(db, reviewQueueFrom(new URLSearchParams('product=CHR_'))).total).toBe(0);

		approveReviews(db, [ids[0]], 'mia');
		const approved = listReviewQueue(db, reviewQueueFrom(new URLSearchParams('status=approved')));
		expect(approved.items).toMatchObject([{ id: ids[0], status: 'approved', moderatedBy: 'mia' }]);
		expect(listReviewQueue(db, reviewQueueFrom(new URLSearchParams('status=nonsense'))).total).toBe(3);
	});

	it('shows and counts approved reviews only: a rejected one never appears', () => {
		const [a, b, c] = [5, 4, 1].map((r) => submitReview(db, 'CHR-1', { ...form, rating: String(r) }, 'en', phone(`192.0.2.${r}`)));
		approveReviews(db, [a, b], 'mia');
		rejectReview(db, c, { reason: 'offensive' }, 'mia');
		expect(ratingSummary(db, chairId)).toMatchObject({ count: 2, average: 4.5 });
		expect(productReviews(db, chairId).items.map((r) => r.id).sort()).toEqual([a, b].sort());
	});
});
