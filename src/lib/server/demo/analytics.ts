import type { Faker } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/index.ts';
import { localDay } from '../analytics/normalize.ts';

/** Searches shoppers make that the demo catalog cannot answer: the "no results" list has something to act on. */
const MISSES = ['bean bag', 'standing desk mat', 'hammock', 'air fryer', 'kids bunk bed', 'lava lamp', 'ottoman storage', 'phone tripod'];

/**
 * Thirty days of shopper visits on the demo stores' kiosks, so the PIM's analytics show
 * something on a fresh demo: searches for words from the catalog's own names (and a few it
 * cannot answer), product views, scans, 3D and AR opens and cart adds, in funnel proportions.
 * Orders are not invented: the orders report reads real orders only.
 */
export function seedDemoAnalytics(db: AppDb, faker: Faker, today: Date, visitsPerDay = 40) {
	const stores = db.all<{ code: string; timezone: string }>(sql`SELECT code, timezone FROM store ORDER BY id`);
	const products = db.all<{ code: string; name: string; model: number }>(
		sql`SELECT p.code AS code, json_extract(p."values", '$.name."*".en') AS name,
			EXISTS (SELECT 1 FROM product_media m WHERE m.product_id = p.id AND m.role = 'model3d') AS model
			FROM product p WHERE p.status = 'published' ORDER BY p.id`
	);
	if (!stores.length || !products.length) return;
	const words = [...new Set(products.flatMap((p) => String(p.name ?? '').toLowerCase().split(/\s+/)).filter((w) => w.length >= 4))];
	const insert = db.$client.prepare(
		'INSERT INTO analytics_event (kind, at, day, store, channel, visit, query, results, product, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
	);
	db.$client.transaction(() => {
		for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
			for (let v = 0; v < visitsPerDay; v++) {
				const store = faker.helpers.arrayElement(stores);
				// Opening hours, roughly: 10:00–19:00 in the store's time zone is 17:00–02:00 UTC on the US west coast.
				let at = new Date(today.getTime() - daysAgo * 86400_000 - faker.number.int({ min: 0, max: 9 * 3600_000 }));
				const visit = faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
				const add = (kind: string, fields: { query?: string; results?: number; product?: string; outcome?: string }) => {
					at = new Date(at.getTime() + faker.number.int({ min: 5_000, max: 90_000 }));
					if (at > today) return;
					insert.run(kind, at.toISOString(), localDay(at, store.timezone), store.code, 'kiosk', visit, fields.query ?? null, fields.results ?? null, fields.product ?? null, fields.outcome ?? null);
				};
				const product = faker.helpers.arrayElement(products);
				if (faker.number.float() < 0.15) {
					add('scan', { outcome: faker.helpers.weightedArrayElement([{ weight: 8, value: 'variant' }, { weight: 3, value: 'product' }, { weight: 1, value: 'unknown' }]) });
				} else if (faker.number.float() < 0.1) {
					add('search', { query: faker.helpers.arrayElement(MISSES), results: 0 });
					continue;
				} else {
					const query = faker.number.float() < 0.5 ? faker.helpers.arrayElement(words) : String(product.name ?? '').toLowerCase().split(/\s+/).slice(-1)[0];
					add('search', { query, results: faker.number.int({ min: 1, max: 60 }) });
				}
				if (faker.number.float() < 0.25) continue;
				add('product_view', { product: product.code });
				if (product.model && faker.number.float() < 0.3) {
					add('view_3d', { product: product.code });
					if (faker.number.float() < 0.3) add('view_ar', { product: product.code });
				}
				if (faker.number.float() < 0.2) add('cart_add', { product: product.code });
			}
		}
	})();
}
