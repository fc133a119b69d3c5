import { describe, expect, it } from 'vitest';
import type { ProductSearchView } from '$pim';
import { localeField, toSearchDocument } from './documents.ts';
import { productIndexSettings } from './settings.ts';

const view: ProductSearchView = {
	id: 7,
	code: 'CHR-7',
	family: 'furniture',
	status: 'published',
	channels: ['kiosk', 'web'],
	name: { en: 'Oak dining chair', 'zh-CN': '橡木餐椅', ru: 'Дубовый обеденный стул' },
	description: { en: 'A sturdy chair.' },
	namePinyin: 'xiang mu can yi xiangmu canyi',
	brand: 'Nordhus',
	categoryIds: [1, 2],
	categoryPath: { en: ['Furniture', 'Chairs'], 'zh-CN': ['家具', '椅子'] },
	colours: ['red', 'blue'],
	sizes: [],
	skus: ['CHR-7-RED', 'CHR-7-BLUE'],
	gtins: ['00036000291452'],
	sellables: [],
	prices: { USD: { min: 9900, max: 12900, regularMin: 12900 } },
	rating: 4.4,
	reviewCount: 12,
	image: 'images/ab/abc',
	createdAt: 1_700_000_000
};

describe('search document', () => {
	it('flattens localized fields per locale and prices per currency', () => {
		const doc = toSearchDocument(view, { storesInStock: ['SEA1'], deliverable: true });
		expect(doc.name_zh_CN).toBe('橡木餐椅');
		expect(doc.name_ru).toBe('Дубовый обеденный стул');
		expect(doc.category_en).toBe('Furniture > Chairs');
		expect(doc.category_zh_CN).toBe('家具 > 椅子');
		expect(doc).toMatchObject({ price_USD: 9900, price_max_USD: 12900, price_regular_USD: 12900, rating: 4.4, rating_floor: 4, stores_in_stock: ['SEA1'], deliverable: true });
	});

	it('indexes every printed form of a GTIN', () => {
		const doc = toSearchDocument(view, undefined);
		expect(doc.gtins).toEqual(['00036000291452', '0036000291452', '036000291452']);
		expect(doc.stores_in_stock).toEqual([]);
		expect(doc.deliverable).toBe(false);
	});

	it('matches the index settings: every searchable and filterable field exists on documents', () => {
		const doc = toSearchDocument(view, undefined);
		const settings = productIndexSettings(['en', 'zh-CN', 'ru'], ['USD']);
		for (const field of [...settings.filterableAttributes!, ...settings.sortableAttributes!]) {
			expect(Object.keys(doc), String(field)).toContain(field);
		}
		expect(settings.searchableAttributes).toContain(localeField('name', 'zh-CN'));
		expect(settings.localizedAttributes).toContainEqual({ attributePatterns: ['*_zh_CN'], locales: ['cmn'] });
	});
});
