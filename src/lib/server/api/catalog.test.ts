import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { saveProduct } from '$pim';
import { product } from '$pim/catalog/catalog.schema.ts';
import { media, productMedia } from '$pim/media/media.schema.ts';
import { chair } from '../../../../tests/helpers/catalog.ts';
import { BASE, call, startTestApp, stopTestApp, tokenWith, type Answer } from './test-kit.ts';
import { ops } from './test-routes.ts';
import type { ApiCategory, ApiProduct } from './catalog.ts';
import type { Page } from './cursor.ts';

vi.mock('$lib/server/app', async () => ({ app: (await import('./test-kit.ts')).testApp }));

let token: string;
let db: ReturnType<typeof startTestApp>['db'];

beforeAll(() => {
	({ db } = startTestApp(3)); // CHR-1 and TSH-1…3
	token = tokenWith('catalog:read');
	// A draft and an archived product, which other channels do not see by default.
	saveProduct(db, chair('CHR-DRAFT', 50, { status: 'draft' }), 'test');
	saveProduct(db, chair('CHR-OLD', 51, { status: 'archived' }), 'test');
	// An image and a 3D model on the first chair, one of them on its variant.
	const chairId = db.select({ id: product.id }).from(product).where(eq(product.code, 'CHR-1')).get()!.id;
	const file = (kind: string, n: number) => `${kind}/ab/${String(n).repeat(64).slice(0, 64)}`;
	const img = db.insert(media).values({ kind: 'image', checksum: 'a', file: file('images', 1), mime: 'image/webp', bytes: 10, width: 1200, height: 900 }).returning().get();
	const glb = db.insert(media).values({ kind: 'model3d', checksum: 'b', file: file('models', 2), mime: 'model/gltf-binary', bytes: 10 }).returning().get();
	db.insert(productMedia).values({ productId: chairId, mediaId: img.id, role: 'image', position: 0, alt: { en: 'The chair from the front' } }).run();
	db.insert(productMedia).values({ productId: chairId, mediaId: glb.id, role: 'model3d', position: 1, alt: {} }).run();
});
afterAll(() => stopTestApp());

const list = (query = '', t = token) => call(ops.listProducts, { token: t, query });

async function walk(query: string, limit: number): Promise<{ codes: string[]; pages: number }> {
	const codes: string[] = [];
	let next: string | null = `${BASE}/api/v1/products?${query}${query ? '&' : ''}limit=${limit}`;
	let pages = 0;
	while (next) {
		const res: Answer = await list(new URL(next).search.slice(1));
		expect(res.status).toBe(200);
		const body = res.body as Page<ApiProduct>;
		codes.push(...body.data.map((p) => p.code));
		if (body.next) expect(res.headers.get('link')).toBe(`<${body.next}>; rel="next"`);
		next = body.next;
		pages++;
		expect(pages).toBeLessThan(20);
	}
	return { codes, pages };
}

