import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAkeneoExport } from '../../tests/fixtures/akeneo/generate.ts';
import { createTestDb } from '../../tests/helpers/db.ts';
import { loadDefinition } from '../catalog/definition.ts';
import { attributeInputSchema, categoryInputSchema, familyInputSchema, localeInputSchema, productInputSchema } from '../catalog/input.ts';
import { getProduct, saveProduct } from '../catalog/products.ts';
import { createAttribute, createCategory, createFamily, upsertChannel, upsertLocale } from '../catalog/structure.ts';
import type { PimDb } from '../db.ts';
import { ValidationError } from '../shared/errors.ts';
import {
	akeneoFileKind,
	akeneoFilesIn,
	akeneoLocalesAndChannels,
	DEFAULT_AKENEO_MAPPING,
	existingCatalogOf,
	readAkeneoExport
} from './akeneo.ts';
import { splitCsv } from './akeneo-csv.ts';
import type { BundleProduct, ImportBundle } from './bundle.ts';

const dir = join(import.meta.dirname, '../../tests/fixtures/akeneo/mini');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
/** The sample export as a folder holds it, without the file of faulty rows. */
const mini = (): Record<string, string> =>
	Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'products-with-errors.csv').map((f) => [f, read(f)]));

const product = (b: ImportBundle, code: string): BundleProduct['data'] => {
	const p = b.products.find((x) => x.data.code === code);
	if (!p) throw new Error(`no product ${code}`);
	return p.data;
};
/** A CSV line with `values` under their columns of `header`. */
const rowOf = (header: string, values: Record<string, string>) =>
	header
		.split(';')
		.map((c) => values[c] ?? '')
		.join(';');
const leaves = (p: BundleProduct['data']) => p.variants.flatMap((v) => (v.children?.length ? v.children : [v]));

