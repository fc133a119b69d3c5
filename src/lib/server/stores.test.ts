import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, saveProduct, ValidationError } from '$pim';
import { outbox } from '$pim/search/search.schema.ts';
import { chair, seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import type { AppDb } from './db/index.ts';
import { setStock } from './inventory.ts';
import { getStore, listStores, saveLocation, saveStore, storeFormValues, type LocationInput, type StoreInput } from './stores.ts';

let db: AppDb;
let cleanup: () => void;

beforeEach(() => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
});
afterEach(() => cleanup());

const hours = { mon: '10:00-20:00', tue: '10:00-20:00', wed: '10:00-20:00', thu: '10:00-21:00', fri: '10:00-21:00', sat: '09:00-18:00', sun: '' };

/** The Vancouver store as its form posts it: every field a string. */
const vancouver = (over: Record<string, unknown> = {}): StoreInput =>
	({
		code: 'YVR1',
		name: 'Aisle Vancouver',
		street: '700 W Georgia St',
		city: 'Vancouver',
		region: 'BC',
		postalCode: 'V7Y 1G5',
		country: 'ca',
		latitude: '49.2827',
		longitude: '-123.1207',
		currency: 'cad',
		taxRate: '12',
		taxIncluded: undefined,
		timezone: 'America/Vancouver',
		openingHours: hours,
		...over
	}) as StoreInput;

const shelves = (over: Partial<LocationInput> = {}): LocationInput => ({
	code: 'SEA1',
	name: 'Seattle',
	kind: 'store',
	store: 'SEA1',
	latitude: 47.6,
	longitude: -122.3,
	safetyStock: 0,
	ships: false,
	...over
});

function issuesOf(fn: () => unknown): Record<string, string> {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return Object.fromEntries((e as ValidationError).issues.map((i) => [i.path, i.message]));
	}
	throw new Error('expected a ValidationError');
}

const queued = () => db.selectDistinct({ id: outbox.entityId }).from(outbox).all().map((r) => r.id).sort((a, b) => a - b);

describe('stores', () => {
	it('creates a store from form strings, with its shelves as a stock location', () => {
		saveStore(db, vancouver(), { existing: null });
		const s = getStore(db, 'YVR1')!;
		expect(s).toMatchObject({ country: 'CA', currency: 'CAD', latitude: 49.2827, longitude: -123.1207, taxRateBp: 1200, taxIncluded: false, region: 'BC' });
		expect(s.openingHours).toMatchObject({ sat: '09:00-18:00', sun: 'closed' });
		expect(s.locations.map((l) => [l.code, l.kind])).toEqual([['YVR1', 'store']]);
		expect(storeFormValues(s)).toMatchObject({ taxRate: 12, openingHours: { sun: '' } });
	});

	it('says what is wrong with each field', () => {
		const issues = issuesOf(() =>
			saveStore(
				db,
				vancouver({ latitude: '91', longitude: 'west', country: 'XX', timezone: 'Pacific/Atlantis', taxRate: '8.125', openingHours: { ...hours, mon: '9-5', tue: '21:00-09:00' } }),
				{ existing: null }
			)
		);
		expect(issues).toEqual({
			latitude: 'Between -90 and 90',
			longitude: 'Enter a number',
			country: 'Not a country code',
			timezone: 'Not a time zone such as America/Los_Angeles',
			taxRate: 'At most two decimals',
			'openingHours.mon': 'Like 09:00-21:00, or empty when closed',
			'openingHours.tue': 'Closes before it opens'
		});
	});

	it('refuses a taken code and keeps codes fixed once made', () => {
		expect(() => saveStore(db, vancouver({ code: 'SEA1' }), { existing: null })).toThrow(ConflictError);
		saveStore(db, vancouver(), { existing: null });
		expect(issuesOf(() => saveStore(db, vancouver({ code: 'YVR2' }), { existing: 'YVR1' })).code).toMatch(/stays YVR1/);
	});

	it('moving a store reindexes nothing', () => {
		const id = saveProduct(db, chair(), 'ana').id;
		setStock(db, { location: 'SEA1', sku: 'CHR-1', onHand: 3 });
		db.delete(outbox).run();
		const sea = storeFormValues(getStore(db, 'SEA1')!);
		saveStore(db, { ...sea, latitude: 47.61, longitude: -122.34, openingHours: hours }, { existing: 'SEA1' });
		expect(getStore(db, 'SEA1')!.latitude).toBe(47.61);
		expect(queued()).not.toContain(id);
		expect(queued()).toEqual([]);
	});
});

describe('stock locations', () => {
	it('a change to safety stock or shipping sends the products stocked there to search', () => {
		const chairId = saveProduct(db, chair(), 'ana').id;
		const shirtId = saveProduct(db, tshirt(), 'ana').id;
		const elsewhere = saveProduct(db, chair('CHR-2', 2), 'ana').id;
		setStock(db, { location: 'SEA1', sku: 'CHR-1', onHand: 3 });
		setStock(db, { location: 'SEA1', sku: 'TSH-1-RED-M', onHand: 2 });
		setStock(db, { location: 'PDX1', sku: 'CHR-2', onHand: 2 });
		db.delete(outbox).run();

		expect(saveLocation(db, shelves({ name: 'Seattle shelves' }), { existing: 'SEA1' }).touched).toBe(0);
		expect(queued()).toEqual([]);

		expect(saveLocation(db, shelves({ ships: true, safetyStock: 2 }), { existing: 'SEA1' }).touched).toBe(2);
		expect(queued()).toEqual([chairId, shirtId]);
		expect(queued()).not.toContain(elsewhere);
	});

	it('shelves need a store; a warehouse may stand alone', () => {
		expect(issuesOf(() => saveLocation(db, shelves({ code: 'SEA2', store: null }), { existing: null })).store).toBe('Shelves belong to a store');
		expect(issuesOf(() => saveLocation(db, shelves({ code: 'SEA2', store: 'NOPE' }), { existing: null })).store).toBe('No store NOPE');
		saveLocation(db, { code: 'WH-2', name: 'Overflow', kind: 'warehouse', store: '', latitude: '40', longitude: '-120', safetyStock: '1', ships: 'on' }, { existing: null });
		const { stores, unattached } = listStores(db);
		expect(unattached.map((l) => [l.code, l.ships, l.safetyStock])).toEqual([['WH', true, 2], ['WH-2', true, 1]]);
		expect(stores.map((s) => [s.code, s.locations.map((l) => l.code)])).toEqual([['PDX1', ['PDX1']], ['SEA1', ['SEA1']]]);
	});
});
