import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '$pim';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { addToCart, cartView, clearCart, countItems, getCart, removeLine, removeVariants, setQuantity } from './cart.ts';
import type { AppDb } from './db/index.ts';
import { cart, cartLine } from './db/orders.schema.ts';
import { seedOrdersCatalog, stock } from './orders/test-fixture.ts';

let db: AppDb;
let cleanup: () => void;
let storeId: number;
let sku: Map<string, number>;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	({ storeId, sku } = seedOrdersCatalog(db));
});
afterEach(() => cleanup());

describe('the cart behind a cookie', () => {
	it('is made by the first add and keeps only a hash of the token', () => {
		const token = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: '2' });
		expect(token.length).toBeGreaterThanOrEqual(40);
		expect(getCart(db, token)?.lines).toEqual([{ variantId: sku.get('CHR-1'), quantity: 2 }]);
		expect(db.select().from(cart).all().map((c) => c.tokenHash)).not.toContain(token);
		expect(getCart(db, 'someone-elses-guess')).toBeNull();
	});

	it('adds to a line already there, never past 20, and keeps the same token', () => {
		const token = addToCart(db, null, storeId, { sku: 'TSH-1-RED-S', quantity: 15 });
		expect(addToCart(db, token, storeId, { sku: 'TSH-1-RED-S', quantity: 10 })).toBe(token);
		addToCart(db, token, storeId, { sku: 'TSH-1-BLUE-M', quantity: 1 });
		expect(getCart(db, token)?.lines.map((l) => l.quantity)).toEqual([20, 1]);
		expect(countItems(db, token)).toBe(21);
	});

	it('refuses quantities outside 1 to 20 and SKUs that are not sold', () => {
		const token = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: 1 });
		expect(() => setQuantity(db, token, { sku: 'CHR-1', quantity: 0 })).toThrow(ValidationError);
		expect(() => setQuantity(db, token, { sku: 'CHR-1', quantity: '21' })).toThrow(ValidationError);
		expect(() => addToCart(db, token, storeId, { sku: 'CHR-1', quantity: 'two' })).toThrow(ValidationError);
		// The T-shirt's colour level is not a sellable SKU.
		expect(() => addToCart(db, token, storeId, { sku: 'TSH-1-RED', quantity: 1 })).toThrow(NotFoundError);
		setQuantity(db, token, { sku: 'CHR-1', quantity: '7' });
		expect(getCart(db, token)?.lines[0].quantity).toBe(7);
	});

	it('removes lines, and clearing deletes the cart with its lines', () => {
		const token = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: 1 });
		addToCart(db, token, storeId, { sku: 'TSH-1-RED-S', quantity: 1 });
		removeLine(db, token, 'CHR-1');
		expect(getCart(db, token)?.lines).toEqual([{ variantId: sku.get('TSH-1-RED-S'), quantity: 1 }]);
		clearCart(db, token);
		expect(getCart(db, token)).toBeNull();
		expect(db.select().from(cartLine).all()).toEqual([]);
	});

	it('drops ordered lines and, once nothing is left, the cart itself', () => {
		const token = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: 1 });
		addToCart(db, token, storeId, { sku: 'TSH-1-RED-S', quantity: 1 });
		removeVariants(db, token, [sku.get('CHR-1')!]);
		expect(getCart(db, token)?.lines).toHaveLength(1);
		removeVariants(db, token, [sku.get('TSH-1-RED-S')!]);
		expect(db.select().from(cart).where(eq(cart.storeId, storeId)).all()).toEqual([]);
	});
});

describe('cartView', () => {
	it('says per line: on the shelf here (aisle, bay), delivered (with a date), or not available', () => {
		const shelf = sku.get('TSH-1-RED-S')!;
		const ordered = sku.get('CHR-1')!;
		const none = sku.get('TSH-1-BLUE-M')!;
		stock(db, 'SEA1', shelf, 3, { aisle: '4' });
		stock(db, 'WH', ordered, 10);
		const token = addToCart(db, null, storeId, { sku: 'TSH-1-RED-S', quantity: 2 });
		addToCart(db, token, storeId, { sku: 'CHR-1', quantity: 1 });
		addToCart(db, token, storeId, { sku: 'TSH-1-BLUE-M', quantity: 1 });

		const view = cartView(db, getCart(db, token)!, storeId, 'en', '2026-03-02');
		const source = (id: number) => view.lines.find((l) => l.variantId === id)?.source;
		expect(source(shelf)).toEqual({ kind: 'shelf', aisle: '4', bay: null });
		expect(source(ordered)).toEqual({ kind: 'delivery', date: '2026-03-05' });
		expect(source(none)).toEqual({ kind: 'none' });
		expect(view.count).toBe(4);
		// Only what the shelf lacks is ordered; the shelf line is paid at the counter.
		expect(view.toOrder.map((l) => l.variantId).sort()).toEqual([ordered, none].sort());
		expect(view.order?.unavailable.map((u) => u.variantId)).toEqual([none]);
	});

	it('orders nothing when everything is on the shelf here', () => {
		stock(db, 'SEA1', sku.get('CHR-1')!, 5, { aisle: '2' });
		const token = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: 5 });
		const view = cartView(db, getCart(db, token)!, storeId, 'en');
		expect(view.order).toBeNull();
		expect(view.toOrder).toEqual([]);
	});
});