describe('reading the sample Akeneo export', () => {
	const b = readAkeneoExport(mini());

	it('reads every attribute, option, family, category, model and product, rejecting nothing', () => {
		expect(b.rejected).toEqual([]);
		expect(b.attributes.map((a) => [a.data.code, a.data.type])).toEqual([
			['name', 'text'],
			['description', 'richtext'],
			['weight', 'measurement'],
			['width', 'measurement'],
			['color', 'select'],
			['size', 'select'],
			['material', 'multiselect'],
			['release_date', 'date'],
			['eco_label', 'boolean'],
			['seat_count', 'number']
		]);
		const description = b.attributes.find((a) => a.data.code === 'description')!;
		expect(description.data).toMatchObject({ localizable: true, perChannel: true });
		expect(description.source).toEqual({ file: 'attributes.csv', line: 4 });
		expect(b.attributes.find((a) => a.data.code === 'weight')!.data.unit).toBe('KILOGRAM');
		expect(b.attributes.find((a) => a.data.code === 'color')!.data.options!.map((o) => o.code)).toEqual(['white', 'navy', 'grey', 'green']);
		expect(b.attributes.find((a) => a.data.code === 'material')!.data.options![1]).toEqual({
			code: 'steel',
			label: { 'de-DE': 'Stahl', 'en-US': 'Steel', 'zh-CN': '钢' }
		});

		expect(b.families.map((f) => f.data.code)).toEqual(['chairs', 'sofas', 'tshirts']);
		const tshirts = b.families.find((f) => f.data.code === 'tshirts')!.data;
		expect(tshirts.variantLevels).toEqual([
			{ axes: ['color'], attributes: ['color'] },
			{ axes: ['size'], attributes: ['size', 'weight'] }
		]);
		expect(b.families.find((f) => f.data.code === 'sofas')!.data.variantLevels).toEqual([{ axes: ['color'], attributes: ['color'] }]);
		// SKU, EAN, price and picture are not attributes here, so they are not required either.
		expect(b.families[0].data.required).toEqual({ kiosk: ['description', 'name'], web: ['description', 'name'], print: ['name'] });

		expect(b.categories.map((c) => [c.data.code, c.data.parent])).toEqual([
			['master', null],
			['furniture', 'master'],
			['seating', 'furniture'],
			['apparel', 'master'],
			['tops', 'apparel']
		]);
		expect(b.categories[1].data.label).toEqual({ 'en-US': 'Furniture', 'de-DE': 'Möbel', 'zh-CN': '家具' });

		expect(b.products.map((p) => p.data.code)).toEqual(['harbor_sofa', 'classic_tee', 'CH-1001', 'CH-1002', 'CH-1003']);
		expect(b.products.flatMap((p) => leaves(p.data).map((l) => l.code)).sort()).toEqual(
			['CH-1001', 'CH-1002', 'CH-1003', 'SOFA-HB-GRN', 'SOFA-HB-GRY', 'TEE-NAV-L', 'TEE-NAV-M', 'TEE-NAV-S', 'TEE-WHI-L', 'TEE-WHI-M', 'TEE-WHI-S'].sort()
		);
		expect(b.notes.join('\n')).toMatch(/identifier attribute sku became the SKU/);
		expect(b.notes.join('\n')).toMatch(/picture/);
		expect(b.notes.join('\n')).toMatch(/X_SELL-products/);
	});

	it('hangs variant products under their models, on two levels where the family variant has two', () => {
		const tee = product(b, 'classic_tee');
		expect(tee.family).toBe('tshirts');
		expect(tee.variants.map((v) => [v.code, v.axes])).toEqual([
			['classic_tee_white', { color: 'white' }],
			['classic_tee_navy', { color: 'navy' }]
		]);
		expect(tee.variants[1].children!.map((c) => [c.code, c.axes, c.gtin])).toEqual([
			['TEE-NAV-S', { size: 's' }, '05901234120081'],
			['TEE-NAV-M', { size: 'm' }, '05901234120098'],
			['TEE-NAV-L', { size: 'l' }, '05901234120104']
		]);
		// The model's price passes down to every sellable variant, in minor units.
		expect(tee.variants[0].children![0].prices).toEqual({ EUR: { amount: 2490 }, USD: { amount: 2700 } });
		expect(tee.variants[0].children![2].values).toEqual({ weight: { '*': { '*': { amount: 180, unit: 'GRAM' } } } });

		const sofa = product(b, 'harbor_sofa');
		expect(sofa.variants.map((v) => [v.code, v.axes, v.children ?? []])).toEqual([
			['SOFA-HB-GRY', { color: 'grey' }, []],
			['SOFA-HB-GRN', { color: 'green' }, []]
		]);
		expect(sofa.values!.weight).toEqual({ '*': { '*': { amount: 48.5, unit: 'KILOGRAM' } } });
		expect(sofa.values!.material).toEqual({ '*': { '*': ['oak', 'wool'] } });

		const chair = product(b, 'CH-1001');
		expect(chair.variants).toEqual([{ code: 'CH-1001', axes: {}, values: {}, gtin: '04006381333931', prices: { EUR: { amount: 14900 }, USD: { amount: 15900 } } }]);
		expect(chair.values!.eco_label).toEqual({ '*': { '*': true } });
		expect(chair.values!.release_date).toEqual({ kiosk: { '*': '2026-03-01' }, web: { '*': '2026-03-01' } });
		expect(chair.values!.weight).toEqual({ '*': { '*': { amount: 5200, unit: 'GRAM' } } });
	});

	it('keeps multi-line quoted descriptions exactly', () => {
		expect(product(b, 'harbor_sofa').values!.description.kiosk['en-US']).toBe(
			'A deep three-seat sofa on an oak frame.\nWool-blend cover; cushions can be turned.'
		);
		expect(product(b, 'CH-1002').values!.description.web['en-US']).toBe(
			'Powder-coated steel legs; seat height 75 cm; footrest; "industrial" look; wipe clean.'
		);
		expect(product(b, 'CH-1001').values!.description.print).toEqual({ 'en-US': 'Oak dining chair.' });
	});

	it('maps locales and channels by default: en_US → en-US, ecommerce → kiosk and web', () => {
		expect(b.locales.map((l) => l.code)).toEqual(['de-DE', 'en-US', 'zh-CN']);
		expect(b.locales.map((l) => l.label)).toEqual(['German (Germany)', 'English (United States)', 'Chinese (China)']);
		expect(b.channels).toEqual([
			{ code: 'kiosk', label: {}, locales: ['de-DE', 'en-US', 'zh-CN'], currencies: ['EUR', 'USD'] },
			{ code: 'web', label: {}, locales: ['de-DE', 'en-US', 'zh-CN'], currencies: ['EUR', 'USD'] },
			{ code: 'print', label: { 'en-US': 'Print', 'de-DE': 'Druck' }, locales: ['de-DE', 'en-US'], currencies: ['EUR'] }
		]);
		const name = product(b, 'CH-1001').values!.name;
		expect(name).toEqual({ '*': { 'de-DE': 'Fjord Esszimmerstuhl aus Eiche', 'en-US': 'Fjord oak dining chair', 'zh-CN': '峡湾橡木餐椅' } });
		expect(Object.keys(product(b, 'CH-1001').values!.description)).toEqual(['kiosk', 'web', 'print']);
		expect(DEFAULT_AKENEO_MAPPING(['en_US', 'zh_CN'], ['ecommerce', 'print'])).toEqual({
			locales: { en_US: 'en-US', zh_CN: 'zh-CN' },
			channels: { ecommerce: ['kiosk', 'web'], print: ['print'] }
		});
	});

	it('follows a mapping the user edited: renamed, merged and dropped locales and channels', () => {
		const m = readAkeneoExport(mini(), { locales: { en_US: 'en', de_DE: '' }, channels: { ecommerce: ['web'], print: [] } });
		expect(m.rejected).toEqual([]);
		expect(m.locales.map((l) => l.code)).toEqual(['en', 'zh-CN']);
		expect(m.channels.map((c) => [c.code, c.locales])).toEqual([['web', ['en', 'zh-CN']]]);
		const chair = product(m, 'CH-1001');
		expect(chair.values!.name).toEqual({ '*': { en: 'Fjord oak dining chair', 'zh-CN': '峡湾橡木餐椅' } });
		expect(chair.values!.description).toEqual({
			web: { en: 'Solid oak, oiled finish.\nStackable up to four high; felt pads included.', 'zh-CN': '实心橡木，油蜡饰面。' }
		});
		expect(m.families[0].data.required).toEqual({ web: ['description', 'name'] });
		expect(m.attributes[0].data.label).toEqual({ en: 'Name', 'zh-CN': '名称' });
		expect(m.notes.join('\n')).toMatch(/locales were dropped: de_DE/);
		expect(m.notes.join('\n')).toMatch(/channels were dropped.*: print/);
	});

	it('refuses an invalid mapping before reading anything', () => {
		expect(() => readAkeneoExport(mini(), { locales: { en_US: 'English' }, channels: { ecommerce: ['web shop'] } })).toThrow(ValidationError);
		try {
			readAkeneoExport(mini(), { locales: { en_US: 'English' } });
		} catch (e) {
			expect((e as ValidationError).issues).toEqual([{ path: 'locales.en_US', message: 'English is not a locale code such as en or zh-CN' }]);
		}
	});
});

