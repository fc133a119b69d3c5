import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { outbox, productSearchText } from '../search/search.schema.ts';
import { ConflictError, ValidationError } from '../shared/errors.ts';
import { loadDefinition } from './definition.ts';
import { completenessOf, getProduct, saveProduct } from './products.ts';
import {
	appendCategory,
	deleteCategory,
	moveCategory,
	optionUsage,
	refreshProducts,
	renameCategory,
	updateAttribute,
	updateFamily,
	type FamilyUpdate
} from './structure-edit.ts';

let db: PimDb;
let cleanup: () => void;

beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
});
afterEach(() => cleanup());

const count = (table: string) => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;
const queued = () => db.selectDistinct({ id: outbox.entityId }).from(outbox).all().map((r) => r.id).sort((a, b) => a - b);
const clearOutbox = () => db.delete(outbox).run();
const kioskEn = (id: number) => completenessOf(db, id).find((c) => c.channel === 'kiosk' && c.locale === 'en')!;
const searchText = (id: number) => db.select().from(productSearchText).where(eq(productSearchText.productId, id)).get()!;

async function issuesOf(fn: () => unknown): Promise<string> {
	try {
		await fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return (e as ValidationError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
	}
	throw new Error('expected a ValidationError');
}

const furniture = (required: FamilyUpdate['required']): FamilyUpdate => ({
	label: { en: 'Furniture' },
	attributes: ['name', 'description', 'tagline', 'brand', 'image', 'material', 'width'],
	required
});

describe('changing a family', () => {
	it('a new requirement lowers completeness of the family’s products, hides them from the kiosk and queues them for search', async () => {
		const a = saveProduct(db, chair('CHR-1', 1), 'ana').id;
		const b = saveProduct(db, chair('CHR-2', 2), 'ana').id;
		const shirt = saveProduct(db, tshirt(), 'ana').id;
		clearOutbox();
		expect(kioskEn(a).ratio).toBe(100);
		expect(searchText(a).channels).toContain(',kiosk,');

		const result = await updateFamily(db, 'furniture', furniture({ kiosk: ['name', 'brand', 'material', 'width'], web: ['name'] }));

		expect(result).toEqual({ touched: 2, hidden: 2 });
		expect(kioskEn(a)).toMatchObject({ ratio: 75, missing: ['width'] });
		expect(kioskEn(b).ratio).toBe(75);
		expect(searchText(a).channels).not.toContain('kiosk');
		expect(queued()).toEqual([a, b]);
		expect(queued()).not.toContain(shirt);
		// The products themselves did not change: no new revision, no version.
		expect(getProduct(db, a)!.revision).toBe(1);
		expect(count('product_version')).toBe(3);
	});

	it('a label change alone touches no product', async () => {
		saveProduct(db, chair(), 'ana');
		clearOutbox();
		const result = await updateFamily(db, 'furniture', { ...furniture({ kiosk: ['name', 'brand', 'material'], web: ['name', 'brand', 'material', 'description', 'width'] }), label: { en: 'Home', ru: 'Дом' } });
		expect(result.touched).toBe(0);
		expect(loadDefinition(db).families.get('furniture')!.label).toEqual({ en: 'Home', ru: 'Дом' });
		expect(queued()).toEqual([]);
	});

	it('adds attributes on the product level and refuses to drop a variant axis or an attribute in use', async () => {
		saveProduct(db, chair(), 'ana');
		await updateFamily(db, 'apparel', { label: { en: 'Apparel' }, attributes: ['name', 'description', 'brand', 'image', 'colour', 'size', 'material'], required: { kiosk: ['name'] } });
		expect(loadDefinition(db).families.get('apparel')!.levels.get('material')).toBe(0);

		const axis = await issuesOf(() => updateFamily(db, 'apparel', { label: { en: 'Apparel' }, attributes: ['name', 'brand', 'colour'] }));
		expect(axis).toMatch(/size is a variant axis/);
		const inUse = await issuesOf(() => updateFamily(db, 'furniture', { ...furniture({}), attributes: ['name', 'brand', 'material'] }));
		expect(inUse).toMatch(/description cannot be removed: 1 product of this family has values/);
		expect(inUse).not.toMatch(/tagline|width/);
	});

	it('refuses requirements outside the family or on unknown channels', async () => {
		const text = await issuesOf(() => updateFamily(db, 'furniture', furniture({ kiosk: ['colour'], shop: ['name'] })));
		expect(text).toMatch(/required\.kiosk: colour is not in the family/);
		expect(text).toMatch(/required\.shop: Unknown channel shop/);
	});
});

describe('changing an attribute', () => {
	const material = (options: { code: string; label: Record<string, string> }[], extra = {}) => ({
		label: { en: 'Material' },
		options: options.map((o) => ({ ...o, hex: null })),
		...extra
	});

	it('relabels and reorders options while products keep their values', async () => {
		const id = saveProduct(db, chair(), 'ana').id;
		updateAttribute(db, 'material', material([
			{ code: 'steel', label: { en: 'Brushed steel' } },
			{ code: 'oak', label: { en: 'Solid oak', 'zh-CN': '实木橡木' } },
			{ code: 'walnut', label: { en: 'Walnut' } }
		]));
		const options = loadDefinition(db).attributes.get('material')!.options;
		expect([...options.keys()]).toEqual(['steel', 'oak', 'walnut']);
		expect(options.get('oak')!.label).toEqual({ en: 'Solid oak', 'zh-CN': '实木橡木' });
		expect(getProduct(db, id)!.values.material['*']['*']).toBe('oak');
		expect(kioskEn(id).ratio).toBe(100);
	});

	it('refuses to remove an option in use, saying how many products use it', async () => {
		saveProduct(db, chair('CHR-1', 1), 'ana');
		saveProduct(db, chair('CHR-2', 2), 'ana');
		expect(optionUsage(db, 'material').get('oak')).toBe(2);
		const text = await issuesOf(() => updateAttribute(db, 'material', material([{ code: 'steel', label: { en: 'Steel' } }])));
		expect(text).toMatch(/Option oak cannot be removed: 2 products use it/);
		expect(loadDefinition(db).attributes.get('material')!.options.has('oak')).toBe(true);
		updateAttribute(db, 'material', material([{ code: 'oak', label: { en: 'Oak' } }]));
		expect([...loadDefinition(db).attributes.get('material')!.options.keys()]).toEqual(['oak']);
	});

	it('counts options used on variants too', async () => {
		saveProduct(db, tshirt(), 'ana');
		const text = await issuesOf(() => updateAttribute(db, 'size', { label: { en: 'Size' }, options: [{ code: 'L', label: { en: 'L' } }] }));
		expect(text).toMatch(/Option S cannot be removed: 1 product uses it/);
	});

	it('changes localizable only while no product holds a value', async () => {
		updateAttribute(db, 'width', { label: { en: 'Width' }, unit: 'CENTIMETER', localizable: true });
		expect(loadDefinition(db).attributes.get('width')!.localizable).toBe(true);
		saveProduct(db, chair(), 'ana');
		const text = await issuesOf(() => updateAttribute(db, 'brand', { label: { en: 'Brand' }, localizable: true }));
		expect(text).toMatch(/localizable: Cannot change whether it is translated: 1 product has values of brand/);
	});

	it('needs a label in the fallback locale and unique option codes', async () => {
		const text = await issuesOf(() => updateAttribute(db, 'material', { label: { ru: 'Материал' }, options: [{ code: 'oak', label: { en: 'Oak' } }, { code: 'oak', label: { en: 'Oak 2' } }] }));
		expect(text).toMatch(/label\.en: Required/);
		expect(text).toMatch(/options\.1\.code: oak is used twice/);
	});
});

describe('the category tree', () => {
	it('renaming a category refreshes the products of its whole subtree and only those', async () => {
		const inChairs = saveProduct(db, chair('CHR-1', 1), 'ana').id;
		const inFurniture = saveProduct(db, chair('CHR-2', 2, { categories: ['furniture'] }), 'ana').id;
		const shirt = saveProduct(db, tshirt(), 'ana').id;
		clearOutbox();

		const result = await renameCategory(db, 'furniture', { en: 'Home & furniture', 'zh-CN': '家居', ru: '' });

		expect(result.touched).toBe(2);
		expect(queued()).toEqual([inChairs, inFurniture]);
		expect(queued()).not.toContain(shirt);
		expect(searchText(inChairs).categories).toContain('家居');
		expect(loadDefinition(db).categories.get('furniture')!.label).toEqual({ en: 'Home & furniture', 'zh-CN': '家居' });
	});

	it('a rename to the same labels does nothing; an empty fallback label is refused', async () => {
		saveProduct(db, chair(), 'ana');
		clearOutbox();
		expect((await renameCategory(db, 'chairs', { en: 'Chairs', 'zh-CN': '椅子', ru: 'Стулья' })).touched).toBe(0);
		expect(queued()).toEqual([]);
		expect(await issuesOf(() => renameCategory(db, 'chairs', { en: ' ', ru: 'Стулья' }))).toMatch(/label\.en: Required/);
	});

	it('refuses to move a category under itself or its own subcategory', async () => {
		expect(await issuesOf(() => moveCategory(db, 'furniture', 'furniture', 0))).toMatch(/parent: A category cannot move under itself/);
		expect(await issuesOf(() => moveCategory(db, 'furniture', 'chairs', 0))).toMatch(/parent: A category cannot move under itself/);
		expect(loadDefinition(db).categories.get('furniture')!.parentId).toBeNull();
	});

	it('moving a category re-files its products’ paths and orders it among its new siblings', async () => {
		const id = saveProduct(db, chair(), 'ana').id;
		appendCategory(db, { code: 'outdoor', parent: 'apparel', label: { en: 'Outdoor' } });
		clearOutbox();

		const result = await moveCategory(db, 'chairs', 'apparel', 0);

		const def = loadDefinition(db);
		expect(result.touched).toBe(1);
		expect(queued()).toEqual([id]);
		const children = [...def.categoriesById.values()].filter((c) => c.parentId === def.categories.get('apparel')!.id).sort((a, b) => a.position - b.position);
		expect(children.map((c) => c.code)).toEqual(['chairs', 'tshirts', 'outdoor']);
		expect(searchText(id).categoryIds).toBe(`,${def.categories.get('apparel')!.id},${def.categories.get('chairs')!.id},`);
		// Reordering among the same siblings changes no product's path.
		clearOutbox();
		expect((await moveCategory(db, 'chairs', 'apparel', 5)).touched).toBe(0);
		expect(queued()).toEqual([]);
	});

	it('deletes only an empty category', async () => {
		saveProduct(db, chair(), 'ana');
		expect(() => deleteCategory(db, 'chairs')).toThrow(ConflictError);
		expect(() => deleteCategory(db, 'furniture')).toThrow(/1 subcategory/);
		deleteCategory(db, 'tshirts');
		expect(loadDefinition(db).categories.has('tshirts')).toBe(false);
	});
});

describe('refreshing products', () => {
	it('goes through every product in batches and leaves missing ones out', async () => {
		const ids = [1, 2, 3, 4, 5].map((n) => saveProduct(db, chair(`CHR-${n}`, n), 'ana').id);
		clearOutbox();
		db.delete(productSearchText).run();
		expect((await refreshProducts(db, [...ids, 9999], 2)).touched).toBe(5);
		expect(count('product_search_text')).toBe(5);
		expect(queued()).toEqual(ids);
	});
});
