import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { saveProduct } from '../../pim/index.ts';
import type { AppDb } from '../../src/lib/server/db/index.ts';
import { setStock } from '../../src/lib/server/inventory.ts';
import { createMeiliClient, PRODUCTS_INDEX } from '../../src/lib/server/search/client.ts';
import { freePort, startMeilisearch, type MeiliProcess } from '../../src/lib/server/search/meili-server.ts';
import { searchParamsSchema } from '../../src/lib/server/search/query.ts';
import { MeiliHealth, searchProducts } from '../../src/lib/server/search/search.ts';
import { ensureIndexCurrent, SearchSyncWorker } from '../../src/lib/server/search/sync.ts';
import { chair, seedStructure, tshirt } from '../helpers/catalog.ts';
import { createTestDb } from '../helpers/db.ts';
import { seedStores } from '../helpers/stores.ts';

let db: AppDb;
let cleanup: () => void;
let meili: Meilisearch;

const params = (p: Record<string, unknown>) => searchParamsSchema.parse(p);

async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<{ value: T; ms: number }> {
	const started = Date.now();
	for (;;) {
		const value = await fn().catch(() => undefined);
		if (value) return { value, ms: Date.now() - started };
		if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

beforeAll(async () => {
	({ db, cleanup } = createTestDb());
	seedStructure(db);
	seedStores(db);
	for (let i = 1; i <= 30; i++) saveProduct(db, chair(`CHR-${i}`, i), 'seed');
	saveProduct(db, tshirt('TSH-1', 500), 'seed');
	saveProduct(db, chair('CHR-ZH', 99, { values: { name: { '*': { en: 'Walnut armchair', 'zh-CN': '胡桃木扶手椅', ru: 'Кресло из ореха' } }, brand: { '*': { '*': 'Hema' } }, material: { '*': { '*': 'oak' } } } }), 'seed');
	saveProduct(db, chair('CHR-DRAFT', 98, { status: 'draft', values: { name: { '*': { en: 'Secret prototype chair' } } } }), 'seed');
	setStock(db, { location: 'SEA1', sku: 'CHR-1', onHand: 3, aisle: '4', bay: 'B2' });
	setStock(db, { location: 'WH', sku: 'CHR-2', onHand: 10 });
	meili = createMeiliClient(inject('meiliUrl'), inject('meiliKey'));
	for (const index of (await meili.getIndexes({ limit: 100 })).results) await meili.deleteIndex(index.uid).waitTask();
});
afterAll(() => cleanup());

describe('search sync against a real Meilisearch', () => {
	const health = new MeiliHealth();

	it('builds the index at start and answers a misspelled name with that product first', async () => {
		expect(await ensureIndexCurrent({ db, meili })).toBe('rebuilt');
		const stats = await meili.index(PRODUCTS_INDEX).getStats();
		expect(stats.numberOfDocuments).toBe(32); // 32 published, the draft is not indexed
		const r = await searchProducts({ db, meili, health }, params({ q: 'Oak dinnig chair CHR-7' }));
		expect(r.degraded).toBe(false);
		expect(r.hits[0].code).toBe('CHR-7');
		expect(r.hits[0].nameParts.some((p) => p.hit)).toBe(true);
		const none = await searchProducts({ db, meili, health }, params({ q: 'Secret prototype' }));
		expect(none.hits.map((h) => h.code)).not.toContain('CHR-DRAFT');
	});

	it('a second start trusts the index it finds', async () => {
		expect(await ensureIndexCurrent({ db, meili })).toBe('current');
	});

	it('finds Chinese names by pinyin, and GTINs as printed', async () => {
		const r = await searchProducts({ db, meili, health }, params({ q: 'fushouyi' }));
		expect(r.hits[0]?.code).toBe('CHR-ZH');
		// 椅子 ("chairs") is the category's Chinese label: "yizi" on a Latin keyboard finds them.
		const chairs = await searchProducts({ db, meili, health }, params({ q: 'yizi' }));
		expect(chairs.total).toBe(31);
		const byName = await searchProducts({ db, meili, health }, params({ q: '扶手椅', locale: 'zh-CN' }));
		expect(byName.hits[0]).toMatchObject({ code: 'CHR-ZH', name: '胡桃木扶手椅' });
	});

	it('gives facets, stock here and filters', async () => {
		const r = await searchProducts({ db, meili, health }, params({ q: 'chair', store: 'SEA1', in_stock: '1' }));
		expect(r.hits.map((h) => h.code)).toEqual(['CHR-1']);
		expect(r.hits[0].inStockHere).toBe(true);
		const all = await searchProducts({ db, meili, health }, params({ q: '', store: 'SEA1' }));
		expect(all.facets?.brand.map((b) => b.value).sort()).toEqual(['Hema', 'Linea', 'Nordhus']);
		expect(all.facets?.colour.find((c) => c.value === 'red')).toMatchObject({ label: 'Red', hex: '#c0392b', count: 1 });
		expect(all.facets?.inStock).toBe(1);
		const shirts = await searchProducts({ db, meili, health }, params({ size: ['M'] }));
		expect(shirts.hits.map((h) => h.code)).toEqual(['TSH-1']);
	});

	it('puts an edit into search within 2 seconds through the outbox', async () => {
		const worker = new SearchSyncWorker({ db, meili }, 100);
		worker.start();
		try {
			const edited = chair('CHR-3', 3);
			edited.values!.name['*'].en = 'Lacquered barstool';
			saveProduct(db, edited, 'ana');
			const { ms } = await eventually(async () => {
				const r = await searchProducts({ db, meili, health }, params({ q: 'lacquered' }));
				return r.hits[0]?.code === 'CHR-3';
			}, 2000);
			expect(ms).toBeLessThan(2000);
			setStock(db, { location: 'PDX1', sku: 'CHR-3', onHand: 2 });
			await eventually(async () => {
				const r = await searchProducts({ db, meili, health }, params({ q: 'lacquered', store: 'PDX1' }));
				return r.hits[0]?.inStockHere === true;
			}, 2000);
		} finally {
			await worker.stop();
		}
	});
});

describe('while Meilisearch is down', () => {
	let dir: string;
	let own: MeiliProcess;
	let port: number;
	const key = 'down-test-master-key-0123456789';

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'aisle-test-meili-down-'));
		port = await freePort();
		own = await startMeilisearch({ dir, masterKey: key, logFile: join(dir, 'log'), port });
	});
	afterAll(async () => {
		await own.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('answers from SQLite, loses no edit, and catches up within 2 s of its return', async () => {
		const admin = createMeiliClient(own.url, key);
		const searchClient = createMeiliClient(own.url, key, 500);
		const health = new MeiliHealth();
		await ensureIndexCurrent({ db, meili: admin });
		const worker = new SearchSyncWorker({ db, meili: admin }, 100);
		worker.start();
		try {
			await own.stop();
			const down = await searchProducts({ db, meili: searchClient, health }, params({ q: 'dining chair', store: 'SEA1' }));
			expect(down.degraded).toBe(true);
			expect(down.facets).toBeNull();
			expect(down.total).toBeGreaterThan(20);
			expect(down.hits[0].price?.amount).toBe(12900);
			const zh = await searchProducts({ db, meili: searchClient, health }, params({ q: '扶手' }));
			expect(zh.hits.map((h) => h.code)).toEqual(['CHR-ZH']);
			const byGtin = await searchProducts({ db, meili: searchClient, health }, params({ q: chair('CHR-5', 5).variants[0].gtin as string }));
			expect(byGtin.hits.map((h) => h.code)).toEqual(['CHR-5']);

			const edited = chair('CHR-4', 4);
			edited.values!.name['*'].en = 'Rattan lounger';
			saveProduct(db, edited, 'ana');
			const meanwhile = await searchProducts({ db, meili: searchClient, health }, params({ q: 'rattan' }));
			expect(meanwhile).toMatchObject({ degraded: true, total: 1 });
			await new Promise((r) => setTimeout(r, 1500)); // the worker fails and retries meanwhile

			own = await startMeilisearch({ dir, masterKey: key, logFile: join(dir, 'log'), port });
			const { ms } = await eventually(async () => {
				const r = await searchProducts({ db, meili: searchClient, health }, params({ q: 'rattan' }));
				return !r.degraded && r.hits[0]?.code === 'CHR-4';
			}, 2000);
			expect(ms).toBeLessThan(2000);
		} finally {
			await worker.stop();
		}
	});
});
