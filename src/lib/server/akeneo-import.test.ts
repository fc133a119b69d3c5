import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import {
	applyBundle,
	completenessOf,
	getProduct,
	loadDefinition,
	readImportFiles,
	type ImportBundle,
	type ImportReport,
	type ProductState
} from '$pim';
import { generateAkeneoExport } from '../../../tests/fixtures/akeneo/generate.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import type { AppDb } from './db/index.ts';
import { createMeiliClient, PRODUCTS_INDEX } from './search/client.ts';
import { searchParamsSchema } from './search/query.ts';
import { MeiliHealth, searchProducts } from './search/search.ts';
import { ensureIndexCurrent } from './search/sync.ts';

/*
 * The acceptance scenario of the Akeneo import, end to end: an export the size of Akeneo CE's
 * demo catalog goes through the same reader and writer as the PIM's import page, into a real
 * SQLite catalog, and from there into the kiosk's real Meilisearch index. What is expected is
 * worked out from the CSV text itself (with a CSV parser of its own), not from the import report.
 */

type Row = Record<string, string>;

const files = generateAkeneoExport({ products: 1200, models: 80, seed: 7 });
/** An enabled chair whose brand (required on the ecommerce channel) is left empty: incomplete, so it stays a draft. */
const INCOMPLETE = 'CH-000005';
files['products.csv'] = files['products.csv'].replace(new RegExp(`^(${INCOMPLETE};[^;\\n]*;1;chairs;;;)[^;\\n]+;`, 'm'), '$1;');
const table = (name: string): Row[] => parse(files[name], { delimiter: ';', columns: true, relax_column_count: false }) as Row[];
const productRows = table('products.csv');
const modelRows = table('product_models.csv');
const familyRows = table('families.csv');
const categoryRows = table('categories.csv');
const channelRows = table('channels.csv');

/** Akeneo's locale codes as the default mapping names them (en_US → en-US). */
const LOCALES: Record<string, string> = { en_US: 'en-US', de_DE: 'de-DE', zh_CN: 'zh-CN' };
/** The ecommerce channel feeds the kiosk and the web; print keeps its code. */
const CHANNELS: Record<string, string[]> = { ecommerce: ['kiosk', 'web'], print: ['print'] };
const FALLBACK = 'en-US';

// The expected catalog, from the rows: a product per root model and per product without a parent.
const modelByCode = new Map(modelRows.map((m) => [m.code, m]));
const rootOf = (modelCode: string): Row => {
	const m = modelByCode.get(modelCode)!;
	return m.parent ? rootOf(m.parent) : m;
};
const rootModels = modelRows.filter((m) => m.parent === '');
const subModels = modelRows.filter((m) => m.parent !== '');
const simpleRows = productRows.filter((p) => p.parent === '');
const variantRows = productRows.filter((p) => p.parent !== '');
const leavesOfRoot = new Map<string, Row[]>(rootModels.map((m) => [m.code, []]));
for (const v of variantRows) leavesOfRoot.get(rootOf(v.parent).code)!.push(v);
/** A product is enabled when its own row (or any of its variant products' rows) says so. */
const enabledOf = (code: string): boolean =>
	leavesOfRoot.has(code) ? leavesOfRoot.get(code)!.some((l) => l.enabled === '1') : simpleRows.find((p) => p.sku === code)!.enabled === '1';
/** The row whose name and descriptions a catalog product carries. */
const rowOfProduct = new Map<string, Row>([...rootModels.map((m) => [m.code, m] as const), ...simpleRows.map((p) => [p.sku, p] as const)]);
const expectedCodes = [...rowOfProduct.keys()];
const cents = (text: string) => Math.round(Number(text) * 100);

