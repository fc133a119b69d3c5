// Used by the orders tests and benchmark only: a small catalog with stock in several places.
import { and, eq } from 'drizzle-orm';
import { saveProduct } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { chair, seedStructure, tshirt } from '../../../../tests/helpers/catalog.ts';
import { seedStores } from '../../../../tests/helpers/stores.ts';
import type { AppDb } from '../db/index.ts';
import { inventory, location, store } from '../db/store.schema.ts';
import { setMeta } from '../db/meta.ts';
import { ORDER_SETTINGS_KEY, type OrderSettings } from './settings.ts';

/** The order placed by tests: a delivery to a valid US address. */
export const DELIVERY = {
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	phone: '',
	fulfilment: 'delivery',
	address: { line1: '1 Pike St', line2: '', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' }
} as const;

/**
 * Structure, two T-shirts' worth of variants and a chair, and the stores of
 * tests/helpers/stores.ts (SEA1 is "here") plus a far shipping store, SFO1. Portland
 * ships too. Returns SEA1's id and a SKU → variant id map.
 */
export function seedOrdersCatalog(db: AppDb, products = 1) {
	seedStructure(db);
	seedStores(db);
	const { id: sfo } = db
		.insert(store)
		.values({ code: 'SFO1', name: 'Aisle San Francisco', street: '1 Market St', city: 'San Francisco', postalCode: '94103', country: 'US', latitude: 37.78, longitude: -122.41, currency: 'USD', taxRateBp: 800, timezone: 'America/Los_Angeles' })
		.returning({ id: store.id })
		.get();
	db.insert(location).values({ code: 'SFO1', kind: 'store', storeId: sfo, name: 'San Francisco', latitude: 37.78, longitude: -122.41, ships: true }).run();
	db.update(location).set({ ships: true }).where(eq(location.code, 'PDX1')).run();
	saveProduct(db, chair('CHR-1'), 'test');
	for (let i = 1; i <= products; i++) saveProduct(db, tshirt(`TSH-${i}`, 100 + i * 10), 'test');
	const storeId = db.select({ id: store.id }).from(store).where(eq(store.code, 'SEA1')).get()!.id;
	const sku = new Map(db.select({ id: variant.id, code: variant.code }).from(variant).where(eq(variant.sellable, true)).all().map((v) => [v.code, v.id]));
	return { storeId, sku };
}

/** Sets on hand (and reserved) of a variant at a location by code, straight into the table. */
export function stock(db: AppDb, locationCode: string, variantId: number, onHand: number, extra: { reserved?: number; aisle?: string } = {}) {
	const loc = db.select({ id: location.id }).from(location).where(eq(location.code, locationCode)).get()!;
	const row = { onHand, reserved: extra.reserved ?? 0, aisle: extra.aisle ?? null };
	db.insert(inventory)
		.values({ locationId: loc.id, variantId, ...row })
		.onConflictDoUpdate({ target: [inventory.locationId, inventory.variantId], set: row })
		.run();
}

/** On hand and reserved of a variant at a location (zeros when it has no row). */
export function stockAt(db: AppDb, locationCode: string, variantId: number) {
	const row = db
		.select({ onHand: inventory.onHand, reserved: inventory.reserved })
		.from(inventory)
		.innerJoin(location, eq(location.id, inventory.locationId))
		.where(and(eq(location.code, locationCode), eq(inventory.variantId, variantId)))
		.get();
	return row ?? { onHand: 0, reserved: 0 };
}

/** Stores order settings for a test. */
export function setOrderSettings(db: AppDb, s: Partial<OrderSettings>) {
	setMeta(db, ORDER_SETTINGS_KEY, JSON.stringify(s));
}