describe('GET /api/v1/products', () => {
	it('lists published products with variants, localized content and absolute media links', async () => {
		const res = await list();
		expect(res.status).toBe(200);
		const body = res.body as Page<ApiProduct>;
		expect(body.data.map((p) => p.code)).toEqual(['CHR-1', 'TSH-1', 'TSH-2', 'TSH-3']);
		expect(body.next).toBeNull();
		const chairView = body.data[0];
		expect(chairView).toMatchObject({
			status: 'published',
			family: 'furniture',
			categories: ['chairs'],
			name: { en: 'Oak dining chair CHR-1', 'zh-CN': '橡木餐椅', ru: 'Дубовый обеденный стул' },
			description: { en: '<p>A sturdy chair.</p>' },
			brand: 'Nordhus',
			channels: ['kiosk']
		});
		expect(chairView.values.material).toEqual([{ locale: null, channel: null, data: 'oak' }]);
		expect(chairView.variants).toEqual([
			{ sku: 'CHR-1', gtin: expect.stringMatching(/^\d{14}$/), axes: {}, group: null, values: {}, prices: [{ currency: 'USD', amount: 12900, sale: null, current: 12900 }] }
		]);
		expect(chairView.media).toEqual([
			{
				type: 'image',
				url: `${BASE}/media/images/ab/${'1'.repeat(64)}-1024.webp`,
				variant: null,
				alt: { en: 'The chair from the front' },
				width: 1200,
				height: 900,
				renditions: [320, 640, 1024].map((w) => ({ width: w, url: `${BASE}/media/images/ab/${'1'.repeat(64)}-${w}.webp` }))
			},
			{ type: 'model3d', url: `${BASE}/media/models/ab/${'2'.repeat(64)}.glb`, variant: null, alt: {}, width: null, height: null }
		]);
		const shirt = body.data[1];
		expect(shirt.axes.map((a) => [a.code, a.options.map((o) => o.code)])).toEqual([
			['colour', ['red', 'blue']],
			['size', ['S', 'M']]
		]);
		expect(shirt.variants.map((v) => [v.sku, v.group, v.axes])).toEqual([
			['TSH-1-RED-S', 'TSH-1-RED', { colour: 'red', size: 'S' }],
			['TSH-1-RED-M', 'TSH-1-RED', { colour: 'red', size: 'M' }],
			['TSH-1-BLUE-S', 'TSH-1-BLUE', { colour: 'blue', size: 'S' }],
			['TSH-1-BLUE-M', 'TSH-1-BLUE', { colour: 'blue', size: 'M' }]
		]);
	});

	it('filters by status, category, channel and time of change', async () => {
		const codes = async (q: string) => ((await list(q)).body as Page<ApiProduct>).data.map((p) => p.code);
		expect(await codes('status=draft')).toEqual(['CHR-DRAFT']);
		expect(await codes('status=any')).toEqual(['CHR-1', 'TSH-1', 'TSH-2', 'TSH-3', 'CHR-DRAFT', 'CHR-OLD']);
		expect(await codes('category=furniture')).toEqual(['CHR-1']); // chairs sit below furniture
		expect(await codes('category=tshirts')).toEqual(['TSH-1', 'TSH-2', 'TSH-3']);
		expect(await codes('category=nope')).toEqual([]);
		expect(await codes('channel=kiosk')).toEqual(['CHR-1', 'TSH-1', 'TSH-2', 'TSH-3']);
		expect(await codes('channel=web')).toEqual([]); // the web channel needs a description and width they lack
		const later = new Date(Date.now() + 1000).toISOString();
		expect(await codes(`updated_since=${encodeURIComponent(later)}`)).toEqual([]);
		const stamp = db.select({ u: product.updatedAt }).from(product).where(eq(product.code, 'TSH-3')).get()!.u;
		expect(await codes(`status=any&updated_since=${encodeURIComponent(stamp)}`)).toContain('TSH-3');
		// An offset form of the same instant finds the same products.
		const shifted = new Date(Date.parse(stamp)).toISOString().replace('Z', '+00:00');
		expect(await codes(`status=any&updated_since=${encodeURIComponent(shifted)}`)).toEqual(await codes(`status=any&updated_since=${encodeURIComponent(stamp)}`));
	});

	it('visits every product exactly once across pages, even when products change and are added meanwhile', async () => {
		for (let i = 0; i < 9; i++) saveProduct(db, chair(`CHR-P${i}`, 60 + i), 'test');
		const all = ((await list('limit=200&status=any')).body as Page<ApiProduct>).data.map((p) => p.code);
		for (const limit of [1, 2, 3, 5, 7]) {
			const { codes, pages } = await walk('status=any', limit);
			expect(codes).toEqual(all);
			expect(pages).toBe(Math.ceil(all.length / limit));
		}
		// A product saved while a client pages keeps its place; one added later comes at the end.
		const first = (await list('limit=4&status=any')).body as Page<ApiProduct>;
		saveProduct(db, chair('CHR-1', 1, { categories: ['chairs', 'furniture'] }), 'test');
		saveProduct(db, chair('CHR-NEW', 99), 'test');
		let next = first.next;
		const rest: string[] = [];
		while (next) {
			const page = (await list(new URL(next).search.slice(1))).body as Page<ApiProduct>;
			rest.push(...page.data.map((p) => p.code));
			next = page.next;
		}
		expect([...first.data.map((p) => p.code), ...rest]).toEqual([...all, 'CHR-NEW']);
	});

	it('answers 304 to a matching If-None-Match, and 200 again once something changed', async () => {
		const first = await list('limit=2');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]{32}"$/);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const again = await call(ops.listProducts, { token, query: 'limit=2', headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect((await call(ops.listProducts, { token, query: 'limit=2', headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
		saveProduct(db, chair('CHR-1', 1, { values: { ...chair().values, brand: { '*': { '*': 'Nordhus Studio' } } } }), 'test');
		const changed = await call(ops.listProducts, { token, query: 'limit=2', headers: { 'if-none-match': etag } });
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
	});

	it('refuses bad parameters with a 400 naming each', async () => {
		const res = await list('limit=500&status=gone&updated_since=yesterday&colour=red&cursor=nonsense');
		expect(res.status).toBe(400);
		const { error } = res.body as { error: { code: string; details: { path: string }[] } };
		expect(error.code).toBe('bad_request');
		expect(error.details.map((d) => d.path).sort()).toEqual(['colour', 'cursor', 'limit', 'status', 'updated_since']);
		// A cursor of another list is not one of this list's.
		const cats = (await call(ops.listCategories, { token, query: 'limit=1' })).body as Page<ApiCategory>;
		expect((await list(`cursor=${new URL(cats.next!).searchParams.get('cursor')}`)).status).toBe(400);
		expect((await list('limit=0')).status).toBe(400);
		expect((await list('limit=2&limit=3')).status).toBe(400);
	});
});