describe('faulty rows', () => {
	it('imports the good rows of products-with-errors.csv and rejects each bad one with its line and reason', () => {
		const b = readAkeneoExport({ ...mini(), 'products.csv': read('products-with-errors.csv') });
		const products = b.rejected.filter((r) => r.file === 'products.csv');
		expect(products.map((r) => [r.line, r.code])).toEqual([
			[2, 'CH-2001'], // its record spans lines 2 and 3
			[4, 'CH-2002'],
			[5, 'CH-2003'],
			[6, null],
			[7, 'CH-2005'],
			[8, 'CH-2006']
		]);
		expect(products.map((r) => r.reason)).toEqual([
			'ean: 4006381333932 is not a valid GTIN-8, -12, -13 or -14 (wrong check digit or length)',
			'Unknown family benches',
			'material: plastic is not an option of material',
			'No SKU (the sku column is empty)',
			'price-EUR: twelve is not an amount',
			'Unknown parent product model no_such_model'
		]);
		expect(b.products.filter((p) => p.source.file === 'products.csv').map((p) => [p.data.code, p.source.line])).toEqual([['CH-2007', 9]]);
		// The models lost their variant products with that file, and say so.
		expect(b.rejected.filter((r) => r.file === 'product_models.csv').map((r) => r.code)).toEqual([
			'harbor_sofa',
			'classic_tee',
			'classic_tee_white',
			'classic_tee_navy'
		]);
	});

	it('reads both product files of a folder, each rejection naming its own file', () => {
		const b = readAkeneoExport({ ...mini(), 'products-with-errors.csv': read('products-with-errors.csv') });
		expect(b.products.map((p) => p.data.code)).toContain('CH-2007');
		expect(b.products.map((p) => p.data.code)).toContain('classic_tee');
		expect(b.rejected.map((r) => [r.file, r.line])).toEqual([
			['products-with-errors.csv', 2],
			['products-with-errors.csv', 4],
			['products-with-errors.csv', 5],
			['products-with-errors.csv', 6],
			['products-with-errors.csv', 7],
			['products-with-errors.csv', 8]
		]);
	});

	it('rejects a row with a broken quote or a wrong number of values, and reads the rows after it', () => {
		const header = read('products.csv').split('\n')[0];
		const good = (sku: string, ean: string) => rowOf(header, { sku, categories: 'seating', family: 'chairs', ean, 'name-en_US': `Chair ${sku}` });
		const text = [
			header,
			good('OK-1', '4006381333931'),
			'BAD-1;seating;1;chairs;;;;;"Broken quote;;;;4006381333948;;;x;;;10.00;;;;;;;;;;',
			good('OK-2', '4006381333955'),
			'BAD-2;seating;1;chairs;;;;',
			`${good('OK-3', '4006381333962')};;;extra`,
			good('OK-4', '4006381333979'),
			''
		].join('\n');
		const b = readAkeneoExport({ ...mini(), 'products.csv': text });
		expect(b.rejected.filter((r) => r.file === 'products.csv').map((r) => [r.line, r.code, r.reason])).toEqual([
			[3, 'BAD-1', 'A quoted value is never closed; the row could not be read'],
			[5, 'BAD-2', expect.stringMatching(/^Has 8 values where the header has 29 columns/)],
			[6, 'OK-3', expect.stringMatching(/^Has 32 values where the header has 29 columns/)]
		]);
		expect(b.products.filter((p) => p.source.file === 'products.csv').map((p) => [p.data.code, p.source.line])).toEqual([
			['OK-1', 2],
			['OK-2', 4],
			['OK-4', 7]
		]);
	});

	it('rejects duplicate SKUs and GTINs, bad values and variants that do not fit their model', () => {
		const header = read('products.csv').split('\n')[0];
		const line = (v: Record<string, string>) => rowOf(header, v);
		const text = [
			header,
			line({ sku: 'A-1', family: 'chairs', ean: '4006381333931', seat_count: 'two' }),
			line({ sku: 'A-2', family: 'chairs', ean: '4006381333931' }),
			line({ sku: 'A-3', family: 'chairs', 'release_date-ecommerce': '2026-02-30' }),
			line({ sku: 'A-3', family: 'chairs' }),
			line({ sku: 'A-4', family: 'chairs', eco_label: 'maybe' }),
			line({ sku: 'A-5', family: 'chairs', weight: '3', 'weight-unit': '' }),
			line({ sku: 'TEE-1', parent: 'classic_tee', size: 's' }),
			line({ sku: 'TEE-2', parent: 'classic_tee_white' }),
			line({ sku: 'TEE-3', parent: 'classic_tee_white', size: 's' }),
			line({ sku: 'TEE-4', parent: 'classic_tee_white', size: 's' }),
			line({ sku: 'harbor_sofa', family: 'chairs' }),
			line({ sku: 'A 6', family: 'chairs' }),
			line({ sku: 'A-7', family: 'chairs', categories: 'nowhere' }),
			line({ sku: 'A-8', family: 'sofas' }),
			line({ sku: 'A-9', family: 'chairs', ean: '4006381333931' })
		].join('\n');
		const b = readAkeneoExport({ ...mini(), 'products.csv': text });
		const reasons = Object.fromEntries(b.rejected.filter((r) => r.file === 'products.csv').map((r) => [r.line, r.reason]));
		expect(reasons).toEqual({
			2: 'seat_count: two is not a number',
			4: 'release_date-ecommerce: 2026-02-30 is not a date (YYYY-MM-DD)',
			6: 'eco_label: maybe is not 1 or 0',
			8: 'classic_tee is a root product model with two variant levels; variant products hang under its sub-models',
			9: 'No value for the variant axis size',
			11: 'Same size s as TEE-3 under classic_tee_white',
			12: 'SKU harbor_sofa is also the code of a product model',
			13: 'SKU A 6: Letters, digits, _ . and - only',
			14: 'Unknown category nowhere',
			16: 'GTIN 4006381333931 is also the GTIN of A-2'
		});
		// A-2 keeps the GTIN A-1 could not take; the second A-3 is no duplicate, as the first was rejected.
		// A-8 has no model, so its family sofas stays without levels here (sofas_color becomes a family).
		expect(b.products.filter((p) => p.source.file === 'products.csv').map((p) => p.data.code)).toEqual(['A-2', 'A-3', 'A-5', 'A-8']);
		expect(product(b, 'A-5').values!.weight).toEqual({ '*': { '*': { amount: 3, unit: 'KILOGRAM' } } });
		expect(product(b, 'classic_tee').variants[0].children!.map((c) => c.code)).toEqual(['TEE-3']);
	});
});

