import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, gtin13, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { loadDefinition } from '../catalog/definition.ts';
import { getProduct, saveProduct } from '../catalog/products.ts';
import { applyBundle, type ApplyOptions } from './apply.ts';
import type { BundleProduct, ImportBundle } from './bundle.ts';
import { storedProducts } from './export.ts';
import { readImportFiles } from './read.ts';
import { rejectedRowsCsv } from './report.ts';

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
const run = (bundle: ImportBundle, opts: Partial<ApplyOptions> = {}) => applyBundle(db, bundle, { author: 'test', mode: 'batch', dryRun: false, ...opts });
const emptyBundle = (): ImportBundle => ({ locales: [], channels: [], attributes: [], families: [], categories: [], products: [], rejected: [], notes: [] });
const bundleOf = (products: BundleProduct[]): ImportBundle => ({ ...emptyBundle(), products });
const sourced = (data: BundleProduct['data'], line: number, publish: BundleProduct['publish'] = 'as-given'): BundleProduct => ({ data, source: { file: 'p.json', line }, publish });

/** Our CSV: the header of the columns used here, then rows. */
function csv(rows: string[][]): string {
	const header = ['product', 'family', 'status', 'categories', 'variant', 'sku', 'gtin', 'price-USD', 'name-en', 'brand', 'material', 'colour', 'size'];
	return [header, ...rows].map((r) => r.join(';')).join('\n');
}
const readCsv = (text: string, file = 'products.csv') => {
	const def = loadDefinition(db);
	return readImportFiles({ [file]: text }, { definition: def, stored: storedProducts(db, def) }).bundle;
};

/** A file with good rows and one bad row of each kind; lines as a spreadsheet shows them. */
const brokenFile = () =>
	csv([
		['CHR-1', 'furniture', 'published', 'chairs', '', 'CHR-1', gtin13(1), '129.00', 'Good chair one', 'Nordhus', 'oak', '', ''], // line 2
		['CHR-2', 'furniture', 'published', 'chairs', '', 'CHR-2', '4006381333932', '99.00', 'Bad check digit', 'Nordhus', 'oak', '', ''], // 3
		['CHR-3', 'furniture', 'published', 'chairs', '', 'CHR-3', gtin13(3), 'twelve', 'Bad price', 'Nordhus', 'oak', '', ''], // 4
		['CHR-4', 'furniture', 'published', 'chairs', '', 'CHR-4', gtin13(4), '49.00', 'Unknown option', 'Nordhus', 'plastic', '', ''], // 5
		['CHR-5', 'nope', 'published', 'chairs', '', 'CHR-5', gtin13(5), '49.00', 'Unknown family', 'Nordhus', 'oak', '', ''], // 6
		['CHR-6', 'furniture', 'published', 'chairs', '', 'CHR-6', gtin13(6), '49.00', 'Good chair six', 'Nordhus', 'oak', '', ''], // 7
		['TSH-1', 'apparel', 'published', 'tshirts', 'TSH-1-RED', 'TSH-1-RED-S', gtin13(100), '19.00', 'Tee', 'Linea', '', 'red', 'S'], // 8
		['TSH-1', '', '', '', 'TSH-1-RED', 'TSH-1-RED-M', gtin13(101), '19.00', '', '', '', 'red', 'XXL'], // 9
		['CHR-7', 'furniture', 'published', 'chairs', '', 'CHR-7', gtin13(7), '59.00', 'Good chair seven', 'Nordhus', 'steel', '', ''] // 10
	]);

