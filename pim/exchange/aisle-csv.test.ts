import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../tests/helpers/db.ts';
import { gtin13, seedStructure } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { createAttribute } from '../catalog/structure.ts';
import { loadDefinition } from '../catalog/definition.ts';
import { readAisleCsv } from './aisle-csv.ts';
import { readAisleJson } from './aisle-json.ts';
import { decodeValue, encodeValue, formatMinor, parseMinor } from './values-text.ts';

let db: PimDb;
let cleanup: () => void;

beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
});
afterEach(() => cleanup());

const read = (text: string | Uint8Array) => readAisleCsv('f.csv', text, { definition: loadDefinition(db) });

describe('reading our CSV', () => {
	it('counts lines as a spreadsheet does: quoted values spanning lines, CRLF, a byte-order mark, commas', () => {
		const text = `\uFEFFproduct,family,sku,gtin,description-en\r\nCHR-1,furniture,CHR-1,${gtin13(1)},"<p>Two\r\nlines, and ""quotes""</p>"\r\nCHR-2,furniture,CHR-2,${gtin13(2)},plain\r\n`;
		const bundle = read(new TextEncoder().encode(text));
		expect(bundle.rejected).toEqual([]);
		expect(bundle.products.map((p) => [p.data.code, p.source.line])).toEqual([
			['CHR-1', 2],
			['CHR-2', 4]
		]);
		expect(bundle.products[0].data.values!.description['*'].en).toBe('<p>Two\r\nlines, and "quotes"</p>');
	});

	it('refuses rows that contradict each other, naming both lines, and a broken quote, and reads the rest', () => {
		const text = [
			'product;family;variant;sku;name-en;colour;size',
			'TSH-1;apparel;TSH-1-RED;TSH-1-RED-S;Tee;red;S',
			'TSH-1;apparel;TSH-1-RED;TSH-1-RED-M;Other name;red;M',
			'TSH-2;apparel;TSH-2-RED;TSH-2-RED-S;"Broken;red;S',
			'TSH-3;apparel;TSH-3-RED;TSH-3-RED-S;Lost;red;S'
		].join('\n');
		const bundle = read(text);
		expect(bundle.rejected.find((r) => r.code === 'TSH-1')).toMatchObject({ line: 3, reason: expect.stringMatching(/name-en is “Other name” here but “Tee” on line 2.*TSH-1 was not imported/) });
		// An unclosed quote takes the rest of the file with it: that is where it starts.
		expect(bundle.rejected.find((r) => r.code === null)).toMatchObject({ line: 4, reason: expect.stringMatching(/cannot be read: Quote Not Closed/) });
		expect(bundle.products).toEqual([]);
	});

	it('builds the variant tree from rows, routing each value to the level its family gives it', () => {
		const text = [
			'product;family;status;categories;variant;sku;gtin;price-USD;sale_price-USD;sale_start-USD;name-en;brand;colour;size',
			`TSH-1;apparel;published;tshirts,apparel;TSH-1-RED;TSH-1-RED-S;${gtin13(100)};19.00;15.5;2026-06-01;Tee;Linea;red;S`,
			`TSH-1;;;;TSH-1-BLUE;TSH-1-BLUE-S;${gtin13(101)};19;;;;;blue;S`,
			`TSH-1;;;;TSH-1-RED;TSH-1-RED-M;${gtin13(102)};19.00;;;;;red;M`
		].join('\n');
		const [p] = read(text).products;
		expect(p.data).toMatchObject({ code: 'TSH-1', family: 'apparel', status: 'published', categories: ['tshirts', 'apparel'], values: { name: { '*': { en: 'Tee' } }, brand: { '*': { '*': 'Linea' } } } });
		expect(p.data.variants.map((v) => [v.code, v.axes, v.children!.map((c) => [c.code, c.axes?.size])])).toEqual([
			['TSH-1-RED', { colour: 'red' }, [['TSH-1-RED-S', 'S'], ['TSH-1-RED-M', 'M']]],
			['TSH-1-BLUE', { colour: 'blue' }, [['TSH-1-BLUE-S', 'S']]]
		]);
		expect(p.data.variants[0].children![0].prices).toEqual({ USD: { amount: 1900, sale: { amount: 1550, start: '2026-06-01', end: null } } });
		const at = (line: number) => ({ file: 'f.csv', line });
		expect(p.lines).toEqual({ 'TSH-1-RED': at(2), 'TSH-1-RED-S': at(2), 'TSH-1-RED-M': at(4), 'TSH-1-BLUE': at(3), 'TSH-1-BLUE-S': at(3) });
	});

	it('says which columns it ignored, and refuses a file without a product column', () => {
		expect(read('product;sku;colur\nCHR-1;CHR-1;red').notes.join(' ')).toMatch(/ignored a column .*colur/);
		const bundle = read('code;sku\nCHR-1;CHR-1');
		expect(bundle.products).toEqual([]);
		expect(bundle.rejected[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/starting with product/) });
	});
});

describe('cell values', () => {
	it('reads and writes each type the same way', () => {
		createAttribute(db, { code: 'seats', type: 'number', label: { en: 'Seats' } });
		createAttribute(db, { code: 'outdoor', type: 'boolean', label: { en: 'Outdoor' } });
		createAttribute(db, { code: 'rrp', type: 'price', label: { en: 'RRP' } });
		const def = loadDefinition(db);
		const a = (code: string) => def.attributes.get(code)!;
		const cases: [string, unknown][] = [
			['seats', 2.5],
			['outdoor', false],
			['rrp', { USD: 12900, EUR: 9950 }],
			['width', { amount: 45.5, unit: 'CENTIMETER' }],
			['description', '<p>A “chair”; ok</p>']
		];
		for (const [code, value] of cases) {
			const text = encodeValue(a(code), value);
			const unit = code === 'width' ? 'CENTIMETER' : undefined;
			expect(decodeValue(a(code), text, unit), code).toEqual({ value });
		}
		expect(decodeValue(a('seats'), '2,5')).toEqual({ value: 2.5 });
		expect(decodeValue(a('seats'), 'two')).toEqual({ error: '“two” is not a number' });
		expect(decodeValue(a('outdoor'), 'maybe')).toMatchObject({ error: expect.stringMatching(/not 1 or 0/) });
		expect(decodeValue(a('width'), '45')).toEqual({ value: { amount: 45, unit: 'CENTIMETER' } });
		expect(formatMinor(5, 'USD')).toBe('0.05');
		expect(formatMinor(500, 'JPY')).toBe('500');
		expect(parseMinor('19.999', 'USD')).toMatch(/at most 2 decimals/);
		expect(parseMinor('19.90', 'USD')).toBe(1990);
	});
});

describe('reading our JSON', () => {
	it('tells each record the line it starts on, and a syntax error its line', () => {
		const text = '{\n  "products": [\n    { "code": "A", "family": "furniture", "variants": [] },\n\n    {\n      "code": "B"\n    }\n  ]\n}';
		const bundle = readAisleJson('p.json', text);
		expect(bundle.products.map((p) => [p.data.code, p.source.line])).toEqual([
			['A', 3],
			['B', 5]
		]);
		const broken = readAisleJson('p.json', '{\n"products": [\n{ "code": "A", }\n]}');
		expect(broken.rejected[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/not valid JSON/) });
	});
});
