import { describe, expect, it } from 'vitest';
import type { EditorAttribute, EditorProduct } from '$lib/server/pim-editor';
import { focusPathFor, issueLabel, nextAxes, ProductDraft, readRaw, toMajor, toMinor, variantCode, writeRaw } from './product-draft.svelte';

const attr = (code: string, extra: Partial<EditorAttribute> = {}): EditorAttribute => ({
	code,
	type: 'text',
	label: code,
	localizable: false,
	perChannel: false,
	unit: null,
	level: 0,
	axis: false,
	requiredIn: [],
	options: [],
	...extra
});

const options = (...codes: string[]) => codes.map((code) => ({ code, label: code, hex: null }));

const attributes = [
	attr('name', { localizable: true }),
	attr('tagline', { localizable: true, perChannel: true }),
	attr('brand'),
	attr('colour', { type: 'select', level: 1, axis: true, options: options('red', 'blue') }),
	attr('size', { type: 'select', level: 2, axis: true, options: options('S', 'M') })
];

function shirt(): EditorProduct {
	return {
		id: 1,
		code: 'TSH-1',
		family: 'apparel',
		status: 'published',
		categories: ['tshirts'],
		values: { name: { '*': { en: 'Cotton T-shirt', 'zh-CN': '棉T恤' } }, brand: { '*': { '*': 'Linea' } } },
		variants: [
			{
				code: 'TSH-1-RED',
				axes: { colour: 'red' },
				values: { colour: { '*': { '*': 'red' } } },
				gtin: null,
				prices: {},
				children: [{ code: 'TSH-1-RED-S', axes: { size: 'S' }, values: { size: { '*': { '*': 'S' } } }, gtin: '00200000000001', prices: { USD: { amount: 1900, sale: null } } }]
			}
		],
		media: [],
		revision: 3,
		updatedAt: '2025-01-01T00:00:00.000Z'
	};
}

const twoLevels = () => new ProductDraft({ attributes, axes: [['colour'], ['size']] }, shirt(), []);

describe('raw values', () => {
	it('stores a localizable value under its locale and a plain one under *', () => {
		const values = {};
		writeRaw(values, attributes[0], 'kiosk', 'zh-CN', '椅子');
		writeRaw(values, attributes[2], 'kiosk', 'zh-CN', 'Nordhus');
		writeRaw(values, attributes[1], 'web', 'ru', 'Слоган');
		expect(values).toEqual({ name: { '*': { 'zh-CN': '椅子' } }, brand: { '*': { '*': 'Nordhus' } }, tagline: { web: { ru: 'Слоган' } } });
		expect(readRaw(values, attributes[2], 'web', 'en')).toBe('Nordhus');
		expect(readRaw(values, attributes[1], 'kiosk', 'ru')).toBeUndefined();
	});

	it('clears an emptied value without leaving empty objects behind', () => {
		const values = { name: { '*': { en: 'Chair' } }, brand: { '*': { '*': 'Nordhus' } } };
		writeRaw(values, attributes[0], 'kiosk', 'en', '');
		writeRaw(values, attributes[2], 'kiosk', 'en', null);
		expect(values).toEqual({});
	});
});

describe('money', () => {
	it('turns typed amounts into cents and back', () => {
		expect(toMinor(12.99, 'USD')).toBe(1299);
		expect(toMinor(0.1 + 0.2, 'USD')).toBe(30);
		expect(toMajor(1299, 'USD')).toBe(12.99);
		expect(toMinor(1500, 'JPY')).toBe(1500);
	});

	it('keeps a fraction of a cent so the server refuses it instead of rounding silently', () => {
		expect(Number.isInteger(toMinor(12.345, 'USD'))).toBe(false);
	});
});

describe('variant helpers', () => {
	it('finds the first unused axis combination', () => {
		const axes = [{ code: 'colour', options: ['red', 'blue'] }];
		expect(nextAxes(axes, [{ colour: 'red' }])).toEqual({ colour: 'blue' });
		expect(nextAxes(axes, [{ colour: 'red' }, { colour: 'blue' }])).toBeNull();
	});

	it('derives a unique code from the parent and the options', () => {
		expect(variantCode('TSH-1', { colour: 'blue' }, new Set())).toBe('TSH-1-BLUE');
		expect(variantCode('TSH-1', { colour: 'blue' }, new Set(['TSH-1-BLUE']))).toBe('TSH-1-BLUE-2');
	});
});