describe('file handling', () => {
	it('reads CRLF files with a byte-order mark and blank trailing lines, given as bytes, alike', () => {
		const files = mini();
		const crlf = Object.fromEntries(
			Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(`\ufeff${text.replace(/\n/g, '\r\n')}\r\n\r\n`)])
		);
		const a = readAkeneoExport(files);
		const b = readAkeneoExport(crlf);
		expect(b.rejected).toEqual([]);
		// Line breaks inside quoted values are kept as the file has them.
		expect(product(b, 'CH-1001').values!.description.kiosk['en-US']).toBe('Solid oak, oiled finish.\r\nStackable up to four high; felt pads included.');
		expect(JSON.parse(JSON.stringify(b).replace(/\\r\\n/g, '\\n'))).toEqual(a);
	});

	it('tells each record its first line, counting lines inside quoted values', () => {
		const seen: [string[], number][] = [];
		splitCsv('a;b\n"x\ny";"1\r\n2"\r\n\n"q""q";z\n"solo\nend";w', (cells, line) => seen.push([cells, line]));
		expect(seen).toEqual([
			[['a', 'b'], 1],
			[['x\ny', '1\r\n2'], 2],
			[[''], 5],
			[['q"q', 'z'], 6],
			[['solo\nend', 'w'], 7]
		]);
	});

	it('refuses a file that is not semicolon-separated or repeats a column, and reads the others', () => {
		const b = readAkeneoExport({
			...mini(),
			'categories.csv': 'code,parent,label-en_US\nmaster,,Master\n',
			'channels.csv': 'code;locales;code\necommerce;en_US;x\n'
		});
		expect(b.rejected).toEqual([
			{ file: 'categories.csv', line: 1, code: null, reason: 'Not a semicolon-separated file: Akeneo exports separate columns with ;' },
			{ file: 'channels.csv', line: 1, code: null, reason: 'The column code appears twice; the file was not read' }
		]);
		expect(b.categories).toEqual([]);
		expect(b.products).toHaveLength(5);
	});

	it('reads an empty or partial export, and never throws on damaged files', () => {
		expect(readAkeneoExport({})).toEqual({ locales: [], channels: [], attributes: [], families: [], categories: [], products: [], rejected: [], notes: [] });
		const familiesAlone = readAkeneoExport({ 'families.csv': read('families.csv') });
		expect(familiesAlone.rejected.map((r) => r.reason)).toContain('Family chairs: its attributes are neither in the export (attributes.csv) nor in the catalog');
		// Cut, repeat and scramble the sample at random places: every read still ends in a bundle.
		let seed = 42;
		const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
		const junk = ['"', ';', '\n', '\r\n', '""', '\ufeff', ',', '-', ''];
		for (let round = 0; round < 200; round++) {
			const files = mini();
			for (const name of Object.keys(files)) {
				let text = files[name];
				for (let k = 0; k < 3; k++) {
					const at = rand(text.length + 1);
					const cut = rand(4) === 0 ? rand(40) : 0;
					text = text.slice(0, at) + junk[rand(junk.length)] + text.slice(at + cut);
				}
				files[name] = text;
			}
			const b = readAkeneoExport(files);
			for (const r of b.rejected) expect(r.line).toBeGreaterThan(0);
			// What the reader lets through is well-formed input for the catalog.
			for (const a of b.attributes) expect(attributeInputSchema.safeParse(a.data).error).toBeUndefined();
			for (const f of b.families) expect(familyInputSchema.safeParse(f.data).error).toBeUndefined();
			for (const c of b.categories) expect(categoryInputSchema.safeParse(c.data).error).toBeUndefined();
			for (const p of b.products) expect(productInputSchema.safeParse(p.data).error).toBeUndefined();
			for (const l of b.locales) expect(localeInputSchema.safeParse(l).error).toBeUndefined();
		}
	});

	it('recognizes Akeneo file names and folders', () => {
		expect(akeneoFileKind('export/product_models.csv')).toBe('product_models');
		expect(akeneoFileKind('products-with-errors.csv')).toBe('products');
		expect(akeneoFileKind('attribute_options.csv')).toBe('attribute_options');
		expect(akeneoFileKind('family_variant.csv')).toBe('family_variants');
		expect(akeneoFileKind('families.csv')).toBe('families');
		expect(akeneoFileKind('products.json')).toBeNull();
		expect(akeneoFilesIn(Object.keys(mini()))).toBe(true);
		expect(akeneoFilesIn(['products.csv', 'categories.csv'])).toBe(false);
	});

	it('lists the Akeneo locales and channels an export uses, for the mapping form', () => {
		expect(akeneoLocalesAndChannels(mini())).toEqual({ locales: ['de_DE', 'en_US', 'zh_CN'], channels: ['ecommerce', 'print'] });
		const productsOnly = { 'products.csv': read('products.csv') };
		expect(akeneoLocalesAndChannels(productsOnly).locales).toEqual(['de_DE', 'en_US', 'zh_CN']);
	});

	it('says what it dropped: reference data, several family variants, files it does not know', () => {
		const files = mini();
		files['attributes.csv'] += `${rowOf(files['attributes.csv'].split('\n')[0], { code: 'brand_ref', 'label-en_US': 'Brand', type: 'pim_reference_data_simpleselect', reference_data_name: 'brands', localizable: '0', scopable: '0' })}\n`;
		files['family_variants.csv'] += 'tshirts_size;tshirts;T-Shirts nach Größe;T-shirts by size;T恤（尺码）;size;;size,ean,sku;\n';
		files['readme.txt'] = 'hello';
		const b = readAkeneoExport(files);
		expect(b.rejected).toEqual([]);
		const notes = b.notes.join('\n');
		expect(notes).toMatch(/types Aisle does not have were dropped: brand_ref \(pim_reference_data_simpleselect\)/);
		expect(notes).toMatch(/Family tshirts has 2 family variants; it takes the levels of tshirts_color_size, and the others became families of their own: tshirts_size/);
		expect(notes).toMatch(/not part of an Akeneo export were ignored: readme.txt/);
		const derived = b.families.find((f) => f.data.code === 'tshirts_size')!;
		expect(derived.data.variantLevels).toEqual([{ axes: ['size'], attributes: ['size'] }]);
		expect(derived.data.label).toEqual({ 'de-DE': 'T-Shirts nach Größe', 'en-US': 'T-shirts by size', 'zh-CN': 'T恤（尺码）' });
	});

	it('keeps a family without levels when some of its products have no model; its family variant becomes a family', () => {
		const files = mini();
		files['products.csv'] += `${rowOf(files['products.csv'].split('\n')[0], { sku: 'TEE-PLAIN', family: 'tshirts', 'name-en_US': 'Plain tee', enabled: '1' })}\n`;
		const b = readAkeneoExport(files);
		expect(b.rejected).toEqual([]);
		expect(b.families.find((f) => f.data.code === 'tshirts')!.data.variantLevels).toEqual([]);
		expect(b.families.find((f) => f.data.code === 'tshirts_color_size')!.data.variantLevels).toHaveLength(2);
		expect(product(b, 'classic_tee').family).toBe('tshirts_color_size');
		expect(product(b, 'TEE-PLAIN').family).toBe('tshirts');
	});
});