describe('a file with broken rows', () => {
	it('per batch: imports the good rows and reports each bad one with its line and reason', async () => {
		const report = await run(readCsv(brokenFile()));
		// The price and the unknown family are refused while reading, the others when saving.
		expect(report.counts.products).toMatchObject({ created: 3, rejected: 3 });
		expect(report.unreadable).toBe(2);
		expect(getProduct(db, 'CHR-7')?.status).toBe('published');
		const byLine = Object.fromEntries(report.rejected.map((r) => [r.line, r]));
		expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 9]);
		expect(byLine[3]).toMatchObject({ file: 'products.csv', code: 'CHR-2' });
		expect(byLine[3].reason).toMatch(/gtin: .*check digit/i);
		expect(byLine[4].reason).toMatch(/price-USD: “twelve” is not an amount/);
		expect(byLine[5].reason).toMatch(/material: Unknown option plastic/);
		expect(byLine[6].reason).toMatch(/unknown family nope/);
		// The bad size is reported at its own row, the product's other row is not imported either.
		expect(byLine[9]).toMatchObject({ code: 'TSH-1-RED-M' });
		expect(byLine[9].reason).toMatch(/Unknown option XXL of size.*product TSH-1 was not imported/);
		expect(getProduct(db, 'TSH-1')).toBeNull();
		// The downloadable report has every rejected row.
		const lines = rejectedRowsCsv(report.rejected).replace(/\n$/, '').split('\n');
		expect(lines[0]).toBe('\uFEFFfile,line,code,reason');
		expect(lines).toHaveLength(6);
	});

	it('per file: one refused row rolls back the whole file', async () => {
		const report = await run(readCsv(brokenFile()), { mode: 'file' });
		expect(report.counts.products).toMatchObject({ created: 0, skipped: 3, rejected: 3 });
		expect(report.rolledBack).toEqual(['products.csv']);
		expect(report.rejected).toHaveLength(5);
		expect(count('product')).toBe(0);
		expect(count('outbox')).toBe(0);
	});

	it('a dry run reports the same and writes nothing: no products, versions or search updates', async () => {
		saveProduct(db, chair('CHR-1', 1), 'ana');
		const before = { product: count('product'), version: count('product_version'), outbox: count('outbox') };
		const report = await run(readCsv(brokenFile()), { dryRun: true });
		expect(report.dryRun).toBe(true);
		expect(report.counts.products).toMatchObject({ created: 2, updated: 1, rejected: 3 });
		expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 9]);
		expect({ product: count('product'), version: count('product_version'), outbox: count('outbox') }).toEqual(before);
		expect(getProduct(db, 'CHR-1')?.values.name['*'].en).toBe('Oak dining chair CHR-1');
	});

	it('in batches of two, a refused row does not undo the good rows of its batch', async () => {
		const report = await run(readCsv(brokenFile()), { batchSize: 2 });
		expect(report.counts.products).toMatchObject({ created: 3, rejected: 3 });
		expect(['CHR-1', 'CHR-6', 'CHR-7'].map((c) => getProduct(db, c)?.code)).toEqual(['CHR-1', 'CHR-6', 'CHR-7']);
	});
});

describe('importing twice', () => {
	it('changes nothing the second time: no new revisions, versions or search updates', async () => {
		const text = brokenFile();
		await run(readCsv(text));
		const before = { version: count('product_version'), outbox: count('outbox'), revision: getProduct(db, 'CHR-1')!.revision };
		const report = await run(readCsv(text));
		expect(report.counts.products).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
		expect({ version: count('product_version'), outbox: count('outbox'), revision: getProduct(db, 'CHR-1')!.revision }).toEqual(before);
	});

	it('updates what changed, with a version and a search update for that product only', async () => {
		await run(readCsv(brokenFile()));
		const outbox = count('outbox');
		const changed = brokenFile().replace('Good chair six', 'Better chair six');
		const report = await run(readCsv(changed));
		expect(report.counts.products).toMatchObject({ updated: 1, unchanged: 2 });
		expect(getProduct(db, 'CHR-6')).toMatchObject({ revision: 2 });
		expect(count('outbox')).toBe(outbox + 1);
	});
});

