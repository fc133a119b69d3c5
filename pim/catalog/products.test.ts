import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, gtin13, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { ConflictError, ValidationError } from '../shared/errors.ts';
import { productVersion } from '../history/history.schema.ts';
import { outbox } from '../search/search.schema.ts';
import { completenessOf, getProduct, saveProduct, setProductStatus } from './products.ts';

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

function expectIssues(fn: () => unknown, paths: RegExp) {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).issues.map((i) => i.path).join(' ')).toMatch(paths);
		return (e as ValidationError).issues;
	}
	throw new Error('expected a ValidationError');
}

describe('saving a product', () => {
	it('stores values, variants with GTIN-14, prices, completeness, a version and an outbox row', () => {
		const { id, revision } = saveProduct(db, chair(), 'ana');
		const p = getProduct(db, id)!;
		expect(revision).toBe(1);
		expect(p.values.name['*'].ru).toBe('Дубовый обеденный стул');
		expect(p.variants[0].gtin).toBe(`0${gtin13(1)}`);
		expect(p.variants[0].prices.USD.amount).toBe(12900);
		expect(completenessOf(db, id)).toHaveLength(6);
		expect(count('product_version')).toBe(1);
		expect(db.select().from(outbox).where(eq(outbox.entityId, id)).all()).toHaveLength(1);
	});

	it('saves colour × size variants on two levels, with axis values readable as values', () => {
		const { id } = saveProduct(db, tshirt(), 'ana');
		const p = getProduct(db, id)!;
		expect(p.variants.map((v) => v.code)).toEqual(['TSH-1-RED', 'TSH-1-BLUE']);
		expect(p.variants[0].children.map((c) => c.axes.size)).toEqual(['S', 'M']);
		expect(p.variants[0].children[0].values.size['*']['*']).toBe('S');
		const kiosk = completenessOf(db, id).find((c) => c.channel === 'kiosk' && c.locale === 'en')!;
		expect(kiosk.ratio).toBe(100);
	});

	it('refuses a GTIN with a wrong check digit and writes nothing', () => {
		const bad = chair('CHR-BAD', 2, { variants: [{ code: 'CHR-BAD', axes: {}, gtin: '4006381333932', prices: {} }] });
		const issues = expectIssues(() => saveProduct(db, bad, 'ana'), /gtin/);
		const text = issues!.map((i) => `${i.path}: ${i.message}`).join('\n');
		expect(text).toMatch(/check digit/);
		expect(count('product')).toBe(0);
		expect(count('outbox')).toBe(0);
	});

	it('checks values against attributes: locale, options, level, type', () => {
		const bad = chair('CHR-BAD', 2, {
			values: {
				name: { '*': { en: 'Chair', xx: 'bad locale' } },
				material: { '*': { '*': 'plastic' } },
				colour: { '*': { '*': 'red' } },
				brand: { '*': { '*': 42 } }
			}
		});
		const issues = expectIssues(() => saveProduct(db, bad, 'ana'), /values\.name\.\*\.xx/)!;
		const text = issues.map((i) => `${i.path}: ${i.message}`).join('\n');
		expect(text).toMatch(/Unknown option plastic/);
		expect(text).toMatch(/colour does not belong/);
		expect(text).toMatch(/values\.brand/);
	});

	it('refuses variants that do not follow the family axes', () => {
		const t = tshirt();
		t.variants[1].axes = { colour: 'red' };
		expectIssues(() => saveProduct(db, t, 'ana'), /variants\.1\.axes/);
		const noChildren = tshirt('TSH-2', 200);
		noChildren.variants[0].children = [];
		expectIssues(() => saveProduct(db, noChildren, 'ana'), /variants\.0\.children/);
	});

	it('refuses a SKU or GTIN that belongs to another product', () => {
		saveProduct(db, chair('CHR-1', 1), 'ana');
		expect(() => saveProduct(db, chair('CHR-2', 1), 'ana')).toThrow(ConflictError);
		const other = chair('CHR-3', 3);
		other.variants = [{ code: 'CHR-1', axes: {}, gtin: gtin13(3) }];
		expect(() => saveProduct(db, other, 'ana')).toThrow(ConflictError);
		expect(count('product')).toBe(1);
	});

	it('refuses a save over a newer revision', () => {
		saveProduct(db, chair(), 'ana');
		saveProduct(db, chair(), 'ben');
		expect(() => saveProduct(db, { ...chair(), expectedRevision: 1 }, 'ana')).toThrow(ConflictError);
	});

	it('writes the previous state with author and time on every save', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		const edited = chair();
		edited.values!.name['*'].en = 'Oak kitchen chair';
		saveProduct(db, edited, 'ben');
		const versions = db.select().from(productVersion).where(eq(productVersion.productId, id)).all();
		expect(versions.map((v) => [v.revision, v.author])).toEqual([
			[1, 'ana'],
			[2, 'ben']
		]);
		expect(versions[0].previous).toBeNull();
		expect((versions[1].previous as { values: { name: { '*': { en: string } } } }).values.name['*'].en).toBe('Oak dining chair CHR-1');
		expect(getProduct(db, id)!.values.name['*'].en).toBe('Oak kitchen chair');
	});

	it('keeps variant ids (and so stock) across saves, and drops removed variants', () => {
		const { id } = saveProduct(db, tshirt(), 'ana');
		const before = db.all<{ id: number; code: string }>(sql`SELECT id, code FROM variant WHERE product_id = ${id} ORDER BY code`);
		const t = tshirt();
		t.variants = t.variants.slice(0, 1);
		saveProduct(db, t, 'ana');
		const after = db.all<{ id: number; code: string }>(sql`SELECT id, code FROM variant WHERE product_id = ${id} ORDER BY code`);
		expect(after.map((v) => v.code)).toEqual(['TSH-1-RED', 'TSH-1-RED-M', 'TSH-1-RED-S']);
		for (const v of after) expect(before.find((b) => b.code === v.code)?.id).toBe(v.id);
	});
});

