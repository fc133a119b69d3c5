import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { media } from '../media/media.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import { createCategory } from './structure.ts';
import { loadDefinition, type CatalogDefinition } from './definition.ts';
import { saveProduct } from './products.ts';
import { listProductIds, listProducts, readProductListQuery, type ProductListQueryInput } from './product-list.ts';

let db: PimDb;
let cleanup: () => void;
let def: CatalogDefinition;

beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
	createCategory(db, { code: 'dining-chairs', parent: 'chairs', label: { en: 'Dining chairs' } });
	def = loadDefinition(db);
});
afterEach(() => cleanup());

const codes = (q: ProductListQueryInput) => listProducts(db, def, q).rows.map((r) => r.code);

/** Media rows as an upload would leave them (the files themselves do not matter to the list). */
function addMedia(kind: 'image' | 'model3d', file: string): number {
	return db.insert(media).values({ kind, checksum: file, file, mime: kind === 'image' ? 'image/webp' : 'model/gltf-binary', bytes: 1 }).returning({ id: media.id }).get().id;
}

/** A chair without its material: incomplete for the kiosk, so it stays a draft. */
function incompleteChair(code: string, n: number) {
	const c = chair(code, n, { status: 'draft' });
	const { material: _, ...values } = c.values!;
	return { ...c, values };
}

describe('filters', () => {
	beforeEach(() => {
		// CHR-1 is complete everywhere: described in every locale, with its width.
		const complete = chair('CHR-1', 1);
		complete.values = {
			...complete.values,
			description: { '*': { en: '<p>Sturdy.</p>', 'zh-CN': '<p>结实。</p>', ru: '<p>Прочный.</p>' } },
			width: { '*': { '*': { amount: 45, unit: 'CENTIMETER' } } }
		};
		saveProduct(db, complete, 'ana');
		saveProduct(db, chair('CHR-2', 2, { categories: ['dining-chairs'], status: 'archived' }), 'ana');
		saveProduct(db, incompleteChair('CHR-3', 3), 'ana');
		saveProduct(db, tshirt('TSH-1', 100), 'ana');
	});

	it('narrows by status and by family', () => {
		expect(codes({ status: 'draft' })).toEqual(['CHR-3']);
		expect(codes({ family: 'apparel' })).toEqual(['TSH-1']);
		expect(codes({ family: 'furniture', status: 'archived' })).toEqual(['CHR-2']);
		expect(listProducts(db, def, { family: 'furniture' }).total).toBe(3);
	});

	it('finds products of a category and of every category below it', () => {
		expect(codes({ category: 'furniture', sort: 'code' })).toEqual(['CHR-1', 'CHR-2', 'CHR-3']);
		expect(codes({ category: 'dining-chairs' })).toEqual(['CHR-2']);
		expect(codes({ category: 'apparel' })).toEqual(['TSH-1']);
	});

	it('finds what is incomplete for a channel, and what misses a translation', () => {
		expect(codes({ incomplete: 'kiosk' })).toEqual(['CHR-3']);
		expect(codes({ incomplete: 'web', sort: 'code' })).toEqual(['CHR-2', 'CHR-3', 'TSH-1']);
		// Only CHR-1 has every required value in Chinese.
		expect(codes({ missingLocale: 'zh-CN', sort: 'code' })).toEqual(['CHR-2', 'CHR-3', 'TSH-1']);
		expect(codes({ missingLocale: 'zh-CN', status: 'published' })).toEqual(['TSH-1']);
	});

	it('tells products with a 3D model from those without', () => {
		const model = addMedia('model3d', 'models/aa/chair');
		saveProduct(db, { ...chair('CHR-1', 1), media: [{ media: model, role: 'model3d' }] }, 'ana');
		expect(codes({ has3d: 'yes' })).toEqual(['CHR-1']);
		expect(codes({ has3d: 'no', sort: 'code' })).toEqual(['CHR-2', 'CHR-3', 'TSH-1']);
		expect(listProducts(db, def, { has3d: 'yes' }).rows[0].has3d).toBe(true);
	});

	it('searches names, codes and GTINs, with words of any length and in Chinese', () => {
		expect(codes({ q: 'T-shirt' })).toEqual(['TSH-1']);
		expect(codes({ q: 'oak dining', sort: 'code' })).toEqual(['CHR-1', 'CHR-2', 'CHR-3']);
		expect(codes({ q: 'chr-2' })).toEqual(['CHR-2']);
		// Two characters: too short for the trigram index, answered by LIKE.
		expect(codes({ q: 'TS' })).toEqual(['TSH-1']);
		expect(codes({ q: '橡木', sort: 'code' })).toEqual(['CHR-1', 'CHR-2', 'CHR-3']);
		expect(codes({ q: '餐椅 CHR-3' })).toEqual(['CHR-3']);
		expect(codes({ q: 'nothing-like-this' })).toEqual([]);
		// A category label alone does not match: every product of the category would.
		expect(codes({ q: 'Furniture' })).toEqual([]);
	});

	it('lists every matching id for "select all matching", ignoring the page', () => {
		const ids = listProductIds(db, def, { family: 'furniture', perPage: 25, page: 3 });
		expect(ids).toHaveLength(3);
		expect(listProductIds(db, def, {})).toHaveLength(4);
		expect(listProductIds(db, def, { missingLocale: 'zh-CN', status: 'archived' })).toEqual([listProducts(db, def, { status: 'archived' }).rows[0].id]);
		expect(listProductIds(db, def, { q: 'nothing-like-this' })).toEqual([]);
	});
});