describe('GET /api/v1/products/{code}', () => {
	it('answers one product with an ETag, whatever its status, and 304 when unchanged', async () => {
		const res = await call(ops.getProduct, { token, params: { code: 'CHR-OLD' } });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ code: 'CHR-OLD', status: 'archived', channels: [] });
		const again = await call(ops.getProduct, { token, params: { code: 'CHR-OLD' }, headers: { 'if-none-match': res.headers.get('etag')! } });
		expect(again.status).toBe(304);
	});

	it('says 404 for an unknown code', async () => {
		const res = await call(ops.getProduct, { token, params: { code: 'NOPE' } });
		expect(res.status).toBe(404);
		expect(res.body).toEqual({ error: { code: 'not_found', message: 'No product NOPE' } });
	});

	it('never passes on a script a description may hold', async () => {
		saveProduct(db, chair('CHR-XSS', 80, { values: { ...chair().values, description: { '*': { en: '<p onclick="x()">Nice<script>alert(1)</script></p>' } } } }), 'test');
		const res = await call(ops.getProduct, { token, params: { code: 'CHR-XSS' } });
		expect((res.body as ApiProduct).description.en).toBe('<p>Nice</p>');
		expect((res.body as ApiProduct).values.description).toEqual([{ locale: 'en', channel: null, data: '<p>Nice</p>' }]);
	});
});

describe('GET /api/v1/categories', () => {
	it('lists the tree with parents, paths and localized labels, a page at a time', async () => {
		const res = await call(ops.listCategories, { token });
		expect(res.status).toBe(200);
		expect((res.body as Page<ApiCategory>).data).toEqual([
			{ code: 'furniture', parent: null, label: { en: 'Furniture', 'zh-CN': '家具', ru: 'Мебель' }, position: 0, path: ['furniture'] },
			{ code: 'chairs', parent: 'furniture', label: { en: 'Chairs', 'zh-CN': '椅子', ru: 'Стулья' }, position: 0, path: ['furniture', 'chairs'] },
			{ code: 'apparel', parent: null, label: { en: 'Apparel' }, position: 0, path: ['apparel'] },
			{ code: 'tshirts', parent: 'apparel', label: { en: 'T-shirts' }, position: 0, path: ['apparel', 'tshirts'] }
		]);
		const first = (await call(ops.listCategories, { token, query: 'limit=3' })).body as Page<ApiCategory>;
		expect(first.data).toHaveLength(3);
		const second = await call(ops.listCategories, { token, query: new URL(first.next!).search.slice(1) });
		expect((second.body as Page<ApiCategory>).data.map((c) => c.code)).toEqual(['tshirts']);
		expect((second.body as Page<ApiCategory>).next).toBeNull();
		const etag = second.headers.get('etag')!;
		expect((await call(ops.listCategories, { token, query: new URL(first.next!).search.slice(1), headers: { 'if-none-match': etag } })).status).toBe(304);
	});
});
