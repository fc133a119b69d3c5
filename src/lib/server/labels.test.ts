import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bwip from 'bwip-js/node';
import { saveProduct, ValidationError } from '$pim';
import { chair, gtin13, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import type { AppDb } from './db/index.ts';
import { setStock } from './inventory.ts';
import { labelsFor, printedGtin, qrSvg } from './labels.ts';

let db: AppDb;
let cleanup: () => void;
const base = 'https://aisle.example';
const opts = { locale: 'en', baseUrl: base, today: '2030-06-15' };

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	const onSale = chair('CHR-SALE', 2);
	saveProduct(db, { ...onSale, variants: [{ ...onSale.variants[0], prices: { USD: { amount: 12900, sale: { amount: 9900, start: '2030-06-01', end: '2030-06-30' } } } }] }, 'test');
	const expired = chair('CHR-OLD', 3);
	saveProduct(db, { ...expired, variants: [{ ...expired.variants[0], prices: { USD: { amount: 5000, sale: { amount: 4000, start: null, end: '2030-01-31' } } } }] }, 'test');
	saveProduct(db, chair('CHR-1', 1), 'test');
	// A UPC-A (036000291452), a GTIN-8 (96385074) and no GTIN at all.
	saveProduct(db, { ...chair('CHR-UPC', 0), variants: [{ code: 'CHR-UPC', axes: {}, gtin: '036000291452', prices: { USD: { amount: 100 } } }] }, 'test');
	saveProduct(db, { ...chair('CHR-EAN8', 0), variants: [{ code: 'CHR-EAN8', axes: {}, gtin: '96385074', prices: { USD: { amount: 100 } } }] }, 'test');
	saveProduct(db, { ...chair('CHR-NOGTIN', 0), variants: [{ code: 'CHR-NOGTIN', axes: {}, gtin: null, prices: { USD: { amount: 100 } } }] }, 'test');
	saveProduct(db, { ...chair('CHR-DRAFT', 50), status: 'draft' }, 'test');
	saveProduct(db, tshirt('TSH-1', 100), 'test');
	setStock(db, { location: 'SEA1', sku: 'TSH-1-BLUE-M', onHand: 4 });
	setStock(db, { location: 'SEA1', sku: 'TSH-1-RED-S', onHand: 0 });
	setStock(db, { location: 'PDX1', sku: 'CHR-1', onHand: 7 });
	setStock(db, { location: 'WH', sku: 'CHR-SALE', onHand: 9 });
});

afterAll(() => cleanup());