describe('into a real catalog', () => {
	let db: PimDb;
	let cleanup: () => void;
	beforeEach(() => {
		const t = createTestDb();
		db = t.db;
		cleanup = t.cleanup;
	});
	afterEach(() => cleanup());

	/** Writes a bundle through the catalog's own functions, as an import does; returns the status of each product. */
	function load(b: ImportBundle): Record<string, string> {
		b.locales.forEach((l, i) => upsertLocale(db, { code: l.code, label: l.label, fallback: i === 0 }, i));
		for (const c of b.channels) upsertChannel(db, c);
		b.attributes.forEach((a, i) => createAttribute(db, a.data, i));
		for (const f of b.families) createFamily(db, f.data);
		b.categories.forEach((c, i) => createCategory(db, c.data, i));
		const definition = loadDefinition(db);
		const status: Record<string, string> = {};
		for (const p of b.products) {
			try {
				saveProduct(db, p.data, 'import', { definition, skipOutbox: true });
				status[p.data.code] = p.data.status ?? 'draft';
			} catch (e) {
				if (p.publish !== 'if-complete' || !(e instanceof ValidationError) || !/only be published/.test(e.message)) throw e;
				saveProduct(db, { ...p.data, status: 'draft' }, 'import', { definition, skipOutbox: true });
				status[p.data.code] = 'draft (incomplete)';
			}
		}
		return status;
	}

	it('saves every product of the sample with its variant tree, values and prices', () => {
		const status = load(readAkeneoExport(mini()));
		expect(status).toEqual({
			harbor_sofa: 'published',
			classic_tee: 'published',
			'CH-1001': 'published',
			'CH-1002': 'published',
			'CH-1003': 'draft'
		});
		const tee = getProduct(db, 'classic_tee')!;
		expect(tee.variants.map((v) => [v.code, v.children.length])).toEqual([
			['classic_tee_white', 3],
			['classic_tee_navy', 3]
		]);
		expect(tee.variants[0].children[1].prices.USD.amount).toBe(2700);
		expect(getProduct(db, 'harbor_sofa')!.values.description.web['en-US']).toBe('A deep three-seat sofa on an oak frame.\nWool-blend cover; cushions can be turned.');
	});

	it('reads products.csv alone against the catalog it goes into', () => {
		load(readAkeneoExport(mini()));
		const existing = existingCatalogOf(loadDefinition(db));
		const original = read('products.csv');
		const changed = original.replace('Fjord oak dining chair', 'Fjord oak chair, renewed');
		const withPlainSofa = `${changed}${rowOf(original.split('\n')[0], { sku: 'SOFA-PLAIN', family: 'sofas' })}\n`;
		const b = readAkeneoExport({ 'products.csv': withPlainSofa }, undefined, existing);
		expect(b.attributes).toEqual([]);
		expect(b.families).toEqual([]);
		const chair = product(b, 'CH-1001');
		expect(chair.values!.name['*']['en-US']).toBe('Fjord oak chair, renewed');
		expect(chair.values!.weight).toEqual({ '*': { '*': { amount: 5200, unit: 'GRAM' } } });
		expect(chair.values!.material).toEqual({ '*': { '*': ['oak'] } });
		expect(chair.variants[0]).toMatchObject({ gtin: '04006381333931', prices: { EUR: { amount: 14900 } } });
		// Variant products cannot be saved without the rest of their product: they say what is missing.
		expect(b.rejected.map((r) => r.reason)).toContain(
			'Its product model harbor_sofa is not in this export (import product_models.csv with products.csv)'
		);
		expect(b.rejected.at(-1)).toEqual({
			file: 'products.csv',
			line: 14, // the first record spans lines 2 and 3
			code: 'SOFA-PLAIN',
			reason: 'Family sofas has variant levels here; a product without a product model cannot be in it'
		});
		expect(b.rejected).toHaveLength(9);
		expect(load2(b)).toBe(3);

		// With the models, whole products come back, shaped by the catalog's families.
		const both = readAkeneoExport({ 'product_models.csv': read('product_models.csv'), 'products.csv': changed }, undefined, existing);
		expect(both.rejected).toEqual([]);
		expect(product(both, 'classic_tee').variants.map((v) => v.children!.length)).toEqual([3, 3]);
		expect(load2(both)).toBe(5);
	});

	/** Saves the products of a bundle onto the catalog as it is; returns how many were saved. */
	function load2(b: ImportBundle): number {
		const definition = loadDefinition(db);
		for (const p of b.products) saveProduct(db, p.data, 'import', { definition, skipOutbox: true });
		return b.products.length;
	}
});

