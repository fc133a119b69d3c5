import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, gtin13, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { loadDefinition } from '../catalog/definition.ts';
import { getProduct, saveProduct } from '../catalog/products.ts';
import { applyBundle } from './apply.ts';
import { aisleCsvTemplate } from './aisle-csv.ts';
import { aisleJsonTemplate } from './aisle-json.ts';
import { exportCount, exportProductsCsv, exportProductsJson, loadProductStates, storedProducts, textStream } from './export.ts';
import { readImportFiles } from './read.ts';

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
const collect = async (chunks: AsyncIterable<string>) => {
	let text = '';
	for await (const c of chunks) text += c;
	return text;
};

/** Products using every kind of cell: sale prices, a measurement, a per-channel translated tagline, media, a draft, two levels. */
function seedProducts() {
	const image = db.get<{ id: number }>(sql`INSERT INTO media (kind, checksum, file, mime, bytes) VALUES ('image', 'abc', 'images/ab/abc', 'image/jpeg', 10) RETURNING id`).id;
	saveProduct(
		db,
		chair('CHR-1', 1, {
			values: {
				name: { '*': { en: 'Oak chair; "stackable"', 'zh-CN': '橡木椅', ru: 'Дубовый стул' } },
				description: { '*': { en: '<p>Solid oak.\nOiled; felt pads.</p>' } },
				tagline: { kiosk: { en: 'Sit well' }, web: { en: 'Sit well online', ru: 'Сидите' } },
				brand: { '*': { '*': 'Nordhus' } },
				material: { '*': { '*': 'oak' } },
				width: { '*': { '*': { amount: 45.5, unit: 'CENTIMETER' } } }
			},
			variants: [{ code: 'CHR-1', axes: {}, gtin: gtin13(1), prices: { USD: { amount: 12900, sale: { amount: 9900, start: '2026-01-01', end: null } } } }],
			media: [{ media: image, role: 'image', variant: null, alt: { en: 'An oak chair' } }]
		}),
		'ana'
	);
	saveProduct(db, chair('CHR-2', 2, { status: 'draft' }), 'ana');
	const t = tshirt('TSH-1', 100);
	t.media = [{ media: image, role: 'image', variant: 'TSH-1-BLUE', alt: {} }];
	saveProduct(db, t, 'ana');
}