describe('partial files', () => {
	it('a file of prices only changes prices and keeps every other value', async () => {
		saveProduct(db, chair('CHR-1', 1), 'ana');
		saveProduct(db, tshirt('TSH-1', 100), 'ana');
		const text = ['product;sku;price-USD', 'CHR-1;CHR-1;139.00', ...['RED', 'BLUE'].flatMap((c) => ['S', 'M'].map((s) => `TSH-1;TSH-1-${c}-${s};21.50`))].join('\n');
		const report = await run(readCsv(text, 'prices.csv'));
		expect(report.rejected).toEqual([]);
		expect(report.counts.products.updated).toBe(2);
		const c = getProduct(db, 'CHR-1')!;
		expect(c.variants[0].prices.USD.amount).toBe(13900);
		expect(c.values.material['*']['*']).toBe('oak');
		expect(c.variants[0].gtin).toBe(`0${gtin13(1)}`);
		expect(c.status).toBe('published');
		const t = getProduct(db, 'TSH-1')!;
		expect(t.variants.map((v) => v.axes.colour)).toEqual(['red', 'blue']);
		expect(t.variants[1].children.map((v) => [v.axes.size, v.prices.USD.amount])).toEqual([
			['S', 2150],
			['M', 2150]
		]);
	});

	it('an empty cell clears a value; a missing column keeps it', async () => {
		saveProduct(db, chair('CHR-1', 1, { status: 'draft' }), 'ana');
		await run(readCsv('product;sku;brand;name-en\nCHR-1;CHR-1;;Renamed'));
		const p = getProduct(db, 'CHR-1')!;
		expect(p.values.brand).toBeUndefined();
		expect(p.values.name['*']).toMatchObject({ en: 'Renamed', ru: 'Дубовый обеденный стул' });
	});
});

describe('publishing what is complete', () => {
	it('publishes a complete product, saves an incomplete one as a draft and says so', async () => {
		const incomplete = chair('CHR-9', 9, { values: { name: { '*': { en: 'No material' } }, brand: { '*': { '*': 'X' } } } });
		const report = await run(bundleOf([sourced(chair('CHR-1', 1), 1, 'if-complete'), sourced(incomplete, 2, 'if-complete')]));
		expect(report.counts.products).toMatchObject({ created: 2, rejected: 0 });
		expect(report.drafted).toBe(1);
		expect(report.notes.join(' ')).toMatch(/CHR-9/);
		expect(getProduct(db, 'CHR-1')?.status).toBe('published');
		expect(getProduct(db, 'CHR-9')?.status).toBe('draft');
	});
});

describe('values shaped for another catalog', () => {
	it('are brought to this catalog’s attributes where nothing is guessed, and the report says so', async () => {
		const p = chair('CHR-1', 1);
		p.values = { ...p.values, description: { kiosk: { en: '<p>Kiosk text</p>' }, web: { en: '<p>Web text</p>' } }, material: { '*': { '*': ['oak'] } }, brand: { '*': { en: 'Nordhus' } } };
		const report = await run(bundleOf([sourced(p, 2)]));
		expect(report.rejected).toEqual([]);
		const saved = getProduct(db, 'CHR-1')!;
		expect(saved.values.description).toEqual({ '*': { en: '<p>Kiosk text</p>' } });
		expect(saved.values.material).toEqual({ '*': { '*': 'oak' } });
		expect(saved.values.brand).toEqual({ '*': { '*': 'Nordhus' } });
		expect(report.notes.join('\n')).toMatch(/description has one value for all channels in this catalog: the kiosk value was kept/);
		const two = chair('CHR-2', 2);
		two.values = { ...two.values, material: { '*': { '*': ['oak', 'steel'] } } };
		expect((await run(bundleOf([sourced(two, 3)]))).rejected[0]).toMatchObject({ line: 3, code: 'CHR-2', reason: expect.stringMatching(/^material: /) });
	});
});

