import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, getProduct, NotFoundError, saveProduct, ValidationError } from '$pim';
import { chair, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import type { AppDb } from './db/index.ts';
import { setStock } from './inventory.ts';
import { createDraftProduct, loadEditor, saveDraft, sellableSkus, setProductStock } from './pim-editor.ts';

let db: AppDb;

/** The error a call throws, for asserting on its kind and issues. */
function thrown(fn: () => unknown): Error & { issues?: { path: string; message: string }[] } {
	try {
		fn();
	} catch (e) {
		if (e instanceof Error) return e;
		throw e;
	}
	throw new Error('expected an error');
}
let cleanup: () => void;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
});
afterEach(() => cleanup());

describe('loadEditor', () => {
	it('describes the family’s attributes with their level, axis and channels that require them', () => {
		saveProduct(db, tshirt(), 'test');
		const editor = loadEditor(db, 'TSH-1')!;
		const byCode = new Map(editor.definition.attributes.map((a) => [a.code, a]));
		expect([...byCode.keys()]).toEqual(['name', 'description', 'brand', 'image', 'colour', 'size']);
		expect(byCode.get('name')).toMatchObject({ label: 'Name', localizable: true, level: 0, axis: false, requiredIn: ['kiosk', 'web'] });
		expect(byCode.get('description')?.requiredIn).toEqual(['web']);
		expect(byCode.get('size')).toMatchObject({ level: 2, axis: true, options: [{ code: 'S' }, { code: 'M' }, { code: 'L' }] });
		expect(byCode.get('colour')?.options[0]).toEqual({ code: 'red', label: 'Red', hex: '#c0392b' });
		expect(editor.definition.axes).toEqual([['colour'], ['size']]);
	});

	it('names locales in their own language and nests categories', () => {
		saveProduct(db, chair(), 'test');
		const { definition } = loadEditor(db, 'CHR-1')!;
		expect(definition.locales).toEqual([
			{ code: 'en', label: 'English', fallback: true },
			{ code: 'zh-CN', label: '简体中文', fallback: false },
			{ code: 'ru', label: 'Русский', fallback: false }
		]);
		expect(definition.channels.map((c) => c.code)).toEqual(['kiosk', 'web']);
		expect(definition.currencies).toEqual(['USD']);
		expect(definition.categories).toEqual([
			{ code: 'furniture', label: 'Furniture', children: [{ code: 'chairs', label: 'Chairs', children: [] }] },
			{ code: 'apparel', label: 'Apparel', children: [{ code: 'tshirts', label: 'T-shirts', children: [] }] }
		]);
	});

	it('gives stored completeness and the stock of each SKU per location', () => {
		seedStores(db);
		saveProduct(db, tshirt(), 'test');
		setStock(db, { location: 'SEA1', sku: 'TSH-1-RED-S', onHand: 4 });
		setStock(db, { location: 'WH', sku: 'TSH-1-BLUE-M', onHand: 30 });
		const editor = loadEditor(db, 'TSH-1')!;
		expect(editor.stock.locations.map((l) => l.code)).toEqual(['PDX1', 'SEA1', 'WH']);
		expect(editor.stock.bySku).toEqual({
			'TSH-1-RED-S': { SEA1: { onHand: 4, reserved: 0 } },
			'TSH-1-BLUE-M': { WH: { onHand: 30, reserved: 0 } }
		});
		expect(editor.completeness.find((r) => r.channel === 'web' && r.locale === 'en')?.missing).toEqual(['description']);
		expect(sellableSkus(editor.product)).toEqual(['TSH-1-RED-S', 'TSH-1-RED-M', 'TSH-1-BLUE-S', 'TSH-1-BLUE-M']);
	});

	it('knows no product it was not given', () => {
		expect(loadEditor(db, 'NOPE')).toBeNull();
	});
});

describe('createDraftProduct', () => {
	it('creates a draft with one variant on the first options of each axis', () => {
		createDraftProduct(db, { code: 'TSH-9', family: 'apparel' }, 'test');
		const p = getProduct(db, 'TSH-9')!;
		expect(p.status).toBe('draft');
		expect(p.variants).toMatchObject([{ code: 'TSH-9-RED', axes: { colour: 'red' }, children: [{ code: 'TSH-9-RED-S', axes: { size: 'S' } }] }]);
	});

	it('gives a product without axes its single variant under its own code', () => {
		createDraftProduct(db, { code: 'CHR-9', family: 'furniture' }, 'test');
		expect(getProduct(db, 'CHR-9')!.variants).toMatchObject([{ code: 'CHR-9', axes: {}, children: [] }]);
	});

	it('refuses a taken code, a bad code and an unknown family, each on its field', () => {
		saveProduct(db, chair(), 'test');
		const fail = (input: unknown) => {
			try {
				createDraftProduct(db, input, 'test');
			} catch (e) {
				if (e instanceof ConflictError || e instanceof ValidationError) return { kind: e.name, issues: e.issues };
				throw e;
			}
			return null;
		};
		expect(fail({ code: 'CHR-1', family: 'furniture' })).toMatchObject({ kind: 'ConflictError', issues: [{ path: 'code' }] });
		expect(fail({ code: 'no spaces', family: 'furniture' })).toMatchObject({ kind: 'ValidationError', issues: [{ path: 'code' }] });
		expect(fail({ code: 'CHR-2', family: 'boats' })).toMatchObject({ kind: 'ValidationError', issues: [{ path: 'family' }] });
		expect(getProduct(db, 'CHR-2')).toBeNull();
	});
});