describe('export', () => {
	it('reads whole products in bulk exactly as getProduct does', () => {
		seedProducts();
		const ids = db.all<{ id: number }>(sql`SELECT id FROM product ORDER BY id DESC`).map((r) => r.id);
		const def = loadDefinition(db);
		const bulk = loadProductStates(db, def, ids);
		expect(bulk.map((p) => p.id)).toEqual(ids);
		for (const p of bulk) expect(p).toEqual(getProduct(db, p.id, def));
	});

	it('writes one row per sellable variant, product cells on the first, decimals and HTML as they are', async () => {
		seedProducts();
		const text = await collect(exportProductsCsv(db));
		expect(text.startsWith('\uFEFFproduct;family;status;categories;variant;sku;gtin;price-USD;sale_price-USD;sale_start-USD;sale_end-USD;')).toBe(true);
		const rows = parse(text, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(6);
		const chairRow = rows.find((r) => r.sku === 'CHR-1')!;
		expect(chairRow).toMatchObject({
			family: 'furniture',
			'price-USD': '129.00',
			'sale_price-USD': '99.00',
			'sale_start-USD': '2026-01-01',
			'name-en': 'Oak chair; "stackable"',
			'description-en': '<p>Solid oak.\nOiled; felt pads.</p>',
			'tagline-ru-web': 'Сидите',
			width: '45.5',
			'width-unit': 'CENTIMETER',
			gtin: gtin13(1)
		});
		const tee = rows.filter((r) => r.product === 'TSH-1');
		expect(tee.map((r) => [r.variant, r.sku, r.colour, r.size])).toEqual([
			['TSH-1-RED', 'TSH-1-RED-S', 'red', 'S'],
			['TSH-1-RED', 'TSH-1-RED-M', 'red', 'M'],
			['TSH-1-BLUE', 'TSH-1-BLUE-S', 'blue', 'S'],
			['TSH-1-BLUE', 'TSH-1-BLUE-M', 'blue', 'M']
		]);
		expect(tee.slice(1).every((r) => r.family === '' && r['name-en'] === '')).toBe(true);
	});

	it('round trip: exporting and importing our CSV changes nothing', async () => {
		seedProducts();
		const text = await collect(exportProductsCsv(db));
		const versions = count('product_version');
		const outbox = count('outbox');
		const def = loadDefinition(db);
		const { bundle } = readImportFiles({ 'export.csv': text }, { definition: def, stored: storedProducts(db, def) });
		expect(bundle.rejected).toEqual([]);
		for (const mode of ['batch', 'file'] as const) {
			const report = await applyBundle(db, bundle, { author: 'test', mode, dryRun: false });
			expect(report.rejected).toEqual([]);
			expect(report.counts.products).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
		}
		expect(count('product_version')).toBe(versions);
		expect(count('outbox')).toBe(outbox);
	});

	it('round trip: exporting and importing our JSON, structure included, changes nothing', async () => {
		seedProducts();
		const text = await collect(exportProductsJson(db));
		const doc = JSON.parse(text) as { format: string; products: unknown[]; families: unknown[] };
		expect(doc.format).toBe('aisle-catalog');
		expect(doc.products).toHaveLength(3);
		const versions = count('product_version');
		const { bundle } = readImportFiles({ 'export.json': text }, { definition: loadDefinition(db) });
		const report = await applyBundle(db, bundle, { author: 'test', mode: 'batch', dryRun: false });
		expect(report.rejected).toEqual([]);
		for (const kind of ['locales', 'channels', 'attributes', 'families', 'categories'] as const) expect(report.counts[kind].unchanged, kind).toBeGreaterThan(0);
		for (const kind of ['locales', 'channels', 'attributes', 'families', 'categories', 'products'] as const)
			expect(report.counts[kind], kind).toMatchObject({ created: 0, updated: 0, rejected: 0 });
		expect(count('product_version')).toBe(versions);
	});

	it('a JSON file into an empty catalog recreates the catalog, products and all', async () => {
		seedProducts();
		db.run(sql`DELETE FROM product_media`);
		const text = await collect(exportProductsJson(db));
		const source = Object.fromEntries(loadProductStates(db, loadDefinition(db), [1, 2, 3]).map((p) => [p.code, p]));
		cleanup();
		const t = createTestDb();
		db = t.db;
		cleanup = t.cleanup;
		const { bundle } = readImportFiles({ 'export.json': text }, { definition: loadDefinition(db) });
		const report = await applyBundle(db, bundle, { author: 'test', mode: 'file', dryRun: false });
		expect(report.rejected).toEqual([]);
		expect(report.counts.products.created).toBe(3);
		for (const code of Object.keys(source)) {
			const { id: _a, revision: _b, createdAt: _c, updatedAt: _d, ...was } = source[code];
			const { id: _e, revision: _f, createdAt: _g, updatedAt: _h, ...now } = getProduct(db, code)!;
			expect(now).toEqual(was);
		}
	});

	it('exports what the list filters show, paging through them', async () => {
		seedProducts();
		for (let i = 10; i < 30; i++) saveProduct(db, chair(`CHR-${i}`, i), 'ana');
		const draftCsv = await collect(exportProductsCsv(db, { query: { status: 'draft' } }));
		expect((parse(draftCsv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[]).map((r) => r.product)).toEqual(['CHR-2']);
		const apparel = await collect(exportProductsCsv(db, { query: { family: 'apparel' }, pageSize: 1 }));
		const header = apparel.split('\n')[0];
		expect(header).toContain('colour;size');
		expect(header).not.toContain('material');
		const pages = [];
		for await (const chunk of exportProductsCsv(db, { pageSize: 7 })) pages.push(chunk);
		expect(pages).toHaveLength(1 + Math.ceil(23 / 7));
		expect(exportCount(db, { query: { q: 'CHR-1' } })).toBeGreaterThanOrEqual(1);
		expect(() => exportCount(db, { query: { family: 'nope' } })).toThrow(expect.objectContaining({ issues: [{ path: 'family', message: 'Unknown family nope' }] }));
	});

	it('streams bytes for an HTTP response', async () => {
		seedProducts();
		const stream = textStream(exportProductsCsv(db, { pageSize: 1 }));
		const text = await new Response(stream).text();
		expect(parse(text, { delimiter: ';', bom: true })).toHaveLength(7);
	});
});

describe('templates', () => {
	it('the CSV and JSON templates import as they are, as a draft example product', async () => {
		const def = loadDefinition(db);
		for (const [file, text] of [
			['template.csv', aisleCsvTemplate(def)],
			['template.json', aisleJsonTemplate(def)]
		]) {
			const { bundle } = readImportFiles({ [file]: text }, { definition: def });
			expect(bundle.rejected, file).toEqual([]);
			const report = await applyBundle(db, bundle, { author: 'test', mode: 'file', dryRun: true });
			expect(report.rejected, file).toEqual([]);
			expect(report.counts.products.created, file).toBe(1);
		}
	});
});
