import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { addToCart, getCart } from './cart.ts';
import type { AppDb } from './db/index.ts';
import { cartHandoff } from './db/orders.schema.ts';
import { continueOnPhone, createHandoff, HANDOFF_MINUTES, productCodesOf, pruneHandoffs, redeemHandoff } from './handoff.ts';
import { seedOrdersCatalog } from './orders/test-fixture.ts';

let db: AppDb;
let cleanup: () => void;
let storeId: number;
let sku: Map<string, number>;
let kioskCart: string;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	({ storeId, sku } = seedOrdersCatalog(db));
	kioskCart = addToCart(db, null, storeId, { sku: 'CHR-1', quantity: 2 });
	addToCart(db, kioskCart, storeId, { sku: 'TSH-1-BLUE-M', quantity: 1 });
});
afterEach(() => cleanup());

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('carrying a kiosk cart to a phone', () => {
	it('gives the phone its own cart with the same lines in the kiosk store', () => {
		const token = createHandoff(db, kioskCart)!;
		const phoneCart = continueOnPhone(db, token)!;
		expect(phoneCart).not.toBe(kioskCart);
		expect(getCart(db, phoneCart)).toMatchObject({
			storeId,
			lines: [
				{ variantId: sku.get('CHR-1'), quantity: 2 },
				{ variantId: sku.get('TSH-1-BLUE-M'), quantity: 1 }
			]
		});
		// The kiosk keeps its cart.
		expect(getCart(db, kioskCart)?.lines).toHaveLength(2);
	});

	it('works once: a second scan of the same code gets nothing', () => {
		const token = createHandoff(db, kioskCart)!;
		expect(redeemHandoff(db, token)?.lines).toHaveLength(2);
		expect(redeemHandoff(db, token)).toBeNull();
		expect(continueOnPhone(db, token)).toBeNull();
	});

	it(`expires after ${HANDOFF_MINUTES} minutes`, () => {
		const token = createHandoff(db, kioskCart)!;
		expect(redeemHandoff(db, token, minutes(HANDOFF_MINUTES + 1))).toBeNull();
		expect(redeemHandoff(db, token, minutes(HANDOFF_MINUTES - 1))).not.toBeNull();
	});

	it('stores only a hash of the token, and refuses guesses', () => {
		const token = createHandoff(db, kioskCart)!;
		expect(token.length).toBeGreaterThanOrEqual(40);
		expect(db.select().from(cartHandoff).all().map((h) => h.tokenHash)).not.toContain(token);
		expect(redeemHandoff(db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
	});

	it('makes no code for an empty or unknown cart', () => {
		expect(createHandoff(db, 'no-such-cart')).toBeNull();
		expect(createHandoff(db, undefined)).toBeNull();
	});

	it('prunes codes that are spent or expired and keeps live ones', () => {
		const spent = createHandoff(db, kioskCart)!;
		redeemHandoff(db, spent);
		createHandoff(db, kioskCart, minutes(-HANDOFF_MINUTES - 1));
		const live = createHandoff(db, kioskCart)!;
		expect(pruneHandoffs(db, minutes(0.01))).toBe(2);
		expect(redeemHandoff(db, live)).not.toBeNull();
	});

	it('links each carried line to its product page', () => {
		const codes = productCodesOf(db, [sku.get('CHR-1')!, sku.get('TSH-1-BLUE-M')!]);
		expect([codes.get(sku.get('CHR-1')!), codes.get(sku.get('TSH-1-BLUE-M')!)]).toEqual(['CHR-1', 'TSH-1']);
	});
});
