import type { AppDb } from '../../src/lib/server/db/index.ts';
import { location, store } from '../../src/lib/server/db/store.schema.ts';

/** Two stores and a warehouse, enough for availability. */
export function seedStores(db: AppDb) {
	const mk = (code: string, city: string, lat: number, lng: number) => {
		const { id } = db
			.insert(store)
			.values({ code, name: `Aisle ${city}`, street: '1 Main St', city, postalCode: '00000', country: 'US', latitude: lat, longitude: lng, currency: 'USD', taxRateBp: 800, timezone: 'America/Los_Angeles' })
			.returning({ id: store.id })
			.get();
		db.insert(location).values({ code, kind: 'store', storeId: id, name: city, latitude: lat, longitude: lng, ships: false }).run();
	};
	mk('SEA1', 'Seattle', 47.6, -122.3);
	mk('PDX1', 'Portland', 45.5, -122.7);
	db.insert(location).values({ code: 'WH', kind: 'warehouse', name: 'Warehouse', latitude: 39.5, longitude: -119.8, ships: true, safetyStock: 2 }).run();
}
