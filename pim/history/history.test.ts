import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import { category } from '../catalog/catalog.schema.ts';
import { loadDefinition, type CatalogDefinition } from '../catalog/definition.ts';
import type { ProductData, ProductInput } from '../catalog/input.ts';
import { getProduct, saveProduct, setProductStatus, snapshotOf } from '../catalog/products.ts';
import { createAttribute } from '../catalog/structure.ts';
import type { PimDb } from '../db.ts';
import { media } from '../media/media.schema.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import { diffProductStates, listVersions, productStateAt, restoreVersion } from './history.ts';

let db: PimDb;
let cleanup: () => void;

beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
});
afterEach(() => cleanup());

/** The stored state of a freshly saved product, so diffs compare what the database holds. */
function saved(input: ProductInput): ProductData {
	const { id } = saveProduct(db, input, 'ana');
	return snapshotOf(getProduct(db, id)!);
}

const clone = (p: ProductData): ProductData => structuredClone(p);

function refusal(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return e as ValidationError;
	}
	throw new Error('expected a ValidationError');
}

describe('listVersions and productStateAt', () => {
	it('lists every save newest first, with author, comment and the status it left', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		saveProduct(db, chair('CHR-1', 1, { values: { ...chair().values, brand: { '*': { '*': 'Hallo' } } } }), 'bo', { comment: 'New brand' });
		setProductStatus(db, id, 'draft', 'cy');
		const versions = listVersions(db, id);
		expect(versions.map((v) => [v.revision, v.author, v.status])).toEqual([
			[3, 'cy', 'draft'],
			[2, 'bo', 'published'],
			[1, 'ana', 'published']
		]);
		expect(versions[1].comment).toBe('New brand');
		expect(versions[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it('gives the state at each revision, and null for revisions that do not exist', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		saveProduct(db, chair('CHR-1', 1, { values: { ...chair().values, brand: { '*': { '*': 'Hallo' } } } }), 'bo');
		expect(productStateAt(db, id, 1)!.values.brand['*']['*']).toBe('Nordhus');
		expect(productStateAt(db, id, 2)!.values.brand['*']['*']).toBe('Hallo');
		expect(productStateAt(db, id, 0)).toBeNull();
		expect(productStateAt(db, id, 3)).toBeNull();
		expect(productStateAt(db, id + 1, 1)).toBeNull();
	});
});

describe('diffProductStates', () => {
	let def: CatalogDefinition;
	beforeEach(() => {
		createAttribute(db, { code: 'features', type: 'multiselect', label: { en: 'Features' }, options: [
			{ code: 'stackable', label: { en: 'Stackable' } },
			{ code: 'foldable', label: { en: 'Foldable', 'zh-CN': '可折叠' } }
		] });
		createAttribute(db, { code: 'outdoor', type: 'boolean', label: { en: 'Outdoor use' } });
		def = loadDefinition(db);
	});

	it('finds nothing between a state and itself, whatever order its keys were written in', () => {
		const a = saved(tshirt());
		const b = clone(a);
		b.values = Object.fromEntries(Object.entries(b.values).reverse());
		expect(diffProductStates(def, a, b, 'en')).toEqual([]);
	});

	it('labels value changes by attribute, locale and channel', () => {
		const a = saved(chair());
		const b = clone(a);
		b.values.name['*']['zh-CN'] = '新椅子';
		b.values.tagline = { kiosk: { ru: 'Прочный' } };
		delete b.values.description;
		expect(diffProductStates(def, a, b, 'en')).toEqual([
			{ area: 'values', kind: 'changed', label: 'Name (zh-CN)', before: '橡木餐椅', after: '新椅子' },
			{ area: 'values', kind: 'removed', label: 'Description (en)', before: 'A sturdy chair.', after: null },
			{ area: 'values', kind: 'added', label: 'Tagline (ru, kiosk)', before: null, after: 'Прочный' }
		]);
	});

	it('shows options, booleans and multiselects by their labels in the asked locale', () => {
		const a = saved(chair());
		a.values.features = { '*': { '*': ['stackable'] } };
		const b = clone(a);
		b.values.material['*']['*'] = 'steel';
		b.values.features['*']['*'] = ['stackable', 'foldable'];
		b.values.outdoor = { '*': { '*': true } };
		expect(diffProductStates(def, a, b, 'zh-CN').map((c) => [c.label, c.before, c.after])).toEqual([
			['Material', '橡木', 'Steel'],
			['Features', 'Stackable', 'Stackable, 可折叠'],
			['Outdoor use', null, 'Yes']
		]);
	});

	it('treats a multiselect in another order as unchanged', () => {
		const a = saved(chair());
		a.values.features = { '*': { '*': ['stackable', 'foldable'] } };
		const b = clone(a);
		b.values.features['*']['*'] = ['foldable', 'stackable'];
		expect(diffProductStates(def, a, b, 'en')).toEqual([]);
	});

	it('compares rich text as text, and still catches a change of markup alone', () => {
		const a = saved(chair());
		const text = clone(a);
		text.values.description['*'].en = '<p>A <em>very</em> sturdy chair &amp; more.</p>';
		expect(diffProductStates(def, a, text, 'en')).toEqual([
			{ area: 'values', kind: 'changed', label: 'Description (en)', before: 'A sturdy chair.', after: 'A very sturdy chair & more.' }
		]);
		const markup = clone(a);
		markup.values.description['*'].en = '<p>A <strong>sturdy</strong> chair.</p>';
		expect(diffProductStates(def, a, markup, 'en')).toEqual([
			{ area: 'values', kind: 'changed', label: 'Description (en)', before: '<p>A sturdy chair.</p>', after: '<p>A <strong>sturdy</strong> chair.</p>' }
		]);
	});

	it('shows status, family and categories by their labels', () => {
		const a = saved(chair());
		const b = clone(a);
		b.status = 'draft';
		b.family = 'apparel';
		b.categories = ['furniture'];
		expect(diffProductStates(def, a, b, 'ru')).toEqual([
			{ area: 'product', kind: 'changed', label: 'Status', before: 'Published', after: 'Draft' },
			{ area: 'product', kind: 'changed', label: 'Family', before: 'Furniture', after: 'Apparel' },
			{ area: 'categories', kind: 'added', label: 'Category', before: null, after: 'Мебель' },
			{ area: 'categories', kind: 'removed', label: 'Category', before: 'Мебель › Стулья', after: null }
		]);
	});

	it('shows prices as money, with the sale price and its dates', () => {
		const a = saved(chair());
		const b = clone(a);
		b.variants[0].prices.USD = { amount: 11900, sale: { amount: 9950, start: '2025-01-01', end: '2025-01-31' } };
		expect(diffProductStates(def, a, b, 'en')).toEqual([
			{ area: 'variants', kind: 'changed', label: 'Variant CHR-1: Price USD', before: 'USD 129.00', after: 'USD 119.00; sale USD 99.50 from 2025-01-01 until 2025-01-31' }
		]);
	});

	it('reports variants added, removed and changed (SKU, GTIN, axes, price, order)', () => {
		const a = saved(tshirt());
		const b = clone(a);
		const [red, blue] = b.variants;
		red.children[0].gtin = '04006381333931';
		red.children[1].prices.USD.amount = 2100;
		red.children.push({ code: 'TSH-1-RED-L', axes: { size: 'L' }, values: {}, gtin: null, prices: { USD: { amount: 2300, sale: null } } });
		blue.children = blue.children.filter((c) => c.code !== 'TSH-1-BLUE-M');
		blue.children[0].code = 'TSH-1-BLUE-SMALL';
		b.variants = [blue, red];
		const changes = diffProductStates(def, a, b, 'en').map((c) => [c.kind, c.label, c.before, c.after]);
		expect(changes).toEqual([
			['changed', 'Variant TSH-1-BLUE-SMALL: SKU', 'TSH-1-BLUE-S', 'TSH-1-BLUE-SMALL'],
			['changed', 'Variant TSH-1-RED-S: GTIN', a.variants[0].children[0].gtin, red.children[0].gtin],
			['changed', 'Variant TSH-1-RED-M: Price USD', 'USD 19.00', 'USD 21.00'],
			['added', 'Variant TSH-1-RED-L', null, 'Size: L · USD 23.00'],
			['removed', 'Variant TSH-1-BLUE-M', expect.stringMatching(/^Size: M · GTIN \d{14} · USD 19\.00$/), null],
			['changed', 'Variant order', 'TSH-1-RED, TSH-1-RED-S, TSH-1-RED-M, TSH-1-BLUE, TSH-1-BLUE-SMALL', 'TSH-1-BLUE, TSH-1-BLUE-SMALL, TSH-1-RED, TSH-1-RED-S, TSH-1-RED-M']
		]);
	});

	it('reports a variant moved to another option of its axis', () => {
		const a = saved(tshirt());
		const b = clone(a);
		b.variants[0].children[1].axes.size = 'L';
		expect(diffProductStates(def, a, b, 'en').map((c) => [c.label, c.before, c.after])).toEqual([['Variant TSH-1-RED-M: Size', 'M', 'L']]);
	});

	it('reports media added, removed, reordered, moved to a variant and with new alt text', () => {
		const a = saved(tshirt());
		a.media = [
			{ media: 1, role: 'image', variant: null, alt: { en: 'Front' } },
			{ media: 2, role: 'image', variant: null, alt: {} },
			{ media: 3, role: 'model3d', variant: null, alt: {} }
		];
		const b = clone(a);
		b.media = [
			{ media: 2, role: 'image', variant: 'TSH-1-RED', alt: { 'zh-CN': '正面' } },
			{ media: 1, role: 'image', variant: null, alt: { en: 'Front view' } },
			{ media: 4, role: 'image', variant: null, alt: {} }
		];
		expect(diffProductStates(def, a, b, 'en')).toEqual([
			{ area: 'media', kind: 'changed', label: 'Image #2: variant', before: 'Whole product', after: 'TSH-1-RED' },
			{ area: 'media', kind: 'added', label: 'Image #2: alt text (zh-CN)', before: null, after: '正面' },
			{ area: 'media', kind: 'changed', label: 'Image #1: alt text (en)', before: 'Front', after: 'Front view' },
			{ area: 'media', kind: 'added', label: 'Image #4', before: null, after: 'Position 3' },
			{ area: 'media', kind: 'removed', label: '3D model #3', before: 'Position 3', after: null },
			{ area: 'media', kind: 'changed', label: 'Media order', before: 'Image #1, Image #2', after: 'Image #2, Image #1' }
		]);
	});

	it('gives the same list in the same order every time', () => {
		const a = saved(tshirt());
		const b = clone(a);
		b.status = 'archived';
		b.values.name['*'].ru = 'Футболка';
		b.variants.reverse();
		b.variants[0].children[0].prices.USD.amount = 1000;
		const first = diffProductStates(def, a, b, 'en');
		expect(first.map((c) => c.area)).toEqual(['product', 'values', 'variants', 'variants']);
		expect(diffProductStates(def, a, b, 'en')).toEqual(first);
	});
});

describe('restoreVersion', () => {
	it('brings back values, variants and prices as a new revision, keeping the current status', () => {
		const { id } = saveProduct(db, tshirt(), 'ana');
		const edited = tshirt();
		edited.values = { ...edited.values, name: { '*': { en: 'Renamed shirt' } } };
		edited.variants = edited.variants!.slice(0, 1);
		edited.variants[0].children![0].prices = { USD: { amount: 2500 } };
		saveProduct(db, edited, 'bo');
		setProductStatus(db, id, 'draft', 'bo');

		const result = restoreVersion(db, id, 1, 'cy <cy@example.com>');
		expect(result.revision).toBe(4);
		const p = getProduct(db, id)!;
		expect(p.values.name['*'].en).toBe('Cotton T-shirt TSH-1');
		expect(p.variants.map((v) => v.code)).toEqual(['TSH-1-RED', 'TSH-1-BLUE']);
		expect(p.variants[0].children[0].prices.USD.amount).toBe(1900);
		expect(p.status).toBe('draft');
		const versions = listVersions(db, id);
		expect(versions).toHaveLength(4);
		expect(versions[0]).toMatchObject({ revision: 4, author: 'cy <cy@example.com>', comment: 'Restored revision 1', status: 'draft' });
		const def = loadDefinition(db);
		expect(diffProductStates(def, productStateAt(db, id, 1)!, productStateAt(db, id, 4)!, 'en').map((c) => c.label)).toEqual(['Status']);
	});

	it('refuses to leave a published product incomplete, and writes nothing', () => {
		const incomplete = chair('CHR-1', 1, { status: 'draft' });
		incomplete.values = { ...incomplete.values, brand: {} };
		const { id } = saveProduct(db, incomplete, 'ana');
		saveProduct(db, chair(), 'ana');
		const e = refusal(() => restoreVersion(db, id, 1, 'bo'));
		expect(e.message).toMatch(/published.*incomplete for the kiosk.*brand/);
		expect(listVersions(db, id)).toHaveLength(2);
		expect(getProduct(db, id)!.values.brand['*']['*']).toBe('Nordhus');
	});

	it('names what the old revision refers to that is gone or taken', () => {
		const { id } = saveProduct(db, tshirt(), 'ana');
		const mediaId = db.insert(media).values({ kind: 'image', checksum: 'abc', file: 'x/abc', mime: 'image/jpeg', bytes: 10 }).returning({ id: media.id }).get().id;
		saveProduct(db, { ...tshirt(), categories: ['apparel'], media: [{ media: mediaId, role: 'image' }] }, 'ana');
		const withImage = getProduct(db, id)!;
		saveProduct(db, { ...snapshotOf(withImage), media: [], variants: withImage.variants.slice(0, 1) }, 'ana');
		db.delete(media).where(eq(media.id, mediaId)).run();
		db.delete(category).where(eq(category.code, 'tshirts')).run();
		saveProduct(db, chair('TSH-1-BLUE-M', 9), 'ana');

		expect(refusal(() => restoreVersion(db, id, 1, 'bo')).message).toBe(
			'Revision 1 cannot be restored: category tshirts no longer exists; SKU TSH-1-BLUE-M now belongs to another product'
		);
		expect(refusal(() => restoreVersion(db, id, 2, 'bo')).message).toMatch(new RegExp(`Image #${mediaId} no longer exists`));
		expect(listVersions(db, id)).toHaveLength(3);
	});

	it('refuses a revision that does not exist or is already current', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		expect(() => restoreVersion(db, id, 7, 'bo')).toThrow(NotFoundError);
		expect(refusal(() => restoreVersion(db, id, 1, 'bo')).message).toMatch(/current revision/);
	});
});