describe('labelsFor', () => {
	it('prints one label per sellable variant with its options, EAN-13 and Digital Link', async () => {
		const { labels, truncated } = await labelsFor(db, { product: 'TSH-1' }, opts);
		expect(truncated).toBe(false);
		expect(labels.map((l) => l.sku)).toEqual(['TSH-1-RED-S', 'TSH-1-RED-M', 'TSH-1-BLUE-S', 'TSH-1-BLUE-M']);
		const blueM = labels[3];
		expect(blueM.name).toBe('Cotton T-shirt TSH-1');
		expect(blueM.options).toBe('Blue · M');
		expect(blueM.gtin).toBe(gtin13(103));
		expect(blueM.link).toBe(`${base}/01/0${gtin13(103)}`);
		expect(blueM.price).toEqual({ amount: 1900, regular: null, currency: 'USD' });
	});

	it('draws the EAN-13 of the 13-digit form and a QR code of the Digital Link, as SVG', async () => {
		const [label] = (await labelsFor(db, { product: 'CHR-1' }, opts)).labels;
		expect(label.barcodeSvg).toMatch(/^<svg [^>]*viewBox="[\d. ]+"[^>]*>[\s\S]*<\/svg>\s*$/);
		expect(label.barcodeSvg).toBe(bwip.toSVG({ bcid: 'ean13', text: gtin13(1), includetext: true, textxalign: 'center', height: 10 }));
		expect(label.barcodeSvg).not.toBe((await labelsFor(db, { product: 'TSH-1' }, opts)).labels[0].barcodeSvg);
		expect(label.qrSvg).toMatch(/^<svg [\s\S]*<\/svg>\s*$/);
		expect(label.qrSvg).toBe(await qrSvg(`${base}/01/0${gtin13(1)}`));
	});

	it('prints UPC-A and GTIN-8 in their own form, and links a variant without GTIN to its page', async () => {
		const upc = (await labelsFor(db, { product: 'CHR-UPC' }, opts)).labels[0];
		expect(upc.gtin).toBe('036000291452');
		expect(upc.barcodeSvg).toBe(bwip.toSVG({ bcid: 'upca', text: '036000291452', includetext: true, textxalign: 'center', height: 10 }));
		expect(upc.link).toBe(`${base}/01/00036000291452`);
		const ean8 = (await labelsFor(db, { product: 'CHR-EAN8' }, opts)).labels[0];
		expect(ean8.gtin).toBe('96385074');
		expect(ean8.barcodeSvg).toBe(bwip.toSVG({ bcid: 'ean8', text: '96385074', includetext: true, textxalign: 'center', height: 10 }));
		const none = (await labelsFor(db, { product: 'CHR-NOGTIN' }, opts)).labels[0];
		expect(none.gtin).toBeNull();
		expect(none.barcodeSvg).toBeNull();
		expect(none.link).toBe(`${base}/p/CHR-NOGTIN?v=CHR-NOGTIN`);
	});

	it('shows the sale price with the regular one only while the sale runs', async () => {
		expect((await labelsFor(db, { product: 'CHR-SALE' }, opts)).labels[0].price).toEqual({ amount: 9900, regular: 12900, currency: 'USD' });
		expect((await labelsFor(db, { product: 'CHR-SALE' }, { ...opts, today: '2030-07-01' })).labels[0].price).toEqual({ amount: 12900, regular: null, currency: 'USD' });
		expect((await labelsFor(db, { product: 'CHR-OLD' }, opts)).labels[0].price).toEqual({ amount: 5000, regular: null, currency: 'USD' });
	});

	it('localizes names and falls back to English', async () => {
		expect((await labelsFor(db, { product: 'CHR-1' }, { ...opts, locale: 'ru' })).labels[0].name).toBe('Дубовый обеденный стул');
		expect((await labelsFor(db, { product: 'TSH-1' }, { ...opts, locale: 'ru' })).labels[0].name).toBe('Cotton T-shirt TSH-1');
	});

	it('takes a category with its subcategories and leaves out drafts', async () => {
		const skus = (await labelsFor(db, { category: 'furniture' }, opts)).labels.map((l) => l.sku);
		expect(skus).toEqual(['CHR-1', 'CHR-EAN8', 'CHR-NOGTIN', 'CHR-OLD', 'CHR-SALE', 'CHR-UPC']);
		expect((await labelsFor(db, { category: 'apparel' }, opts)).labels).toHaveLength(4);
		expect((await labelsFor(db, { product: 'CHR-DRAFT' }, opts)).labels).toEqual([]);
	});

	it('takes only what is on hand at the store, not in the warehouse or another store', async () => {
		expect((await labelsFor(db, { store: 'SEA1' }, opts)).labels.map((l) => l.sku)).toEqual(['TSH-1-BLUE-M']);
		expect((await labelsFor(db, { store: 'PDX1' }, opts)).labels.map((l) => l.sku)).toEqual(['CHR-1']);
		expect((await labelsFor(db, { store: 'PDX1', category: 'apparel' }, opts)).labels).toEqual([]);
	});

	it('says which field is wrong when a code is unknown or nothing is chosen', async () => {
		const issue = (scope: Parameters<typeof labelsFor>[1]) =>
			labelsFor(db, scope, opts).then(
				() => null,
				(e: unknown) => (e instanceof ValidationError ? e.issues[0].path : String(e))
			);
		expect(await issue({ product: 'NOPE' })).toBe('product');
		expect(await issue({ category: 'nope' })).toBe('category');
		expect(await issue({ store: 'NOPE' })).toBe('store');
		expect(await issue({})).toBe('product');
	});
});

describe('printedGtin', () => {
	it('prints a GTIN-14 with an indicator digit as is, without a linear barcode', () => {
		expect(printedGtin('10012345678902')).toEqual({ text: '10012345678902', bcid: null });
		expect(printedGtin(`0${gtin13(5)}`)).toEqual({ text: gtin13(5), bcid: 'ean13' });
	});
});
