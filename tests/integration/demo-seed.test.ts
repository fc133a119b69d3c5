import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { imageFile, loadDefinition, productSearchViews } from '../../pim/index.ts';
import type { AppDb } from '../../src/lib/server/db/index.ts';
import { seedDemoCatalog } from '../../src/lib/server/demo/seed.ts';
import { demoSetupToken, findSetupLink } from '../../src/lib/server/kiosk.ts';
import { createTestDb } from '../helpers/db.ts';

let db: AppDb;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
	({ db, dir, cleanup } = createTestDb());
	await seedDemoCatalog(db, { products: 120, seed: 42, mediaDir: join(dir, 'media'), sessionSecret: 'secret' });
}, 120_000);
afterAll(() => cleanup());

describe('the demo catalog', () => {
	it('publishes every product complete for the kiosk in all three languages', () => {
		const rows = db.all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM product GROUP BY status`);
		expect(rows).toEqual([{ status: 'published', n: 120 }]);
		const incomplete = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM completeness WHERE channel = 'kiosk' AND ratio < 100`).n;
		expect(incomplete).toBe(0);
		const families = db.all<{ code: string }>(sql`SELECT DISTINCT f.code FROM product p JOIN family f ON f.id = p.family_id`);
		expect(families.length).toBeGreaterThanOrEqual(3);
	});

	it('has a picture on disk for every product, and GTINs for every sellable variant', () => {
		const views = productSearchViews(db, loadDefinition(db), db.all<{ id: number }>(sql`SELECT id FROM product`).map((r) => r.id));
		for (const v of views) {
			expect(v.image, v.code).toBeTruthy();
			expect(existsSync(join(dir, 'media', imageFile(v.image!, 640))), v.code).toBe(true);
			expect(v.gtins.length).toBe(v.sellables.length);
			expect(Object.keys(v.name).sort()).toEqual(['en', 'ru', 'zh-CN']);
		}
		const twoLevel = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM variant WHERE level = 2`).n;
		expect(twoLevel).toBeGreaterThan(0);
	});

	it('leaves every store with products it lacks that the warehouse or another store holds', () => {
		const stores = db.all<{ code: string }>(sql`SELECT code FROM location WHERE kind = 'store'`);
		expect(stores).toHaveLength(4);
		for (const { code } of stores) {
			const missingHere = db.get<{ n: number }>(sql`
				SELECT count(*) AS n FROM inventory here JOIN location l ON l.id = here.location_id
				WHERE l.code = ${code} AND here.on_hand - here.reserved = 0
				AND EXISTS (SELECT 1 FROM inventory other WHERE other.variant_id = here.variant_id AND other.location_id <> here.location_id AND other.on_hand - other.reserved > 0)`).n;
			expect(missingHere, code).toBeGreaterThan(0);
		}
	});

	it('has approved reviews with ratings, and a working setup link per store', () => {
		const r = db.get<{ n: number; lo: number; hi: number }>(sql`SELECT count(*) AS n, min(rating) AS lo, max(rating) AS hi FROM review WHERE status = 'approved'`);
		expect(r.n).toBeGreaterThan(100);
		expect([r.lo, r.hi]).toEqual([1, 5]);
		expect(findSetupLink(db, 'SEA1', demoSetupToken('secret', 'SEA1'))?.storeCode).toBe('SEA1');
		expect(findSetupLink(db, 'SEA1', demoSetupToken('other', 'SEA1'))).toBeNull();
	});
});
