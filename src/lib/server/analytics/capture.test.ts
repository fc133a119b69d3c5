import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { asc } from 'drizzle-orm';
// SvelteKit's own way of running code inside a request, so `getRequestEvent` answers as it does in the app.
// @ts-expect-error SvelteKit publishes no types for its internal entry point.
import { with_request_store as withRequest } from '@sveltejs/kit/internal/server';
import { saveProduct } from '$pim';
import { chair, gtin13 } from '../../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { SessionUser } from '../auth.ts';
import * as carts from '../cart.ts';
import { placeFromCart } from '../checkout.ts';
import { analyticsEvent } from '../db/analytics.schema.ts';
import { DELIVERY, seedOrdersCatalog, stock } from '../orders/test-fixture.ts';
import { createMeiliClient } from '../search/client.ts';
import { MeiliHealth } from '../search/search.ts';
import { ensureIndexCurrent } from '../search/sync.ts';
import { AnalyticsRecorder } from './recorder.ts';

/**
 * The capture points as the app runs them: the kiosk's search and scan endpoints against a
 * real Meilisearch, and an order placed from a cart, all into a real SQLite file.
 */
const t = createTestDb();
const { storeId, sku } = seedOrdersCatalog(t.db);
for (let i = 2; i <= 4; i++) saveProduct(t.db, chair(`CHR-${i}`, i), 'test');
const meili = createMeiliClient(inject('meiliUrl'), inject('meiliKey'));
const health = new MeiliHealth();
const recorder = new AnalyticsRecorder(t.db);
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db, searchMeili: meili, health, analytics: recorder, config: { sessionSecret: 'test' } }) }));
const search = (await import('../../../routes/api/search/+server.ts')).GET as unknown as (e: object) => Promise<Response>;
const scan = (await import('../../../routes/api/scan/+server.ts')).GET as unknown as (e: object) => Response;

beforeAll(async () => {
	for (const index of (await meili.getIndexes({ limit: 100 })).results) await meili.deleteIndex(index.uid).waitTask();
	await ensureIndexCurrent({ db: t.db, meili });
}, 60_000);
beforeEach(() => {
	recorder.tick(new Date(Date.now() + 3600_000));
	t.db.delete(analyticsEvent).run();
});
afterAll(() => t.cleanup());

const with_request_store = withRequest as <T>(store: { event: object }, fn: () => T) => T;
const sea = { deviceId: 1, storeId, storeCode: 'SEA1' };
const merchandiser = { id: 9, role: 'merchandiser', name: 'Mira', email: 'm@example.com' } as SessionUser;

/** A request as the hooks leave it. */
function event(path: string, { visit = null as string | null, kiosk = sea as typeof sea | null, user = null as SessionUser | null } = {}) {
	return {
		url: new URL(`http://localhost${path}`),
		locals: { kiosk, user, sessionToken: null },
		cookies: { get: (name: string) => (name === 'aisle_visit' ? (visit ?? undefined) : undefined) }
	};
}
const stored = () => {
	recorder.tick(new Date(Date.now() + 60_000));
	return t.db.select().from(analyticsEvent).orderBy(asc(analyticsEvent.id)).all();
};

describe('the kiosk search endpoint', () => {
	it("counts the query the shopper settled on, with Meilisearch's count, not each keystroke", async () => {
		const visit = 'visit-typing-0001';
		for (const q of ['o', 'oa', 'oak', 'oak c', 'oak ch', 'oak chair']) expect((await search(event(`/api/search?q=${encodeURIComponent(q)}`, { visit }))).status).toBe(200);
		const found = (await (await search(event('/api/search?q=oak+chair', { visit }))).json()) as { total: number };
		expect(found.total).toBeGreaterThan(0);
		await search(event('/api/search?q=zorblat', { visit }));
		expect(stored().map((e) => [e.kind, e.query, e.results, e.store, e.channel, e.visit])).toEqual([
			['search', 'oak chair', found.total, 'SEA1', 'kiosk', visit],
			['search', 'zorblat', 0, 'SEA1', 'kiosk', visit]
		]);
	});

	it("leaves out the PIM's try-it searches and requests that bring no visit", async () => {
		await search(event('/api/search?q=chair', { kiosk: null, user: merchandiser }));
		await search(event('/api/search?q=chair'));
		// A bad request is answered as before and records nothing.
		expect((await search(event('/api/search?q=chair&per_page=9999', { visit: 'visit-typing-0002' }))).status).toBe(400);
		expect(stored()).toEqual([]);
	});
});

describe('the scan endpoint', () => {
	it('records what each scan led to', async () => {
		const visit = 'visit-scanning-01';
		expect(scan(event(`/api/scan?gtin=${gtin13(2).padStart(14, '0')}`, { visit })).status).toBe(200);
		expect(scan(event('/api/scan?code=CHR-3', { visit })).status).toBe(200);
		expect(scan(event(`/api/scan?gtin=${gtin13(777).padStart(14, '0')}`, { visit })).status).toBe(404);
		// No code at all: not a scan.
		expect(scan(event('/api/scan', { visit })).status).toBe(404);
		expect(stored().map((e) => [e.kind, e.outcome, e.product])).toEqual([
			['scan', 'variant', 'CHR-2'],
			['scan', 'product', 'CHR-3'],
			['scan', 'unknown', null]
		]);
	});
});

describe('checkout', () => {
	it('records an order once, in its store and visit, however often it is submitted', () => {
		stock(t.db, 'WH', sku.get('TSH-1-RED-S')!, 10);
		const token = carts.addToCart(t.db, null, storeId, { sku: 'TSH-1-RED-S', quantity: 1 });
		const values = { ...DELIVERY, ...DELIVERY.address };
		const by = { storeId, associateId: null, actor: 'Kiosk SEA1 #1', locale: 'en', secret: 'test' };
		const request = { event: event('/checkout', { visit: 'visit-ordering-01' }) };
		const placed = with_request_store(request, () => placeFromCart(t.db, token, by, values, 'key-1'));
		expect(placed?.order.code).toBeTruthy();
		// A double tap: the same key, the same order, nothing more counted.
		with_request_store(request, () => placeFromCart(t.db, token, by, values, 'key-1'));
		expect(stored().map((e) => [e.kind, e.store, e.channel, e.visit])).toEqual([['order', 'SEA1', 'kiosk', 'visit-ordering-01']]);
	});
});
