import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProduct } from '$pim';
import { chair, gtin13, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import type { AppDb } from './db/index.ts';
import { productByGtin, productBySku, productHref } from './resolve.ts';

let db: AppDb;
let cleanup: () => void;

beforeAll(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	saveProduct(db, chair('CHR-1', 1), 'test');
	saveProduct(db, tshirt('TSH-1', 100), 'test');
	saveProduct(db, { ...chair('CHR-DRAFT', 50), status: 'draft' }, 'test');
});
afterAll(() => cleanup());

describe('productByGtin', () => {
	it('finds the variant that carries the GTIN, so the scan opens it chosen', () => {
		expect(productByGtin(db, `0${gtin13(1)}`)).toEqual({ code: 'CHR-1', sku: 'CHR-1' });
		// tshirt: RED-S 100, RED-M 101, BLUE-S 102, BLUE-M 103
		expect(productByGtin(db, `0${gtin13(102)}`)).toEqual({ code: 'TSH-1', sku: 'TSH-1-BLUE-S' });
	});

	it('finds nothing for unknown GTINs and for products that are not published', () => {
		expect(productByGtin(db, `0${gtin13(999)}`)).toBeNull();
		expect(productByGtin(db, `0${gtin13(50)}`)).toBeNull();
	});
});

describe('productBySku', () => {
	it('keeps a variant of the product and drops one that is not', () => {
		expect(productBySku(db, 'TSH-1', 'TSH-1-RED-M')).toEqual({ code: 'TSH-1', sku: 'TSH-1-RED-M' });
		expect(productBySku(db, 'TSH-1', 'TSH-1-RED')).toEqual({ code: 'TSH-1', sku: null });
		expect(productBySku(db, 'TSH-1', 'CHR-1')).toEqual({ code: 'TSH-1', sku: null });
		expect(productBySku(db, 'TSH-1')).toEqual({ code: 'TSH-1', sku: null });
	});

	it('finds nothing for unknown or unpublished products', () => {
		expect(productBySku(db, 'NOPE', null)).toBeNull();
		expect(productBySku(db, 'CHR-DRAFT', 'CHR-DRAFT')).toBeNull();
	});
});

describe('productHref', () => {
	it('links the kiosk or the phone page with the variant', () => {
		expect(productHref({ code: 'TSH-1', sku: 'TSH-1-RED-M' })).toBe('/p/TSH-1?v=TSH-1-RED-M');
		expect(productHref({ code: 'TSH-1', sku: null }, true)).toBe('/m/p/TSH-1');
	});
});