describe('products the import itself contradicts', () => {
	it('refuses the later of two products with one code, SKU or GTIN, naming the first', async () => {
		const dupSku = chair('CHR-3', 3);
		dupSku.variants = [{ code: 'CHR-1', axes: {}, gtin: gtin13(3) }];
		const report = await run(bundleOf([sourced(chair('CHR-1', 1), 2), sourced(chair('CHR-1', 1), 3), sourced(chair('CHR-2', 1), 4), sourced(dupSku, 5)]), { dryRun: true });
		expect(report.counts.products).toMatchObject({ created: 1, rejected: 3 });
		expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
			[3, expect.stringMatching(/appears twice.*line 2/)],
			[4, expect.stringMatching(/GTIN .* also given to product CHR-1/)],
			[5, expect.stringMatching(/SKU CHR-1 is also given to product CHR-1/)]
		]);
	});
});

describe('structure', () => {
	const attr = (extra: object = {}) => ({
		data: { code: 'finish', type: 'select' as const, label: { en: 'Finish' }, options: [{ code: 'matt', label: { en: 'Matt' } }], ...extra },
		source: { file: 'attributes.csv', line: 2 }
	});

	it('creates what is new, updates what differs, leaves the rest alone', async () => {
		const first = await run({ ...emptyBundle(), attributes: [attr()], locales: [{ code: 'de-DE', label: 'Deutsch' }] });
		expect(first.counts.attributes.created).toBe(1);
		expect(first.counts.locales.created).toBe(1);
		const again = await run({ ...emptyBundle(), attributes: [attr()], locales: [{ code: 'de-DE', label: 'Deutsch' }] });
		expect(again.counts.attributes).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
		const more = await run({ ...emptyBundle(), attributes: [attr({ options: [{ code: 'gloss', label: { en: 'Gloss' } }] })] });
		expect(more.counts.attributes.updated).toBe(1);
		// Options an import leaves out stay.
		expect([...loadDefinition(db).attributes.get('finish')!.options.keys()]).toEqual(['matt', 'gloss']);
	});

	it('refuses to change the type of an attribute, and a family is created from attributes of the same import', async () => {
		const report = await run({
			...emptyBundle(),
			attributes: [attr(), { data: { code: 'material', type: 'multiselect', label: { en: 'Material' }, options: [{ code: 'oak', label: { en: 'Oak' } }] }, source: { file: 'attributes.csv', line: 3 } }],
			families: [{ data: { code: 'tables', label: { en: 'Tables' }, attributes: ['name', 'finish'], required: { kiosk: ['name'] } }, source: { file: 'families.csv', line: 2 } }]
		});
		expect(report.rejected).toEqual([{ file: 'attributes.csv', line: 3, code: 'material', reason: expect.stringMatching(/select attribute.*cannot make it multiselect/) }]);
		expect(report.counts.families.created).toBe(1);
		expect(loadDefinition(db).families.get('tables')?.levels.get('finish')).toBe(0);
	});

	it('a changed requirement refreshes the completeness of the family’s other products', async () => {
		const { id } = saveProduct(db, chair('CHR-1', 1, { status: 'draft', values: { name: { '*': { en: 'Chair' } } } }), 'ana');
		const fam = { code: 'furniture', label: { en: 'Furniture' }, attributes: ['name'], required: { kiosk: ['name'] } };
		const report = await run({ ...emptyBundle(), families: [{ data: fam, source: { file: 'families.csv', line: 2 } }] });
		expect(report.counts.families.updated).toBe(1);
		expect(report.refreshed).toBe(1);
		const kiosk = db.get<{ ratio: number }>(sql`SELECT ratio FROM completeness WHERE product_id = ${id} AND channel = 'kiosk' AND locale = 'en'`);
		expect(kiosk.ratio).toBe(100);
	});
});