describe('publishing', () => {
	it('needs 100 % kiosk completeness in the fallback locale, naming what is missing', () => {
		const incomplete = chair('CHR-9', 9, { values: { name: { '*': { en: 'Lonely chair' } }, brand: { '*': { '*': 'Nordhus' } } } });
		const issues = expectIssues(() => saveProduct(db, incomplete, 'ana'), /values\.material/);
		expect(issues).toHaveLength(1);
		expect(count('product')).toBe(0);
		const { id } = saveProduct(db, { ...incomplete, status: 'draft' }, 'ana');
		expect(() => setProductStatus(db, id, 'published', 'ana')).toThrow(/complete for the kiosk.*material/);
	});

	it('refuses an edit that would make a published product incomplete, and leaves it as it was', () => {
		const { id } = saveProduct(db, chair(), 'ana');
		const broken = chair();
		delete broken.values!.material;
		expect(() => saveProduct(db, broken, 'ben')).toThrow(/Unpublish it first/);
		const p = getProduct(db, id)!;
		expect(p.revision).toBe(1);
		expect(p.values.material['*']['*']).toBe('oak');
		expect(count('product_version')).toBe(1);
		setProductStatus(db, id, 'draft', 'ben');
		expect(saveProduct(db, { ...broken, status: 'draft' }, 'ben').revision).toBe(3);
	});

	it('a draft can be incomplete; completeness says what is missing per channel and locale', () => {
		const draft = chair('CHR-5', 5, { status: 'draft', values: { name: { '*': { en: 'Chair five' } }, brand: { '*': { '*': 'X' } } } });
		const { completeness } = saveProduct(db, draft, 'ana');
		const kioskEn = completeness.find((c) => c.channel === 'kiosk' && c.locale === 'en')!;
		const kioskRu = completeness.find((c) => c.channel === 'kiosk' && c.locale === 'ru')!;
		expect(kioskEn).toMatchObject({ required: 3, ratio: 66, missing: ['material'] });
		expect(kioskRu.missing).toEqual(['name', 'material']);
	});
});