describe('rows', () => {
	it('carry the fallback-locale name, family, status, completeness per channel and the first image', () => {
		const image = addMedia('image', 'images/ab/chair');
		const other = addMedia('image', 'images/cd/chair-side');
		saveProduct(db, { ...chair('CHR-1', 1), media: [{ media: image, role: 'image' }, { media: other, role: 'image' }] }, 'ana');
		saveProduct(db, incompleteChair('CHR-3', 3), 'ana');
		const rows = listProducts(db, def, { sort: 'code' }).rows;
		expect(rows[0]).toMatchObject({
			code: 'CHR-1',
			name: 'Oak dining chair CHR-1',
			family: 'furniture',
			familyLabel: 'Furniture',
			status: 'published',
			completeness: { kiosk: 100, web: 80 },
			thumbnail: 'images/ab/chair',
			has3d: false
		});
		expect(rows[1]).toMatchObject({ code: 'CHR-3', status: 'draft', completeness: { kiosk: 66 }, thumbnail: null });
	});
});

describe('sort and pages', () => {
	// 260 products with known names and dates, every 8th a draft. Filters that most products
	// pass walk an index in order and test each product; narrow ones list and sort their
	// matches: every shape must give the same order.
	const N = 260;
	beforeEach(() => {
		const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
		db.$client.transaction(() => {
			for (let i = 1; i <= N; i++) {
				const code = `P-${String(i).padStart(3, '0')}`;
				const input = i % 8 === 0 ? incompleteChair(code, i) : chair(code, i);
				input.values!.name = { '*': { en: `${names[i % 5]} ${String(1000 - i).padStart(4, '0')}` } };
				saveProduct(db, input, 'ana', { definition: def, skipOutbox: true });
			}
		})();
		db.run(sql`UPDATE product SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || ((id * 17) % 97) || ' minutes')`);
	});

	const all = () =>
		db.all<{ code: string; name: string; updated: string; id: number; status: string; kiosk: number }>(
			sql`SELECT p.code, json_extract(p."values", '$.name.*.en') AS name, p.updated_at AS updated, p.id, p.status,
			    (SELECT ratio FROM completeness c WHERE c.product_id = p.id AND c.channel = 'kiosk' AND c.locale = 'en') AS kiosk
			    FROM product p`
		);
	type Row = ReturnType<typeof all>[number];
	const orders = {
		updated_desc: (a: Row, b: Row) => b.updated.localeCompare(a.updated) || b.id - a.id,
		updated_asc: (a: Row, b: Row) => a.updated.localeCompare(b.updated) || a.id - b.id,
		code: (a: Row, b: Row) => a.code.localeCompare(b.code),
		name: (a: Row, b: Row) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id,
		completeness: (a: Row, b: Row) => a.kiosk - b.kiosk || a.id - b.id
	};

	for (const sort of Object.keys(orders) as (keyof typeof orders)[]) {
		it(`orders by ${sort} on any page, whatever the filters`, () => {
			const rows = all().sort(orders[sort]);
			const page = (list: Row[], n: number, size = 25) => list.slice((n - 1) * size, n * size).map((r) => r.code);
			const published = rows.filter((r) => r.status === 'published');
			const drafts = rows.filter((r) => r.status === 'draft');
			expect(drafts).toHaveLength(32);
			expect(codes({ sort, perPage: 25 })).toEqual(page(rows, 1));
			expect(codes({ sort, perPage: 25, page: 9 })).toEqual(page(rows, 9));
			expect(codes({ sort, perPage: 25, category: 'chairs', has3d: 'no' })).toEqual(page(rows, 1));
			expect(codes({ sort, perPage: 25, page: 2, status: 'published' })).toEqual(page(published, 2));
			expect(codes({ sort, perPage: 25, page: 2, status: 'published', q: 'nordhus' })).toEqual(page(published, 2));
			expect(codes({ sort, perPage: 25, status: 'draft', category: 'furniture' })).toEqual(page(drafts, 1));
			expect(codes({ sort, perPage: 25, page: 2, incomplete: 'kiosk' })).toEqual(page(drafts, 2));
		});
	}

	it('counts every match and answers an empty page past the end', () => {
		const res = listProducts(db, def, { perPage: 100, page: 4 });
		expect(res.total).toBe(N);
		expect(res.rows).toEqual([]);
		expect(listProducts(db, def, { perPage: 100, page: 3 }).rows).toHaveLength(60);
	});
});

describe('parameters', () => {
	it('refuses unknown codes and page sizes, naming the parameter', () => {
		try {
			listProducts(db, def, { family: 'spaceships', perPage: 30 as never });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ValidationError);
			expect((e as ValidationError).issues.map((i) => i.path)).toEqual(['perPage']);
		}
		expect(() => listProducts(db, def, { family: 'spaceships' })).toThrow(/Bad list parameters/);
	});

	it('reads a URL leniently: bad parameters are dropped and reported, the rest still apply', () => {
		const { query, issues } = readProductListQuery(def, { status: 'draft', family: 'gone', perPage: '7', page: 'x', q: '  oak ' });
		expect(query).toMatchObject({ status: 'draft', family: undefined, perPage: 50, page: 1, q: 'oak' });
		expect(issues.map((i) => i.path).sort()).toEqual(['family', 'page', 'perPage']);
		expect(readProductListQuery(def, { status: '', sort: '' }).query).toMatchObject({ status: undefined, sort: 'updated_desc' });
	});
});
