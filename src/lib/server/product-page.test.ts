import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addReview, saveProduct } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { chair, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import type { AppDb } from './db/index.ts';
import { inventory } from './db/store.schema.ts';
import { setStock } from './inventory.ts';
import { availabilityFor, haversineKm, productDetail, productReviews, reviewQueryFrom, sanitizeDescription } from './product-page.ts';

let db: AppDb;
let cleanup: () => void;
let chairId: number;
let shirtId: number;

const review = (rating: number, locale: string, title: string) => ({ rating, title, body: `${title}: it is exactly as described.`, nickname: 'Sam', locale });

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	const base = chair('CHR-1');
	chairId = saveProduct(db, {
		...base,
		values: {
			...base.values,
			description: { '*': { en: '<p>A <strong>sturdy</strong> chair.<script>alert(1)</script><a href="https://evil.example">x</a><img src=x onerror=alert(1)></p>' } },
			width: { '*': { '*': { amount: 45, unit: 'CENTIMETER' } } },
			tagline: { kiosk: { en: 'Sit well' } }
		}
	}, 'test').id;
	shirtId = saveProduct(db, tshirt('TSH-1'), 'test').id;
	saveProduct(db, { ...chair('CHR-DRAFT', 50), status: 'draft' }, 'test');

	setStock(db, { location: 'SEA1', sku: 'TSH-1-RED-M', onHand: 4, aisle: '12', bay: 'B' });
	setStock(db, { location: 'PDX1', sku: 'TSH-1-RED-M', onHand: 3 });
	setStock(db, { location: 'WH', sku: 'TSH-1-RED-M', onHand: 10 });
	setStock(db, { location: 'WH', sku: 'TSH-1-BLUE-S', onHand: 2 }); // all of it is safety stock
	// Two units of it are promised to orders at every location.
	const v = db.select({ id: variant.id }).from(variant).where(eq(variant.code, 'TSH-1-RED-M')).get()!;
	db.update(inventory).set({ reserved: 2 }).where(eq(inventory.variantId, v.id)).run();

	addReview(db, chairId, review(5, 'en', 'Great chair'), 'approved', '2026-01-01T10:00:00.000Z');
	addReview(db, chairId, review(2, 'zh-CN', '一般般'), 'approved', '2026-03-01T10:00:00.000Z');
	addReview(db, chairId, review(4, 'ru', 'Хороший стул'), 'approved', '2026-02-01T10:00:00.000Z');
	addReview(db, chairId, review(1, 'en', 'Not shown'), 'pending');
	for (let i = 0; i < 12; i++) addReview(db, shirtId, review(5, 'en', `Shirt ${i}`), 'approved', `2025-06-${String(i + 10).padStart(2, '0')}T00:00:00.000Z`);
});

afterAll(() => cleanup?.());

describe('productDetail', () => {
	it('is null for a missing or unpublished product', () => {
		expect(productDetail(db, 'NOPE', 'en', null)).toBeNull();
		expect(productDetail(db, 'CHR-DRAFT', 'en', null)).toBeNull();
	});

	it('localizes name and specification labels, with the fallback locale where a text is missing', () => {
		const zh = productDetail(db, 'CHR-1', 'zh-CN', 'SEA1')!;
		expect(zh.name).toBe('橡木餐椅');
		expect(zh.brand).toBe('Nordhus');
		expect(zh.specs).toContainEqual({ code: 'material', label: 'Material', value: '橡木' });
		const ru = productDetail(db, 'TSH-1', 'ru', null)!;
		expect(ru.name).toBe('Cotton T-shirt TSH-1');
	});

	it('keeps only harmless tags of the description', () => {
		const p = productDetail(db, 'CHR-1', 'en', null)!;
		expect(p.descriptionHtml).toBe('<p>A <strong>sturdy</strong> chair.x</p>');
		expect(sanitizeDescription('<ul><li onclick="x()">a</li></ul><iframe src="x"></iframe>')).toBe('<ul><li>a</li></ul>');
	});

	it('builds specifications from the family without name, brand, tagline or description', () => {
		const p = productDetail(db, 'CHR-1', 'en', null)!;
		expect(p.specs.map((s) => s.code)).toEqual(['material', 'width']);
		expect(p.specs.find((s) => s.code === 'width')?.value).toBe('45 cm');
		expect(p.categoryPath).toEqual(['Furniture', 'Chairs']);
	});

	it('lists the variant axes and every SKU with its price', () => {
		const p = productDetail(db, 'TSH-1', 'en', 'SEA1')!;
		expect(p.axes.map((a) => [a.code, a.swatches, a.options.map((o) => o.label)])).toEqual([
			['colour', true, ['Red', 'Blue']],
			['size', false, ['S', 'M']]
		]);
		expect(p.sellables.find((s) => s.sku === 'TSH-1-BLUE-M')).toEqual({
			sku: 'TSH-1-BLUE-M',
			axes: { colour: 'blue', size: 'M' },
			parent: 'TSH-1-BLUE',
			price: { amount: 1900, regular: null }
		});
		expect(p.currency).toBe('USD');
	});

	it('shows a running sale with the regular price, and ignores one that has ended', () => {
		const base = chair('CHR-SALE', 60);
		saveProduct(db, { ...base, variants: [{ ...base.variants[0], prices: { USD: { amount: 10000, sale: { amount: 7500, start: '2026-01-01', end: '2026-12-31' } } } }] }, 'test');
		expect(productDetail(db, 'CHR-SALE', 'en', null, undefined, '2026-06-01')!.sellables[0].price).toEqual({ amount: 7500, regular: 10000 });
		expect(productDetail(db, 'CHR-SALE', 'en', null, undefined, '2027-01-02')!.sellables[0].price).toEqual({ amount: 10000, regular: null });
	});

	it('summarizes approved reviews only', () => {
		const p = productDetail(db, 'CHR-1', 'en', null)!;
		expect(p.rating.count).toBe(3);
		expect(p.rating.average).toBe(3.7);
		expect(p.rating.histogram).toEqual([
			{ stars: 5, count: 1 },
			{ stars: 4, count: 1 },
			{ stars: 3, count: 0 },
			{ stars: 2, count: 1 },
			{ stars: 1, count: 0 }
		]);
	});
});