describe('ProductDraft', () => {
	it('edits a copy of the product and knows when it differs from the saved state', () => {
		const loaded = shirt();
		const draft = twoLevels();
		expect(draft.dirty).toBe(false);
		draft.setValue('name', 'kiosk', 'zh-CN', '新名字');
		expect(draft.dirty).toBe(true);
		expect(draft.value('name', 'web', 'zh-CN')).toBe('新名字');
		expect(loaded.values.name['*']['zh-CN']).toBe('棉T恤');
		draft.setValue('name', 'kiosk', 'zh-CN', '棉T恤');
		expect(draft.dirty).toBe(false);
	});

	it('adds a colour with one size, priced like the last SKU, and a second size under it', () => {
		const draft = twoLevels();
		expect(draft.addVariant()).toBe(true);
		const blue = draft.product.variants[1];
		expect(blue).toMatchObject({ code: 'TSH-1-BLUE', axes: { colour: 'blue' }, values: { colour: { '*': { '*': 'blue' } } } });
		expect(blue.children).toMatchObject([{ code: 'TSH-1-BLUE-S', axes: { size: 'S' }, prices: { USD: { amount: 1900 } } }]);
		expect(draft.addChild(1)).toBe(true);
		expect(blue.children.map((c) => c.code)).toEqual(['TSH-1-BLUE-S', 'TSH-1-BLUE-M']);
		expect(draft.addChild(1)).toBe(false);
		expect(draft.addVariant()).toBe(false);
	});

	it('edits prices in cents with a dated sale that goes away with its amount', () => {
		const draft = twoLevels();
		const sku = draft.product.variants[0].children[0];
		draft.setSale(sku, 'USD', 1500);
		draft.setSaleDate(sku, 'USD', 'end', '2030-01-31');
		expect(sku.prices.USD).toEqual({ amount: 1900, sale: { amount: 1500, start: null, end: '2030-01-31' } });
		draft.setSale(sku, 'USD', null);
		expect(sku.prices.USD.sale).toBeNull();
		draft.setPrice(sku, 'USD', null);
		expect(sku.prices).toEqual({});
	});

	it('sends the whole product with its media reduced to what a save stores', () => {
		const draft = twoLevels();
		draft.setMedia([{ media: 7, role: 'image', variant: 'TSH-1-RED', alt: { en: 'Red shirt' }, url: '/media/x.webp', bytes: 10, width: 320, height: 320, compressed: null }]);
		draft.setCategory('sale', true);
		draft.setCategory('tshirts', false);
		const input = draft.toInput();
		expect(input.media).toEqual([{ media: 7, role: 'image', variant: 'TSH-1-RED', alt: { en: 'Red shirt' } }]);
		expect(input.categories).toEqual(['sale']);
		expect(input).not.toHaveProperty('revision');
		expect(JSON.parse(JSON.stringify(input)).variants[0].children[0].gtin).toBe('00200000000001');
	});

	it('starts over from the saved state after a save', () => {
		const draft = twoLevels();
		draft.setGtin(draft.product.variants[0].children[0], ' 4006381333931 ');
		expect(draft.product.variants[0].children[0].gtin).toBe('4006381333931');
		draft.reset({ ...shirt(), revision: 4 }, []);
		expect(draft.dirty).toBe(false);
		expect(draft.revision).toBe(4);
		expect(draft.product.variants[0].children[0].gtin).toBe('00200000000001');
	});
});

describe('issues', () => {
	it('names the field of a server issue the way the editor shows it', () => {
		const { variants } = shirt();
		expect(issueLabel('values.name.*.zh-CN', { variants }, attributes)).toBe('name (zh-CN)');
		expect(issueLabel('values.brand', { variants }, attributes)).toBe('brand');
		expect(issueLabel('variants.0.children.0.gtin', { variants }, attributes)).toBe('TSH-1-RED-S: GTIN');
		expect(issueLabel('variants.0.children.0.prices.USD.sale.end', { variants }, attributes)).toBe('TSH-1-RED-S: sale end USD');
		expect(issueLabel('variants.0.axes.colour', { variants }, attributes)).toBe('TSH-1-RED: colour');
		expect(issueLabel('variants.3.code', { variants }, attributes)).toBe('variant 4: SKU');
		expect(issueLabel('categories', { variants }, attributes)).toBe('Categories');
	});

	it('sends a missing variant-level attribute to the first variant’s field', () => {
		expect(focusPathFor('values.colour', attributes)).toBe('variants.0.axes.colour');
		expect(focusPathFor('values.size.*.*', attributes)).toBe('variants.0.children.0.axes.size');
		expect(focusPathFor('values.name.*.en', attributes)).toBe('values.name.*.en');
	});
});