describe('a generated export the size of the Akeneo demo catalog', () => {
	it('reads 1,200 products and 80 product models, every one of them, in every locale', () => {
		const files = generateAkeneoExport({ products: 1200, models: 80, seed: 7 });
		const b = readAkeneoExport(files);
		expect(b.rejected).toEqual([]);
		const modelRows = files['product_models.csv'].match(/^(sofa|tee)_\d+/gm)!.length;
		expect(modelRows).toBe(80);
		const all = b.products.flatMap((p) => leaves(p.data));
		expect(all).toHaveLength(1200);
		expect(new Set(all.map((l) => l.code)).size).toBe(1200);
		const roots = b.products.filter((p) => p.source.file === 'product_models.csv');
		const subModels = roots.flatMap((p) => p.data.variants.filter((v) => v.children?.length));
		expect(roots.length + subModels.length).toBe(80);
		expect(b.families.map((f) => f.data.code)).toEqual(['chairs', 'sofas', 'tshirts']);
		expect(b.categories).toHaveLength(10);
		for (const p of b.products) {
			expect(Object.keys(p.data.values!.name['*']).sort()).toEqual(['de-DE', 'en-US', 'zh-CN']);
			expect(Object.keys(p.data.values!.description)).toEqual(['kiosk', 'web', 'print']);
		}
		const tee = roots.find((p) => p.data.family === 'tshirts')!.data;
		expect(tee.values!.care['*']['en-US']).toBe('Machine wash at 30°C.\nDo not tumble dry; iron inside out.');
		expect(tee.values!.description.kiosk['en-US']).toMatch(/<\/p>\n<p>Designed in Copenhagen, "built" for every day\.<\/p>$/);
		// Variant rows repeat their models' values; they stay on the model.
		expect(Object.keys(tee.variants[0].children![0].values!)).toEqual(['weight']);
		expect(b.notes.join('\n')).not.toMatch(/outside their family/);
	});

	it('builds the same export from the same seed, and the exact counts asked for', () => {
		const a = generateAkeneoExport({ products: 300, models: 7, seed: 3 });
		expect(generateAkeneoExport({ products: 300, models: 7, seed: 3 })).toEqual(a);
		expect(a['products.csv'].match(/^(CH|SOFA|TEE)-/gm)).toHaveLength(300);
		expect(a['product_models.csv'].match(/^(sofa|tee)_\d+/gm)).toHaveLength(7);
		expect(() => generateAkeneoExport({ products: 5, models: 30 })).toThrow(/at least/);
	});
});