describe('saveDraft', () => {
	const draftOf = (code: string) => {
		const { id: _, revision: __, updatedAt: ___, createdAt: ____, ...rest } = getProduct(db, code)!;
		return rest;
	};

	it('saves the draft over the product the address names, keeping its status', () => {
		saveProduct(db, chair(), 'test');
		saveProduct(db, chair('CHR-2', 2), 'test');
		const draft = { ...draftOf('CHR-1'), code: 'CHR-2', status: 'archived' };
		draft.values.name['*']['zh-CN'] = '新椅子';
		const saved = saveDraft(db, 'CHR-1', JSON.stringify(draft), 1, 'Ann <ann@example.com>');
		expect(saved.revision).toBe(2);
		const after = getProduct(db, 'CHR-1')!;
		expect(after.values.name['*']['zh-CN']).toBe('新椅子');
		expect(after.status).toBe('published');
		expect(getProduct(db, 'CHR-2')!.values.name['*']['zh-CN']).toBe('橡木餐椅');
	});

	it('refuses a bad GTIN on its field and keeps nothing of the save', () => {
		saveProduct(db, chair(), 'test');
		const draft = draftOf('CHR-1');
		draft.values.name['*'].en = 'Renamed chair';
		draft.variants[0].gtin = '4006381333932';
		const e = thrown(() => saveDraft(db, 'CHR-1', JSON.stringify(draft), 1, 'test'));
		expect(e).toBeInstanceOf(ValidationError);
		expect(e.issues).toEqual([{ path: 'variants.0.gtin', message: expect.stringMatching(/check digit/) }]);
		const after = getProduct(db, 'CHR-1')!;
		expect(after).toMatchObject({ revision: 1, values: { name: { '*': { en: 'Oak dining chair CHR-1' } } } });
	});

	it('refuses a save that would leave a published product incomplete, naming what is missing', () => {
		saveProduct(db, chair(), 'test');
		const draft = draftOf('CHR-1');
		delete draft.values.brand;
		const e = thrown(() => saveDraft(db, 'CHR-1', JSON.stringify(draft), 1, 'test'));
		expect(e.message).toMatch(/incomplete for the kiosk \(missing brand\)/);
		expect(e.issues).toEqual([{ path: 'values.brand', message: 'Required for the kiosk in en' }]);
	});

	it('refuses damaged JSON, a stale revision and a product that is gone', () => {
		saveProduct(db, chair(), 'test');
		expect(thrown(() => saveDraft(db, 'CHR-1', '{"code": ', 1, 'test'))).toBeInstanceOf(ValidationError);
		expect(thrown(() => saveDraft(db, 'CHR-1', '[]', 1, 'test'))).toBeInstanceOf(ValidationError);
		saveDraft(db, 'CHR-1', JSON.stringify(draftOf('CHR-1')), 1, 'someone else');
		expect(thrown(() => saveDraft(db, 'CHR-1', JSON.stringify(draftOf('CHR-1')), 1, 'test'))).toBeInstanceOf(ConflictError);
		expect(thrown(() => saveDraft(db, 'GONE', JSON.stringify(draftOf('CHR-1')), null, 'test'))).toBeInstanceOf(NotFoundError);
		expect(getProduct(db, 'GONE')).toBeNull();
	});
});

describe('setProductStock', () => {
	it('counts stock of the product’s own SKUs only', () => {
		seedStores(db);
		saveProduct(db, tshirt(), 'test');
		saveProduct(db, chair(), 'test');
		setProductStock(db, 'TSH-1', { sku: 'TSH-1-RED-M', location: 'PDX1', onHand: '7' });
		expect(loadEditor(db, 'TSH-1')!.stock.bySku['TSH-1-RED-M']).toEqual({ PDX1: { onHand: 7, reserved: 0 } });
		expect(thrown(() => setProductStock(db, 'TSH-1', { sku: 'CHR-1', location: 'PDX1', onHand: '7' }))).toBeInstanceOf(NotFoundError);
		expect(thrown(() => setProductStock(db, 'TSH-1', { sku: 'TSH-1-RED', location: 'PDX1', onHand: '7' }))).toBeInstanceOf(NotFoundError);
		expect(thrown(() => setProductStock(db, 'TSH-1', { sku: 'TSH-1-RED-M', location: 'PDX1', onHand: '-1' })).issues).toEqual([{ path: 'onHand', message: 'Stock cannot be negative' }]);
		expect(loadEditor(db, 'CHR-1')!.stock.bySku).toEqual({});
	});
});