let db: AppDb;
let cleanup: () => void;
let meili: Meilisearch;
let first: ImportReport;
const products = new Map<string, ProductState>();
const count = (t: string) => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t}`)).n;
const read = (): ImportBundle => readImportFiles(files, { definition: loadDefinition(db) }).bundle;
const run = (bundle: ImportBundle) => applyBundle(db, bundle, { author: 'import (test)', mode: 'batch', dryRun: false });

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	meili = createMeiliClient(inject('meiliUrl'), inject('meiliKey'));
});
afterAll(() => cleanup());

describe('an Akeneo CE export the size of its demo catalog, imported into an empty catalog', () => {
	it('has the shape the scenario asks for', () => {
		expect(productRows).toHaveLength(1200);
		expect(modelRows).toHaveLength(80);
		expect(subModels.length).toBeGreaterThan(0);
		expect(productRows.some((p) => /\n/.test(p['description-en_US-ecommerce']) && /"/.test(p['description-en_US-ecommerce']))).toBe(true);
		expect(productRows.find((p) => p.sku === INCOMPLETE)).toMatchObject({ enabled: '1', brand: '' });
	});

	it('imports every row: no rejected rows, every product, family and category created', async () => {
		const bundle = read();
		first = await run(bundle);
		expect(first.rejected).toEqual([]);
		expect(first.unreadable).toBe(0);
		expect(first.counts.products).toMatchObject({ created: expectedCodes.length, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });
		expect(first.counts.families).toMatchObject({ created: familyRows.length, rejected: 0 });
		expect(first.counts.categories).toMatchObject({ created: categoryRows.length, rejected: 0 });

		const def = loadDefinition(db);
		expect([...def.families.keys()].sort()).toEqual(familyRows.map((f) => f.code).sort());
		expect([...def.categories.keys()].sort()).toEqual(categoryRows.map((c) => c.code).sort());
		for (const c of categoryRows) {
			const stored = def.categories.get(c.code)!;
			const parent = stored.parentId === null ? '' : def.categoriesById.get(stored.parentId)!.code;
			expect([c.code, parent]).toEqual([c.code, c.parent]);
		}
		expect(def.locales.slice().sort()).toEqual(Object.values(LOCALES).sort());
		expect(def.fallbackLocale).toBe(FALLBACK);

		const codes = db.all<{ code: string }>(sql`SELECT code FROM product`).map((r) => r.code);
		expect(codes.sort()).toEqual(expectedCodes.slice().sort());
		for (const code of expectedCodes) products.set(code, getProduct(db, code)!);
	});

	it('hangs each variant product under its model, and two-level models have their sub-models as level-1 variants', () => {
		for (const root of rootModels) {
			const p = products.get(root.code)!;
			const leaves = leavesOfRoot.get(root.code)!;
			expect(p.family).toBe(leaves[0].family);
			const categories = new Set([root.categories, ...subModels.filter((s) => s.parent === root.code).map((s) => s.categories), ...leaves.map((l) => l.categories)].flatMap((c) => c.split(',')).filter(Boolean));
			expect(p.categories.slice().sort()).toEqual([...categories].sort());
			const subs = subModels.filter((s) => s.parent === root.code).map((s) => s.code);
			if (subs.length) {
				// Two levels: the sub-model is the colour, the variant products the sizes under it.
				expect(p.variants.map((v) => v.code).sort()).toEqual(subs.slice().sort());
				for (const v of p.variants) expect(v.children.map((c) => c.code).sort()).toEqual(leaves.filter((l) => l.parent === v.code).map((l) => l.sku).sort());
			} else {
				expect(p.variants.map((v) => v.code).sort()).toEqual(leaves.map((l) => l.sku).sort());
				expect(p.variants.every((v) => v.children.length === 0)).toBe(true);
			}
			const stored = new Map(p.variants.flatMap((v) => (v.children.length ? v.children : [v])).map((l) => [l.code, l]));
			for (const l of leaves) {
				const leaf = stored.get(l.sku)!;
				expect([l.sku, leaf.gtin]).toEqual([l.sku, `0${l.ean}`]);
				expect(leaf.prices.EUR.amount).toBe(cents(l['price-EUR']));
				expect(leaf.prices.USD.amount).toBe(cents(l['price-USD']));
			}
		}
		for (const row of simpleRows) {
			const p = products.get(row.sku)!;
			expect(p.family).toBe(row.family);
			expect(p.categories.slice().sort()).toEqual(row.categories.split(',').sort());
			expect(p.variants).toHaveLength(1);
			expect(p.variants[0]).toMatchObject({ code: row.sku, gtin: `0${row.ean}`, children: [] });
			expect(p.variants[0].prices.EUR.amount).toBe(cents(row['price-EUR']));
		}
		// One of each kind, spelled out.
		const tee = rootModels.find((m) => m.code.startsWith('tee_'))!.code;
		const teeNo = Number(tee.slice(4));
		expect(products.get(tee)!.variants[0].code).toBe(`${tee}_white`);
		expect(products.get(tee)!.variants[0].children[0].code).toBe(`TEE-${teeNo}-WHITE-XS`);
		const sofa = rootModels.find((m) => m.code.startsWith('sofa_'))!.code;
		expect(products.get(sofa)!.variants[0].code).toBe(`SOFA-${Number(sofa.slice(5))}-WHITE`);
	});

	it('computes completeness for every product and channel, and publishes exactly the enabled and complete ones', () => {
		// Every locale of a channel in channels.csv, on each of our channels it maps to.
		const pairs = channelRows
			.flatMap((c) => CHANNELS[c.code].flatMap((ours) => c.locales.split(',').map((l) => `${ours}/${LOCALES[l]}`)))
			.sort();
		// The generator fills every attribute a family requires, in every locale: all are complete
		// but the chair without a brand, which only print (not requiring it) has complete.
		let published = 0;
		for (const [code, p] of products) {
			const rows = completenessOf(db, p.id);
			expect(rows.map((r) => `${r.channel}/${r.locale}`).sort()).toEqual(pairs);
			for (const r of rows) {
				const lacksBrand = code === INCOMPLETE && r.channel !== 'print';
				expect([code, r.channel, r.locale, r.ratio === 100, r.missing]).toEqual([code, r.channel, r.locale, !lacksBrand, lacksBrand ? ['brand'] : []]);
			}
			const complete = rows.find((r) => r.channel === 'kiosk' && r.locale === FALLBACK)!.ratio === 100;
			expect([code, p.status]).toEqual([code, enabledOf(code) && complete ? 'published' : 'draft']);
			if (p.status === 'published') published++;
		}
		expect(published).toBeGreaterThan(0);
		expect(published).toBeLessThan(products.size); // disabled chairs stay drafts
		expect(products.get(INCOMPLETE)!.status).toBe('draft');
		expect(first.drafted).toBe(1);
		expect(db.get<{ n: number }>(sql`SELECT count(DISTINCT product_id) AS n FROM completeness`).n).toBe(products.size);
	});

	it('keeps every imported locale and channel of names, descriptions, care and taglines, multi-line text exactly', () => {
		for (const [code, row] of rowOfProduct) {
			const v = products.get(code)!.values;
			for (const [ak, ours] of Object.entries(LOCALES)) {
				expect([code, ours, v.name['*'][ours]]).toEqual([code, ours, row[`name-${ak}`]]);
				for (const channel of CHANNELS.ecommerce) {
					expect([code, channel, ours, v.description[channel][ours]]).toEqual([code, channel, ours, row[`description-${ak}-ecommerce`]]);
					expect(v.tagline[channel][ours]).toBe(row[`tagline-${ak}-ecommerce`]);
				}
				if (row[`care-${ak}`]) expect(v.care['*'][ours]).toBe(row[`care-${ak}`]);
			}
			expect(v.description.print['en-US']).toBe(row['description-en_US-print']);
		}
		// Spelled out once: a quoted, multi-line cell with quotes and semicolons inside.
		const chair = products.get('CH-000003')!.values;
		expect(chair.description.kiosk['en-US']).toMatch(/^<p>The \w+ chair; made to last\.<\/p>\n<p>Designed in Copenhagen, "built" for every day\.<\/p>$/);
		expect(chair.care['*']['en-US']).toBe('Wipe with a damp cloth.\nOil once a year; avoid direct sun.');
		const tee = rootModels.find((m) => m.code.startsWith('tee_'))!.code;
		expect(products.get(tee)!.values.care['*']['zh-CN']).toBe('30°C机洗。\n请勿烘干。');
	});

	it('lets the kiosk find the published products by name in each language, and not the drafts', async () => {
		expect(await ensureIndexCurrent({ db, meili })).toBe('rebuilt');
		const publishedCodes = [...products.values()].filter((p) => p.status === 'published').map((p) => p.code);
		expect((await meili.index(PRODUCTS_INDEX).getStats()).numberOfDocuments).toBe(publishedCodes.length);

		const health = new MeiliHealth();
		const find = async (q: string, locale?: string) =>
			(await searchProducts({ db, meili, health }, searchParamsSchema.parse({ q, locale, per_page: 60 }))).hits.map((h) => h.code);
		const sofa = rootModels.find((m) => m.code.startsWith('sofa_') && products.get(m.code)!.status === 'published')!;
		const tee = rootModels.find((m) => m.code.startsWith('tee_') && products.get(m.code)!.status === 'published')!;
		const chairs = simpleRows.filter((r) => products.get(r.sku)!.status === 'published');
		for (const row of [sofa, tee, chairs[0], chairs[500], chairs.at(-1)!]) {
			const code = row.sku ?? row.code;
			expect([code, await find(row['name-en_US'])]).toEqual([code, expect.arrayContaining([code])]);
		}
		expect(await find(chairs[10]['name-de_DE'], 'de-DE')).toContain(chairs[10].sku);
		expect(await find(tee['name-zh_CN'], 'zh-CN')).toContain(tee.code);

		const drafts = simpleRows.filter((r) => r.enabled === '0');
		expect(drafts.length).toBeGreaterThan(0);
		for (const row of drafts.slice(0, 3)) expect(await find(row['name-en_US'])).not.toContain(row.sku);
		const incomplete = simpleRows.find((r) => r.sku === INCOMPLETE)!;
		expect(await find(incomplete['name-en_US'])).not.toContain(INCOMPLETE);
	});

	it('changes nothing when the same export is imported again: no versions, no search updates', async () => {
		const before = {
			versions: count('product_version'),
			outbox: count('outbox'),
			revisions: db.get<{ n: number }>(sql`SELECT sum(revision) AS n FROM product`).n
		};
		const again = await run(read());
		expect(again.rejected).toEqual([]);
		expect(again.counts.products).toEqual({ created: 0, updated: 0, unchanged: expectedCodes.length, rejected: 0, skipped: 0 });
		for (const kind of ['locales', 'channels', 'attributes', 'families', 'categories'] as const)
			expect([kind, again.counts[kind].created, again.counts[kind].updated, again.counts[kind].rejected]).toEqual([kind, 0, 0, 0]);
		expect(again.refreshed).toBe(0);
		expect({
			versions: count('product_version'),
			outbox: count('outbox'),
			revisions: db.get<{ n: number }>(sql`SELECT sum(revision) AS n FROM product`).n
		}).toEqual(before);
	});
});