describe('the Akeneo sample export', () => {
	const dir = join(import.meta.dirname, '../../tests/fixtures/akeneo/mini');
	const sample = (skip: string[] = ['products-with-errors.csv']) =>
		Object.fromEntries(
			readdirSync(dir)
				.filter((f) => f.endsWith('.csv') && !skip.includes(f))
				.map((f) => [f, readFileSync(join(dir, f), 'utf8')])
		);
	const mapping = { locales: { en_US: 'en', zh_CN: 'zh-CN' } };

	beforeEach(() => {
		// A catalog of its own: the sample brings its structure.
		cleanup();
		const t = createTestDb();
		db = t.db;
		cleanup = t.cleanup;
	});
	const read = (files: Record<string, string>) => readImportFiles(files, { definition: loadDefinition(db), mapping }).bundle;

	it('imports into an empty catalog, publishes what is complete, and a second import changes nothing', async () => {
		const report = await run(read(sample()));
		expect(report.rejected).toEqual([]);
		expect(report.counts.products.created).toBeGreaterThanOrEqual(5);
		expect(getProduct(db, 'CH-1001')).toMatchObject({ status: 'published', family: 'chairs' });
		expect(getProduct(db, 'CH-1001')!.values.name['*'].en).toBe('Fjord oak dining chair');
		expect(getProduct(db, 'CH-1003')?.status).toBe('draft');
		expect(loadDefinition(db).fallbackLocale).toBe('en');
		const versions = count('product_version');
		const outbox = count('outbox');
		const again = await run(read(sample()));
		for (const kind of ['attributes', 'families', 'categories', 'products'] as const)
			expect(again.counts[kind], kind).toMatchObject({ created: 0, updated: 0, rejected: 0 });
		expect(count('product_version')).toBe(versions);
		expect(count('outbox')).toBe(outbox);
	});

	it('per batch, products-with-errors.csv lands its good rows and lists each bad one with its line', async () => {
		await run(read(sample()));
		const files = { ...sample(['products.csv']) };
		const report = await run(read(files));
		expect(getProduct(db, 'CH-2007')?.code).toBe('CH-2007');
		const bad = report.rejected.filter((r) => r.file === 'products-with-errors.csv');
		expect(bad.map((r) => r.line)).toEqual([2, 4, 5, 6, 7, 8]);
		for (const r of bad) expect(r.reason.length).toBeGreaterThan(5);
		const dry = await run(read(files), { mode: 'file', dryRun: true });
		expect(dry.rolledBack).toContain('products-with-errors.csv');
	});

	it('leaves an existing model alone when one of its variant rows is refused, rather than removing that variant', async () => {
		await run(read(sample()));
		const before = getProduct(db, 'harbor_sofa')!;
		expect(before.variants.map((v) => v.code).sort()).toEqual(['SOFA-HB-GRN', 'SOFA-HB-GRY']);
		// The grey sofa's row now has a GTIN with a wrong check digit: refused on its own line.
		const files = sample();
		files['products.csv'] = files['products.csv'].replace(';4006381333962;', ';4006381333963;');
		const report = await run(read(files));
		expect(report.rejected.find((r) => r.code === 'SOFA-HB-GRY')?.line).toBe(6);
		const model = report.rejected.find((r) => r.code === 'harbor_sofa');
		expect(model?.reason).toMatch(/variant rows were refused.*left as it is/);
		const after = getProduct(db, 'harbor_sofa')!;
		expect(after.revision).toBe(before.revision);
		expect(after.variants.map((v) => v.code).sort()).toEqual(['SOFA-HB-GRN', 'SOFA-HB-GRY']);
		// Everything else in the file still lands (here: unchanged).
		expect(report.counts.products.unchanged).toBeGreaterThan(0);
	});

	it('creates a new model from the variant rows that were fine', async () => {
		const files = sample();
		files['products.csv'] = files['products.csv'].replace(';4006381333962;', ';4006381333963;');
		const report = await run(read(files));
		expect(report.rejected.map((r) => r.code)).toEqual(['SOFA-HB-GRY']);
		expect(getProduct(db, 'harbor_sofa')!.variants.map((v) => v.code)).toEqual(['SOFA-HB-GRN']);
	});
});