describe('productReviews', () => {
	it('sorts by newest, highest or lowest, in every locale', () => {
		const titles = (sort: 'newest' | 'highest' | 'lowest') => productReviews(db, chairId, { sort }).items.map((r) => r.title);
		expect(titles('newest')).toEqual(['一般般', 'Хороший стул', 'Great chair']);
		expect(titles('highest')).toEqual(['Great chair', 'Хороший стул', '一般般']);
		expect(titles('lowest')).toEqual(['一般般', 'Хороший стул', 'Great chair']);
		expect(productReviews(db, chairId).items.map((r) => r.locale).sort()).toEqual(['en', 'ru', 'zh-CN']);
	});

	it('filters by stars and pages ten at a time', () => {
		expect(productReviews(db, chairId, { stars: 4 })).toMatchObject({ total: 1, items: [{ title: 'Хороший стул' }] });
		const first = productReviews(db, shirtId, { limit: 10 });
		expect(first.items).toHaveLength(10);
		expect(first.total).toBe(12);
		expect(productReviews(db, shirtId, { offset: 10, limit: 10 }).items.map((r) => r.title)).toEqual(['Shirt 1', 'Shirt 0']);
	});

	it('reads its controls from the URL and falls back on anything invalid', () => {
		expect(reviewQueryFrom(new URLSearchParams('sort=lowest&stars=5&shown=20'))).toEqual({ sort: 'lowest', stars: 5, shown: 20 });
		expect(reviewQueryFrom(new URLSearchParams('sort=drop table&stars=9&shown=-1'))).toEqual({ sort: 'newest', stars: undefined, shown: 10 });
		expect(reviewQueryFrom(new URLSearchParams('stars='))).toEqual({ sort: 'newest', stars: undefined, shown: 10 });
	});
});

describe('availabilityFor', () => {
	it('gives this store’s shelf with aisle and bay, other stores by distance, and the warehouse minus safety stock', () => {
		const a = availabilityFor(db, shirtId, 'SEA1');
		expect(a['TSH-1-RED-M'].here).toEqual({ available: 2, aisle: '12', bay: 'B' });
		expect(a['TSH-1-RED-M'].stores).toHaveLength(1);
		expect(a['TSH-1-RED-M'].stores[0]).toMatchObject({ code: 'PDX1', onShelf: 1, promisable: 1 });
		expect(a['TSH-1-RED-M'].stores[0].distanceKm).toBeCloseTo(236, -1);
		expect(a['TSH-1-RED-M'].warehouse).toBe(6); // 10 − 2 reserved − 2 safety
		expect(a['TSH-1-RED-M'].deliverable).toBe(true);
		expect(a['TSH-1-BLUE-S']).toEqual({ here: { available: 0, aisle: null, bay: null }, stores: [], warehouse: 0, deliverable: false });
	});

	it('has no "here" and no distances on a screen without a store', () => {
		const a = availabilityFor(db, shirtId, null);
		expect(a['TSH-1-RED-M'].here).toBeNull();
		expect(a['TSH-1-RED-M'].stores.map((s) => [s.code, s.distanceKm])).toEqual([
			['PDX1', null],
			['SEA1', null]
		]);
	});

	it('measures distance on the globe', () => {
		expect(haversineKm({ lat: 47.6, lng: -122.3 }, { lat: 47.6, lng: -122.3 })).toBe(0);
		expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111.2, 0);
	});
});
